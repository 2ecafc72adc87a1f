/**
 * What the browser offers the services: page visibility, a channel to the page's other tabs, Web
 * Locks, the page's lifecycle and network state, and messages from other windows.
 */
import type { PageEvent, Platform } from '../../core/services/registry.js';
import { documentVisibility } from '../../controllers/document-visibility.js';

let platform: Platform | undefined;

/** `pagehide`, `hidden`, `resume` (shown, focused, restored), `online` and `offline` of `window`. */
function pageLifecycle(win: Window): NonNullable<Platform['lifecycle']> {
  return {
    get online() {
      return win.navigator.onLine !== false;
    },
    subscribe(listener) {
      const on = (type: string, event: PageEvent, target: EventTarget = win) => {
        const handle = () => {
          if (type !== 'visibilitychange') listener(event);
          else listener(win.document.visibilityState === 'hidden' ? 'hidden' : 'resume');
        };
        target.addEventListener(type, handle);
        return () => target.removeEventListener(type, handle);
      };
      const offs = [
        on('pagehide', 'pagehide'),
        on('pageshow', 'resume'),
        on('focus', 'resume'),
        on('visibilitychange', 'resume', win.document),
        on('online', 'online'),
        on('offline', 'offline'),
      ];
      return () => offs.forEach((off) => off());
    },
  };
}

/** The platform of this document (created once). */
export function browserPlatform(): Platform {
  if (platform) return platform;
  const win = typeof window === 'undefined' ? undefined : window;
  const locks = win?.navigator.locks;
  platform = {
    visibility: typeof document === 'undefined' ? undefined : documentVisibility(document),
    channel: (name) =>
      typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined,
    ...(locks && typeof locks.request === 'function'
      ? { locks: { request: (name, callback) => locks.request(name, callback) } }
      : {}),
    ...(win
      ? {
          lifecycle: pageLifecycle(win),
          messages: {
            origin: win.location.origin,
            subscribe(listener) {
              const handle = (event: MessageEvent) => listener(event.data, event.origin);
              win.addEventListener('message', handle);
              return () => win.removeEventListener('message', handle);
            },
          },
        }
      : {}),
  };
  return platform;
}
