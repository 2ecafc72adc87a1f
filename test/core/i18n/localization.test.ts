import { expect } from '@open-wc/testing';
import { msg } from '@lit/localize';
import sinon from 'sinon';
import {
  SUPPORTED_LOCALES,
  getOmniLocale,
  isRtl,
  localeLoaders,
  localeTag,
  matchLocale,
  resolveLocale,
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

describe('resolveLocale', () => {
  const lang = document.documentElement.lang;

  /** Runs `body` as in a browser whose preferred languages are `languages`. */
  function withBrowserLanguages(languages: string[], body: () => void): void {
    Object.defineProperty(navigator, 'languages', { configurable: true, get: () => languages });
    Object.defineProperty(navigator, 'language', { configurable: true, get: () => languages[0] });
    try {
      body();
    } finally {
      delete (navigator as { languages?: unknown }).languages;
      delete (navigator as { language?: unknown }).language;
    }
  }

  afterEach(() => {
    document.documentElement.lang = lang;
  });

  it('reads a language tag as the language of ours it is written in', () => {
    const cases: Record<string, string> = {
      'nb-NO': 'nb',
      nb: 'nb',
      no: 'nb',
      'no-NO': 'nb',
      nn: 'nb',
      'nn-NO': 'nb',
      'fil-PH': 'fil',
      fil: 'fil',
      tl: 'fil',
      'tl-PH': 'fil',
      'sw-KE': 'sw',
      'sw-TZ': 'sw',
      'lt-LT': 'lt',
      'ar-EG': 'ar',
      'ar-SA': 'ar',
      ar_AE: 'ar',
      'en-GB': 'en',
      de: 'en',
      'zh-Hant-TW': 'en',
      'not a tag': 'en',
    };
    const resolved = Object.fromEntries(Object.keys(cases).map((tag) => [tag, resolveLocale(tag)]));
    expect(resolved).to.deep.equal(cases);
  });

  it('follows <html lang> for "auto", whatever the browser prefers', () => {
    withBrowserLanguages(['lt-LT', 'en'], () => {
      document.documentElement.lang = 'nb-NO';
      expect(resolveLocale('auto')).to.equal('nb');
      document.documentElement.lang = 'en-KE';
      expect(resolveLocale('auto')).to.equal('en');
    });
  });

  it("takes the browser's best match when the page's language is none of ours", () => {
    withBrowserLanguages(['de-DE', 'tl-PH', 'sw-KE'], () => {
      document.documentElement.lang = 'fr';
      expect(resolveLocale('auto')).to.equal('fil');
      document.documentElement.lang = '';
      expect(resolveLocale('')).to.equal('fil');
    });
    withBrowserLanguages(['de-DE', 'fr'], () => {
      document.documentElement.lang = '';
      expect(resolveLocale('auto')).to.equal('en');
    });
  });

  it('spells a regional tag with the language of ours it reads, for formatting', () => {
    expect(localeTag('nn-NO')).to.equal('nb-NO');
    expect(localeTag('no')).to.equal('nb');
    expect(localeTag('tl-PH')).to.equal('fil-PH');
    expect(localeTag('sw-TZ')).to.equal('sw-TZ');
    expect(localeTag('ar-EG')).to.equal('ar-EG');
    expect(localeTag('de-DE')).to.equal(undefined);
    expect(matchLocale('lt-LT')).to.equal('lt');
  });

  it('writes right to left in Arabic only', () => {
    expect(SUPPORTED_LOCALES.filter((locale) => isRtl(locale))).to.deep.equal(['ar']);
  });
});

describe('each language', () => {
  afterEach(async () => {
    await setOmniLocale('en');
  });

  it('loads its own translations and shows them', async () => {
    const changeLocation: Record<string, string> = {
      en: 'Change location',
      ar: 'تغيير الموقع',
      sw: 'Badilisha mahali',
      fil: 'Palitan ang lokasyon',
      nb: 'Endre sted',
      lt: 'Keisti vietą',
    };
    const shown: Record<string, string> = {};
    for (const locale of SUPPORTED_LOCALES) {
      await setOmniLocale(locale);
      expect(getOmniLocale()).to.equal(locale);
      shown[locale] = msg('Change location', { id: 'location.change' });
    }
    expect(shown).to.deep.equal(changeLocation);
  });
});
