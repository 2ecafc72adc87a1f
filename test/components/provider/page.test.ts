import { expect, waitUntil } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { configure, installPage } from '../../../src/components/provider/page.js';
import { getOmniLocale, setOmniLocale } from '../../../src/core/i18n/localization.js';

describe('page-level services and configure()', () => {
  const cacheName = `omnishelf-page-test-${Date.now()}`;
  before(() => installPage());
  after(async () => {
    document.documentElement.lang = 'en';
    configure({ cacheName: `${cacheName}-done`, locale: 'en' });
    await deleteDB(cacheName);
  });

  it('does not reset a language set elsewhere when configuring something else', async () => {
    configure({ cacheName, locale: 'auto' });
    await setOmniLocale('ar');
    configure({ currency: 'AED' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(getOmniLocale()).to.equal('ar');
    await setOmniLocale('en');
  });

  it('ignores <html lang> rewritten with the same value', async () => {
    configure({ locale: 'auto' });
    await setOmniLocale('ar'); // e.g. set by an <omni-provider locale="ar">
    document.documentElement.setAttribute('lang', document.documentElement.lang);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(getOmniLocale()).to.equal('ar');
    await setOmniLocale('en');
  });

  it('follows <html lang> at runtime with locale "auto"', async () => {
    configure({ locale: 'auto' });
    document.documentElement.lang = 'ar-EG';
    await waitUntil(() => getOmniLocale() === 'ar', 'did not follow <html lang>');
    document.documentElement.lang = 'en';
    await waitUntil(() => getOmniLocale() === 'en', 'did not follow <html lang> back');
  });
});
