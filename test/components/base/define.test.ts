import { expect } from '@open-wc/testing';
import { definedVersion, defineElement } from '../../../src/components/base/define.js';
import { VERSION } from '../../../src/version.js';

const VERSION_KEY = Symbol.for('omnishelf:version');

let counter = 0;
const uniqueTag = () => `test-define-${Date.now()}-${counter++}`;

describe('defineElement', () => {
  let warnings: unknown[][];
  const original = console.warn;
  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => void warnings.push(args);
  });
  afterEach(() => {
    console.warn = original;
  });

  it('defines the tag and remembers which Omnishelf version did', () => {
    const tag = uniqueTag();
    class Element1 extends HTMLElement {}
    defineElement(tag, Element1);
    expect(customElements.get(tag)).to.equal(Element1);
    expect(definedVersion(tag)).to.equal(VERSION);
    expect(document.createElement(tag)).to.be.instanceOf(Element1);
  });

  it('says nothing when the same class is defined again (the bundle loaded twice)', () => {
    const tag = uniqueTag();
    class Element1 extends HTMLElement {}
    defineElement(tag, Element1);
    expect(() => defineElement(tag, Element1)).not.to.throw();
    expect(warnings).to.have.length(0);
  });

  it('keeps the first class of another version, with one warning naming both versions', () => {
    const tag = uniqueTag();
    class Older extends HTMLElement {}
    Object.defineProperty(Older, VERSION_KEY, { value: '0.1.4' });
    customElements.define(tag, Older);
    class Newer extends HTMLElement {}
    defineElement(tag, Newer);
    defineElement(tag, Newer);
    expect(customElements.get(tag)).to.equal(Older);
    expect(warnings).to.have.length(1);
    const message = String(warnings[0][0]);
    expect(message).to.contain(`<${tag}>`);
    expect(message).to.contain('Omnishelf 0.1.4');
    expect(message).to.contain(`Omnishelf ${VERSION}`);
  });

  it("says when the tag belongs to another library's element", () => {
    const tag = uniqueTag();
    customElements.define(tag, class extends HTMLElement {});
    defineElement(tag, class extends HTMLElement {});
    expect(warnings).to.have.length(1);
    expect(String(warnings[0][0])).to.contain('unknown version, or another library');
    expect(definedVersion(tag)).to.equal(undefined);
  });
});
