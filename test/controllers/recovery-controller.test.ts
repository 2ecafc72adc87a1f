import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { RecoveryController } from '../../src/controllers/recovery-controller.js';
import { backOnTab, backOnline } from '../helpers/page-events.js';

class RecoveryHost extends LitElement {
  failed = false;
  retries = 0;

  constructor() {
    super();
    new RecoveryController(this, {
      failed: () => this.failed,
      retry: () => this.retries++,
    });
  }
}
customElements.define('recovery-host', RecoveryHost);

describe('RecoveryController', () => {
  it('asks again when the browser is back online or the tab is shown, only while failed', async () => {
    const el = await fixture<RecoveryHost>(html`<recovery-host></recovery-host>`);
    backOnline();
    backOnTab();
    expect(el.retries, 'nothing failed').to.equal(0);
    el.failed = true;
    backOnline();
    expect(el.retries, 'online').to.equal(1);
    backOnTab();
    // Hidden first: not a chance to recover; visible again: one.
    expect(el.retries, 'back on the tab').to.equal(2);
  });

  it('stops listening once the host leaves the page', async () => {
    const el = await fixture<RecoveryHost>(html`<recovery-host></recovery-host>`);
    el.failed = true;
    el.remove();
    backOnline();
    backOnTab();
    expect(el.retries).to.equal(0);
    document.body.append(el);
    backOnline();
    expect(el.retries).to.equal(1);
    el.remove();
  });
});
