import { expect } from '@open-wc/testing';
import { isolate, plainText } from '../../../src/components/base/bidi.js';

const FSI = '\u2068';
const PDI = '\u2069';
const RLO = '\u202E';

/** Direction controls and invisible characters a backend string must not bring in. */
const HOSTILE = [
  '\u202A', // LRE
  '\u202B', // RLE
  '\u202C', // PDF
  '\u202D', // LRO
  '\u202E', // RLO
  '\u2066', // LRI
  '\u2067', // RLI
  '\u2068', // FSI
  '\u2069', // PDI
  '\u200E', // LRM
  '\u200F', // RLM
  '\u061C', // ALM
  '\u200B', // zero-width space
  '\u2060', // word joiner
  '\uFEFF', // zero-width no-break space
];

/**
 * The horizontal position of each digit of `text` as rendered in `container`, in logical
 * (reading) order.
 */
function digitPositions(container: HTMLElement, text: string): number[] {
  const span = document.createElement('span');
  span.textContent = text;
  container.append(span);
  const node = span.firstChild as Text;
  const range = document.createRange();
  const positions: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!/\d/.test(text[i])) continue;
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    positions.push(range.getBoundingClientRect().left);
  }
  return positions;
}

const increasing = (values: number[]) => values.every((v, i) => i === 0 || v > values[i - 1]);
const decreasing = (values: number[]) => values.every((v, i) => i === 0 || v < values[i - 1]);

describe('bidi', () => {
  describe('plainText', () => {
    it('removes every direction control and zero-width character', () => {
      for (const char of HOSTILE) {
        const code = char.codePointAt(0)!.toString(16);
        expect(plainText(`a${char}b${char}`), `U+${code}`).to.equal('ab');
      }
      expect(plainText(HOSTILE.join(''))).to.equal('');
    });

    it('keeps everything else, Arabic, digits and punctuation included', () => {
      const text = 'متجر ويستلاندز – Westlands (00100) +254 700 000 000';
      expect(plainText(text)).to.equal(text);
    });

    it('keeps the joiners that Persian, Indic scripts and emoji need', () => {
      const persian = 'می\u200Cخواهم'; // ZWNJ keeps "mi" apart from "khaham"
      const hindi = 'क्\u200Dष'; // ZWJ asks for the half form
      const family = '👩\u200D👩\u200D👧'; // one emoji, not three
      for (const text of [persian, hindi, family]) expect(plainText(text)).to.equal(text);
    });
  });

  describe('isolate', () => {
    it('wraps the cleaned text in first-strong isolates', () => {
      expect(isolate('00100')).to.equal(`${FSI}00100${PDI}`);
      expect(isolate(`${RLO}00100`)).to.equal(`${FSI}00100${PDI}`);
      expect(isolate('')).to.equal('');
      expect(isolate(RLO)).to.equal('');
    });

    it('keeps a phone number with an RLO from being shown reversed inside an Arabic sentence', () => {
      const container = document.createElement('p');
      container.dir = 'rtl';
      container.lang = 'ar';
      document.body.append(container);
      try {
        const phone = `${RLO}+254 700 123 456`;
        // Without isolation the override reverses the digits: the attack works.
        expect(decreasing(digitPositions(container, `اتصل على ${phone}`))).to.equal(true);
        // Isolated, the digits read left to right, in order.
        const shown = `اتصل على ${isolate(phone)}`;
        const positions = digitPositions(container, shown);
        expect(positions).to.have.length(12);
        expect(increasing(positions)).to.equal(true);
      } finally {
        container.remove();
      }
    });
  });
});
