import { expect } from '@open-wc/testing';
import { msg } from '@lit/localize';
import sinon from 'sinon';
import {
  getOmniLocale,
  localeLoaders,
  setOmniLocale,
} from '../../../src/core/i18n/localization.js';

describe('setOmniLocale', () => {
  const loadArabic = localeLoaders.ar;

  afterEach(async () => {
    localeLoaders.ar = loadArabic;
    sinon.restore();
    await setOmniLocale('en');
  });

  it('loads the Arabic translations on demand and resolves once they are active', async () => {
    const load = sinon.spy(loadArabic);
    localeLoaders.ar = load;
    await setOmniLocale('ar-EG');
    expect(getOmniLocale()).to.equal('ar');
    expect(load.callCount).to.equal(1);
    expect(msg('Change location', { id: 'location.change' })).to.equal('تغيير الموقع');
  });

  it('switches back to English without loading anything', async () => {
    await setOmniLocale('ar');
    const load = sinon.spy(loadArabic);
    localeLoaders.ar = load;
    await setOmniLocale('en');
    expect(getOmniLocale()).to.equal('en');
    expect(load.callCount).to.equal(0);
    expect(msg('Change location', { id: 'location.change' })).to.equal('Change location');
  });

  it('falls back to English with a warning when the translations cannot be loaded', async () => {
    const warn = sinon.stub(console, 'warn');
    const failure = new TypeError('Failed to fetch dynamically imported module');
    localeLoaders.ar = () => Promise.reject(failure);
    await setOmniLocale('ar');
    expect(getOmniLocale()).to.equal('en');
    expect(msg('Change location', { id: 'location.change' })).to.equal('Change location');
    expect(warn.callCount).to.equal(1);
    expect(String(warn.firstCall.args[0])).to.include('"ar" translations');
    expect(warn.firstCall.args[1]).to.equal(failure);
  });

  it('tries again on the next switch after a failed load', async () => {
    sinon.stub(console, 'warn');
    localeLoaders.ar = () => Promise.reject(new TypeError('offline'));
    await setOmniLocale('ar');
    expect(getOmniLocale()).to.equal('en');
    localeLoaders.ar = loadArabic;
    await setOmniLocale('ar');
    expect(getOmniLocale()).to.equal('ar');
    expect(msg('Change location', { id: 'location.change' })).to.equal('تغيير الموقع');
  });
});
