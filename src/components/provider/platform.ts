/** What the browser offers the services: page visibility and a channel to the page's other tabs. */
import type { Platform } from '../../core/services/registry.js';
import { documentVisibility } from '../../controllers/document-visibility.js';

let platform: Platform | undefined;

/** The platform of this document (created once). */
export function browserPlatform(): Platform {
  platform ??= {
    visibility: typeof document === 'undefined' ? undefined : documentVisibility(document),
    channel: (name) =>
      typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined,
  };
  return platform;
}
