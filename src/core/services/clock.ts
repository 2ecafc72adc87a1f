/** The page clock: one timer for every widget, paused while the page is hidden. */
import { clockContext } from '../context.js';
import { createPageClock } from '../time/clock.js';
import { defineService } from './registry.js';

export const clockService = defineService({
  name: 'clock',
  context: clockContext,
  key: () => '',
  create: (env) => createPageClock({ visibility: env.platform.visibility }),
});
