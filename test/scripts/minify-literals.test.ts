import { expect } from '@open-wc/testing';
import { minifyCssParts, minifyHtmlParts } from '../../scripts/minify-literals.js';

/** The raw parts of a template literal, as the build sees them. */
const parts = (strings: TemplateStringsArray, ..._values: unknown[]): string[] => [...strings.raw];

/** What a shopper reads in `markup` (layout whitespace rules applied by the browser). */
function renderedText(markup: string): string {
  const host = document.createElement('div');
  host.innerHTML = markup; // test-only: trusted literal markup
  document.body.append(host);
  const text = host.innerText;
  host.remove();
  return text;
}

describe('minifyHtmlParts', () => {
  it('collapses indentation to single spaces and keeps the parts between expressions', () => {
    const x = 1;
    const input = parts`<p class="a">
        ${x}
        <span>b</span>
      </p>`;
    expect(minifyHtmlParts(input)).to.deep.equal(['<p class="a"> ', ' <span>b</span> </p>']);
  });

  it('keeps one space between inline elements and words', () => {
    const input = ['<b>a</b>\n   <i>b</i>  c\n\td'];
    const [out] = minifyHtmlParts(input)!;
    expect(out).to.equal('<b>a</b> <i>b</i> c d');
    expect(renderedText(out!)).to.equal(renderedText(input[0]!));
  });

  it('drops whitespace before the > that ends a tag, not elsewhere in it', () => {
    const input = ['<button\n  type="button"\n  class="x"\n>\n  Go\n</button\n>'];
    expect(minifyHtmlParts(input)).to.deep.equal(['<button type="button" class="x"> Go </button>']);
  });

  it('leaves quoted attribute values exactly as written', () => {
    const input = [`<input title="two  spaces\n here" placeholder='a  > b' />`];
    expect(minifyHtmlParts(input)).to.deep.equal([
      `<input title="two  spaces\n here" placeholder='a  > b' />`,
    ]);
  });

  it('keeps whitespace after a backslash (escapes and line continuations)', () => {
    expect(minifyHtmlParts(['a\\\n   b'])).to.deep.equal(['a\\\n b']);
  });

  it('follows a quoted value across an expression, and gives up on one never closed', () => {
    expect(minifyHtmlParts(['<a title="x', '">y</a>  '])).to.deep.equal([
      '<a title="x',
      '">y</a> ',
    ]);
    expect(minifyHtmlParts(['<a title="x>  y</a>'])).to.equal(undefined);
  });

  it('renders the same text as the original template', () => {
    const original = `
      <div>
        <p class="summary">  Near
          <strong>00100</strong>,
          3 stores
        </p>
        <ul>
          <li><span>In stock</span> · <span>2.1 km</span></li>
        </ul>
      </div>`;
    const [minified] = minifyHtmlParts([original])!;
    expect(minified!.length).to.be.below(original.length * 0.75);
    expect(renderedText(minified!)).to.equal(renderedText(original));
  });
});

describe('minifyCssParts', () => {
  it('removes comments and the whitespace around braces, colons, semicolons and commas', () => {
    const input = [
      `
      /* a comment */
      .a,
      .b > .c {
        color: red;
        margin: 0 auto;
      }
    `,
    ];
    expect(minifyCssParts(input)).to.deep.equal(['.a,.b>.c{color:red;margin:0 auto}']);
  });

  it('keeps the spaces that mean something', () => {
    const input = [
      `@media screen and (min-width: 600px) {
        .a :hover { inline-size: calc(100% - 2px + 1em); }
      }`,
    ];
    expect(minifyCssParts(input)).to.deep.equal([
      '@media screen and (min-width:600px){.a :hover{inline-size:calc(100% - 2px + 1em)}}',
    ]);
  });

  it('leaves quoted strings exactly as written, also across an expression', () => {
    const input = [
      `.a::before { content: "  /* not a comment */  "; }\n.b { content: '  `,
      `  '; }`,
    ];
    expect(minifyCssParts(input)).to.deep.equal([
      `.a::before{content:"  /* not a comment */  "}.b{content:'  `,
      `  '}`,
    ]);
  });

  it('keeps one space next to an expression unless punctuation makes it needless', () => {
    const input = ['.a { margin:  ', '   auto; }\n  ', '  .b { color: red; }\n'];
    expect(minifyCssParts(input)).to.deep.equal(['.a{margin:', ' auto}', ' .b{color:red}']);
  });

  it('gives up (undefined) on an unterminated comment or string', () => {
    expect(minifyCssParts(['.a { /* open ', ' */ }'])).to.equal(undefined);
    expect(minifyCssParts(['.a { content: "open }'])).to.equal(undefined);
  });

  it('gives the same computed style as the original', () => {
    const original = `
      .box {
        /* spacing */
        padding: 4px 8px;
        border: 1px solid rgb(1, 2, 3);
        inline-size: calc(10px + 2em);
      }
      .box > span { font-weight: 700; }
    `;
    const [minified] = minifyCssParts([original])!;
    const styleOf = (css: string) => {
      const host = document.createElement('div');
      const root = host.attachShadow({ mode: 'open' });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
      const box = document.createElement('div');
      box.className = 'box';
      box.append(document.createElement('span'));
      root.append(box);
      document.body.append(host);
      const style = getComputedStyle(box);
      const result = [
        style.padding,
        style.border,
        style.inlineSize,
        getComputedStyle(box.firstElementChild!).fontWeight,
      ];
      host.remove();
      return result;
    };
    expect(styleOf(minified!)).to.deep.equal(styleOf(original));
    expect(styleOf(original)).to.deep.equal(['4px 8px', '1px solid rgb(1, 2, 3)', '42px', '700']);
  });
});
