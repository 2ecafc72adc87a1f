import { expect, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../../src/components/shipping-estimator/shipping-estimator.js';
import type { OmniShippingEstimator } from '../../src/components/shipping-estimator/shipping-estimator.js';
import type { ShippingRules } from '../../src/core/api/types.js';
import type { SwrResult } from '../../src/core/cache/types.js';
import { validateShippingRules } from '../../src/core/shipping/index.js';
import type {
  CheckedShippingRules,
  ShippingService,
} from '../../src/core/shipping/shipping-service.js';
import { createPageClock, createTestClock } from '../../src/core/time/index.js';
import {
  AFTER_MS,
  BEFORE_MS,
  createClockControl,
  initClockControl,
  pageClockOf,
} from '../../demo/clock-control.js';
import { fakeLocationService, fixtureWithServices } from '../helpers/fixture-with-services.js';

const MINUTE = 60_000;
const CUTOFF = new Date('2026-11-23T12:00:00Z');
const DEVICE_NOW = Date.parse('2026-11-23T08:00:00Z');

describe('demo: page clock control', () => {
  describe('createClockControl', () => {
    it('sets the page clock just before and just after one cutoff, then back', () => {
      const clock = createPageClock({ now: () => DEVICE_NOW });
      let shown: Date | undefined = CUTOFF;
      const control = createClockControl({
        clock: () => clock,
        cutoff: () => shown,
      });
      expect(control.justBefore()).to.equal(true);
      expect(clock.now()).to.equal(CUTOFF.getTime() - BEFORE_MS);
      // The widget shows the next promise after the cutoff; the control keeps the first cutoff.
      shown = new Date(CUTOFF.getTime() + 24 * 60 * MINUTE);
      expect(control.justAfter()).to.equal(true);
      expect(clock.now()).to.equal(CUTOFF.getTime() + AFTER_MS);
      expect(control.justBefore()).to.equal(true);
      expect(clock.now()).to.equal(CUTOFF.getTime() - BEFORE_MS);
      control.reset();
      expect(clock.offsetMs).to.equal(0);
      expect(control.cutoff).to.equal(undefined);
      control.justBefore();
      expect(control.cutoff?.toISOString()).to.equal(shown.toISOString());
    });

    it('does nothing without a page clock or a cutoff', () => {
      const clock = createPageClock();
      expect(
        createClockControl({ clock: () => clock, cutoff: () => undefined }).justBefore(),
      ).to.equal(false);
      expect(
        createClockControl({ clock: () => undefined, cutoff: () => CUTOFF }).justAfter(),
      ).to.equal(false);
      expect(clock.offsetMs).to.equal(0);
    });
  });

  describe('on the page, with the estimator', () => {
    const rules = {
      origins: [
        {
          id: 'nbo',
          timezone: 'Africa/Nairobi',
          cutoffs: [1, 2, 3, 4, 5].map((day) => ({ day, time: '15:00' })),
          handlingDays: { min: 0, max: 0 },
          workdays: [1, 2, 3, 4, 5],
          closures: [],
        },
      ],
      methods: [
        {
          id: 'express',
          label: 'Express',
          carrier: 'Sendy',
          price: { amount: '7.90', currency: 'EUR' },
          transitDays: { min: 1, max: 1 },
          deliveryDays: [1, 2, 3, 4, 5, 6],
        },
      ],
      holidays: [],
    } as ShippingRules;
    const shipping: ShippingService = {
      rules: async (country): Promise<SwrResult<CheckedShippingRules>> => ({
        value: { country, ...validateShippingRules(rules) },
        updatedAt: Date.now(),
        stale: false,
        source: 'network',
      }),
    };

    async function page() {
      // The device's clock stands still at Monday 08:00Z; the demo moves the page clock only.
      const clock = createPageClock({ now: () => DEVICE_NOW });
      const el = await fixtureWithServices<OmniShippingEstimator>(
        html`<omni-shipping-estimator></omni-shipping-estimator>`,
        {
          shipping,
          clock,
          location: fakeLocationService({
            location: { kind: 'postal', postalCode: '00100', country: 'KE' },
          }),
          config: { locale: 'en-GB', country: 'KE' },
        },
      );
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="order-by"]'), 'no estimate');
      const container = document.createElement('div');
      container.innerHTML = `<p data-clock="title"></p>
        <button data-clock="before"></button><button data-clock="after"></button>
        <button data-clock="reset"></button><p data-clock="status"></p>`;
      el.parentElement!.append(container);
      initClockControl(container, el, () => 'en');
      const text = (part: string) =>
        el.shadowRoot!.querySelector(`[part~="${part}"]`)!.textContent!.replace(/\s+/g, ' ').trim();
      const press = async (which: string) => {
        container.querySelector<HTMLButtonElement>(`[data-clock="${which}"]`)!.click();
        await el.updateComplete;
      };
      return { el, clock, container, text, press };
    }

    it('finds the page clock the way widgets do, through context', async () => {
      const { el, clock } = await page();
      expect(pageClockOf(el)).to.equal(clock);
      const test = createTestClock(DEVICE_NOW);
      expect(pageClockOf(document.body)).to.equal(undefined);
      expect(test).to.not.have.property('setOffset');
    });

    it('moves the promise across the cutoff and back', async () => {
      const { el, container, text, press } = await page();
      const status = container.querySelector('[data-clock="status"]')!;
      expect(text('dates')).to.equal('Arrives Tue 24 Nov');
      await press('before');
      expect(text('order-by')).to.match(/^Order within 2 mins? to get it tomorrow$/);
      expect(text('dates')).to.equal('Arrives Tue 24 Nov');
      expect(status.textContent).to.contain('moved for the demo');
      await press('after');
      await el.updateComplete;
      expect(text('dates')).to.equal('Arrives Wed 25 Nov');
      expect(text('order-by')).to.match(/^Order within 23 hrs?, 59 mins? to get it by Wednesday$/);
      await press('before');
      await el.updateComplete;
      expect(text('dates')).to.equal('Arrives Tue 24 Nov');
      await press('reset');
      await el.updateComplete;
      expect(text('order-by')).to.match(
        /^Order within 4 hrs?, 0 mins? to get it tomorrow$|^Order within 4 hrs? to get it tomorrow$/,
      );
      expect(status.textContent).to.not.contain('moved');
    });
  });
});
