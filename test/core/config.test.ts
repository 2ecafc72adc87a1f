import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import {
  CONFIG_SCRIPT_ID,
  DEFAULT_CONFIG,
  readPageConfig,
  resolveConfig,
  sanitizeConfig,
} from '../../src/core/config.js';

describe('config', () => {
  afterEach(() => {
    document.getElementById(CONFIG_SCRIPT_ID)?.remove();
    sinon.restore();
  });

  function pageBlock(text: string) {
    const script = document.createElement('script');
    script.type = 'application/json';
    script.id = CONFIG_SCRIPT_ID;
    script.textContent = text;
    document.head.append(script);
  }

  it('clamps timeoutMs to a sane range, so a huge value never overflows the timer', () => {
    expect(sanitizeConfig({ timeoutMs: 3e9 }).timeoutMs).to.equal(60_000);
    expect(sanitizeConfig({ timeoutMs: 200 }).timeoutMs).to.equal(1000);
    expect(sanitizeConfig({ timeoutMs: 5000 }).timeoutMs).to.equal(5000);
  });

  it('accepts http(s) URLs and paths as apiBase, nothing else', () => {
    const warn = sinon.stub(console, 'warn');
    try {
      for (const good of [
        '/api/omni/v1',
        'api/v1',
        'https://shop.example/omni/v1',
        'http://localhost:8080/x',
      ]) {
        expect(sanitizeConfig({ apiBase: good }).apiBase, good).to.equal(good);
      }
      for (const bad of [
        'data:text/html,<b>x',
        'javascript:alert(1)',
        '//evil.example/x',
        'blob:https://a/b',
        'ftp://x/y',
      ]) {
        expect(sanitizeConfig({ apiBase: bad }).apiBase, bad).to.equal(undefined);
      }
    } finally {
      warn.restore();
    }
  });

  it('keeps well-typed fields and drops wrong ones', () => {
    expect(
      sanitizeConfig({
        apiBase: 'https://shop.example/omni/v1/',
        currency: 'eur',
        country: 'ke',
        units: 'mi',
        stockDisplay: 'exact',
        lowStockThreshold: '3',
        radiusKm: 25,
        storeLimit: 500,
        defaultLocation: { postalCode: ' 00100 ', country: 'ke' },
      }),
    ).to.deep.equal({
      apiBase: 'https://shop.example/omni/v1',
      currency: 'EUR',
      country: 'KE',
      units: 'mi',
      stockDisplay: 'exact',
      lowStockThreshold: 3,
      radiusKm: 25,
      storeLimit: 50,
      defaultLocation: { kind: 'postal', postalCode: '00100', country: 'KE' },
    });
    expect(
      sanitizeConfig({
        currency: 'euro',
        units: 'furlongs',
        stockDisplay: 42,
        radiusKm: -1,
        retries: 'many',
        defaultLocation: { lat: 200, lng: 0 },
      }),
    ).to.deep.equal({});
    expect(sanitizeConfig('nonsense')).to.deep.equal({});
  });

  it('says which fields it ignored, once per page block', () => {
    const warn = sinon.stub(console, 'warn');
    expect(
      sanitizeConfig({ stockdisplay: 'exact', currency: 'euro', radiusKm: 50000 }),
    ).to.deep.equal({
      radiusKm: 20100,
    });
    expect(warn.calledOnce).to.equal(true);
    expect(String(warn.firstCall.args[0])).to.contain('stockdisplay="exact"');
    expect(String(warn.firstCall.args[0])).to.contain('currency="euro"');
    warn.resetHistory();
    pageBlock('{"apiBase": "/shop/api", "stockDisplay": "Exact"}');
    readPageConfig();
    readPageConfig();
    expect(warn.calledOnce).to.equal(true);
  });

  it('ignores unset (null) fields silently and repeats no warning', () => {
    const warn = sinon.stub(console, 'warn');
    expect(sanitizeConfig({ storeLimit: null, locale: undefined })).to.deep.equal({});
    expect(warn.called).to.equal(false);
    sanitizeConfig({ units: 'leagues' });
    sanitizeConfig({ units: 'leagues' });
    expect(warn.calledOnce).to.equal(true);
  });

  it('reads the page JSON block over the defaults', () => {
    pageBlock('{"apiBase": "/shop/api", "locale": "ar", "defaultStoreId": "ke-nbo-cbd"}');
    const config = resolveConfig(readPageConfig());
    expect(config.apiBase).to.equal('/shop/api');
    expect(config.locale).to.equal('ar');
    expect(config.defaultStoreId).to.equal('ke-nbo-cbd');
    expect(config.radiusKm).to.equal(DEFAULT_CONFIG.radiusKm);
  });

  it('reports a malformed block once and falls back to the defaults', () => {
    const warn = sinon.stub(console, 'warn');
    pageBlock('{"apiBase": "/shop/api",');
    expect(readPageConfig()).to.deep.equal({});
    expect(readPageConfig()).to.deep.equal({});
    expect(warn.calledOnce).to.equal(true);
    expect(String(warn.firstCall.args[0])).to.contain(CONFIG_SCRIPT_ID);
  });

  it('lets later layers win', () => {
    const config = resolveConfig({ currency: 'EUR', country: 'NO' }, { currency: 'NOK' });
    expect(config.currency).to.equal('NOK');
    expect(config.country).to.equal('NO');
  });
});
