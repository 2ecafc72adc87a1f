/**
 * Subscribes a cart element to the cart store: the host updates on every change of the cart.
 *
 * Also the page-wide duties no single element owns, done by the first cart element connected
 * (the "announcer"), so that they happen once per page whatever the cart elements on it:
 * dispatching `omni-cart-change`, `omni-cart-sync` and `omni-cart-conflict`, and claiming a
 * handoff code from the address (`?omni-cart-code=`) once, removing it from the address so that a
 * reload does not claim it again.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CartStore, CartView } from '../core/cart/store.js';
import { OmniCartChangeEvent } from '../events/cart-change.js';
import { OmniCartConflictEvent } from '../events/cart-conflict.js';
import { OmniCartSyncEvent } from '../events/cart-sync.js';

/** The address parameter of a handoff link. */
export const CLAIM_PARAM = 'omni-cart-code';

type Host = ReactiveControllerHost & HTMLElement;

const announcers = new WeakMap<CartStore, Host[]>();
let claimed = false;

/** Claims the handoff code in the page's address, once per page. */
function claimFromAddress(store: CartStore): void {
  if (claimed || typeof location === 'undefined') return;
  claimed = true;
  const url = new URL(location.href);
  const code = url.searchParams.get(CLAIM_PARAM)?.trim();
  if (!code) return;
  url.searchParams.delete(CLAIM_PARAM);
  try {
    history.replaceState(history.state, '', url.href);
  } catch {
    /* a sandboxed page: the code stays in the address; a second claim explains itself */
  }
  void store.ready.then(() => store.claim(code.slice(0, 64)));
}

/** What identifies the lines for `omni-cart-change`. */
const linesOf = (view: CartView) =>
  `${view.cartId ?? ''}|${view.lines.map((l) => `${l.key}:${l.qty}:${l.unitPrice?.amount ?? ''}`).join(',')}`;

export class CartController implements ReactiveController {
  private store: CartStore | undefined;
  private unsubscribe: (() => void) | undefined;
  private connected = false;
  private last: CartView | undefined;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  /** The cart as shoppers see it, once the stored cart is read. */
  get view(): CartView | undefined {
    const view = this.store?.view;
    return view?.loaded ? view : undefined;
  }

  get cart(): CartStore | undefined {
    return this.store;
  }

  setStore(store: CartStore | undefined): void {
    if (store === this.store) return;
    this.detach();
    this.store = store;
    if (this.connected) this.attach();
  }

  hostConnected(): void {
    this.connected = true;
    this.attach();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.detach();
  }

  private attach(): void {
    const store = this.store;
    if (!store || this.unsubscribe) return;
    const hosts = announcers.get(store) ?? [];
    announcers.set(store, [...hosts, this.host]);
    this.last = store.view.loaded ? store.view : undefined;
    this.unsubscribe = store.subscribe(() => this.handleChange());
    claimFromAddress(store);
    this.host.requestUpdate();
  }

  private detach(): void {
    const store = this.store;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (store) {
      announcers.set(
        store,
        (announcers.get(store) ?? []).filter((h) => h !== this.host),
      );
    }
  }

  private handleChange(): void {
    this.host.requestUpdate();
    const store = this.store;
    if (!store || !store.view.loaded) return;
    const view = store.view;
    const previous = this.last;
    this.last = view;
    if (!previous || announcers.get(store)?.[0] !== this.host) return;
    if (linesOf(previous) !== linesOf(view)) {
      this.host.dispatchEvent(new OmniCartChangeEvent(view, view.count));
    }
    if (previous.pending !== view.pending || previous.status !== view.status) {
      this.host.dispatchEvent(new OmniCartSyncEvent(view.pending, view.status));
    }
    const seen = new Set(previous.notices.map((n) => n.id));
    for (const notice of view.notices) {
      if (seen.has(notice.id) || notice.kind === 'handoff') continue;
      this.host.dispatchEvent(new OmniCartConflictEvent(notice.kind, notice, undefined));
    }
    if (view.choice && !previous.choice) {
      this.host.dispatchEvent(new OmniCartConflictEvent('choice', undefined, view.choice));
    }
  }
}
