/**
 * The same failure reads the same in every widget: the stock checker, the pickup selector and the
 * shipping estimator, each failing to load its data for one reason at a time.
 */
import { expect, html } from '@open-wc/testing';
import { waitUntil } from '../../helpers/wait.js';
import { whileOffline } from '../../helpers/page-events.js';
import '../../../src/components/stock-checker/stock-checker.js';
import '../../../src/components/pickup-selector/pickup-selector.js';
import '../../../src/components/shipping-estimator/shipping-estimator.js';
import { OmniError } from '../../../src/core/api/errors.js';
import {
  POSTAL_00100,
  fakeLocationService,
  fakeMyStoreService,
  fakeStockService,
  fixtureWithServices,
} from '../../helpers/fixture-with-services.js';
import { fakePickupService } from '../../helpers/pickup.js';
import { fakeShipping } from '../../helpers/shipping.js';

const SKU = 'TEE-M';

type Widget = 'stock' | 'pickup' | 'shipping';

interface Shown {
  /** The alert's text. */
  message: string;
  /** The retry button's text ('' without one). */
  retry: string;
}

const textOf = (node: Element | null | undefined): string =>
  (node?.textContent ?? '')
    .replace(/[\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Renders `widget` with its data failing with `error`, and reads what it says. */
async function shownBy(widget: Widget, error: () => OmniError): Promise<Shown> {
  const fail = () => Promise.reject(error());
  const template = {
    stock: html`<omni-stock-checker sku=${SKU}></omni-stock-checker>`,
    pickup: html`<omni-pickup-selector sku=${SKU}></omni-pickup-selector>`,
    shipping: html`<omni-shipping-estimator></omni-shipping-estimator>`,
  }[widget];
  const el = await fixtureWithServices<HTMLElement & { updateComplete: Promise<unknown> }>(
    template,
    {
      stock: fakeStockService({ [SKU]: fail }),
      pickup: fakePickupService(() => Date.now()),
      shipping: fakeShipping({ KE: fail }),
      location: fakeLocationService({ location: POSTAL_00100 }),
      myStore: fakeMyStoreService(),
      config: { units: 'km', locale: 'en', country: 'KE' },
    },
  );
  await waitUntil(() => el.matches(':state(error)'), `<${el.localName}> shows no error`);
  await el.updateComplete;
  const root = el.shadowRoot!;
  return {
    message: textOf(root.querySelector('[part~="error"] [role="alert"]')),
    retry: textOf(root.querySelector('[part~="retry-button"]')),
  };
}

async function allWidgets(error: () => OmniError): Promise<Record<Widget, Shown>> {
  return {
    stock: await shownBy('stock', error),
    pickup: await shownBy('pickup', error),
    shipping: await shownBy('shipping', error),
  };
}

const network = () => new OmniError('network', 'fetch failed');
const timeout = () => new OmniError('timeout', 'no answer');
const server = () => new OmniError('http', 'unavailable', { status: 503 });
const malformed = () => new OmniError('invalid_response', 'not contract v1');
const notSetUp = () => new OmniError('unsupported', 'no such capability');

describe('failure messages, across <omni-stock-checker>, <omni-pickup-selector> and <omni-shipping-estimator>', () => {
  it('word an unreachable backend (network error or timeout) the same, with the same button', async () => {
    for (const error of [network, timeout]) {
      const shown = await allWidgets(error);
      for (const widget of ['stock', 'pickup', 'shipping'] as const) {
        expect(shown[widget], widget).to.deep.equal({
          message: "Can't reach the shop right now. Check your connection and try again.",
          retry: 'Try again',
        });
      }
    }
  });

  it('word being offline the same, and promise only what they do (ask again when back online)', async () => {
    const shown = await whileOffline(() => allWidgets(network));
    for (const widget of ['stock', 'pickup', 'shipping'] as const) {
      expect(shown[widget], widget).to.deep.equal({
        message: "You're offline. We'll try again when you're back online.",
        retry: 'Try again',
      });
    }
  });

  it('word a server error and a malformed answer alike, in one pattern naming what is missing', async () => {
    const failing = await allWidgets(server);
    const malformedAnswer = await allWidgets(malformed);
    expect(failing).to.deep.equal(malformedAnswer);
    expect(failing).to.deep.equal({
      stock: {
        message: "Stock information isn't available right now. Please try again in a moment.",
        retry: 'Try again',
      },
      pickup: {
        message: "Pickup isn't available right now. Please try again in a moment.",
        retry: 'Try again',
      },
      shipping: {
        message: "Delivery estimates aren't available right now. Please try again in a moment.",
        retry: 'Try again',
      },
    });
  });

  it('say that the shop has not set the feature up, with nothing to retry', async () => {
    const shown = await allWidgets(notSetUp);
    expect(shown).to.deep.equal({
      stock: { message: "This shop hasn't set up store stock yet.", retry: '' },
      pickup: { message: "This shop hasn't set up pickup yet.", retry: '' },
      shipping: { message: "This shop hasn't set up delivery estimates yet.", retry: '' },
    });
  });
});
