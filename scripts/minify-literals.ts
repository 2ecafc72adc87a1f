/**
 * Whitespace minification of Lit's `html` and `css` tagged templates, for the script-tag build
 * (see `minifyLiterals()` in vite.config.ts). esbuild minifies the code around the templates but
 * leaves their text alone: indentation in templates is a tenth of the bundle.
 *
 * Conservative on purpose, like html-minifier's `conservativeCollapse`:
 * - html: every run of whitespace in text and between attributes becomes ONE space (never none,
 *   so `<b>a</b> <i>b</i>` keeps its space), except right before the `>` that ends a tag, where
 *   it goes; quoted attribute values are left exactly as written.
 * - css: comments go, whitespace runs become one space, and the spaces next to `{ } ; , >` and
 *   after `:` go; quoted strings are left exactly as written; spaces next to `(`, `+`, `-` and
 *   before `:` stay (`and (min-width`, `calc(1px + 2px)`, `a :hover` mean something else without).
 *
 * The functions take the template's raw text parts (`quasis`, as written in the source between
 * `${...}`) and return as many parts, or `undefined` when they cannot be sure (the template is then
 * kept as is). A whitespace run right after a backslash is never touched (escapes, line
 * continuations). No dependencies, no Node APIs: unit-tested in the browser like the rest.
 */

/** Stands for a `${...}` expression while the parts are minified as one text. */
const HOLE = '\u0000';
const WHITESPACE = /[ \t\n\r\f]/;

function join(parts: readonly string[]): string | undefined {
  return parts.some((part) => part.includes(HOLE)) ? undefined : parts.join(HOLE);
}

function split(text: string, count: number): string[] | undefined {
  const parts = text.split(HOLE);
  return parts.length === count ? parts : undefined;
}

/** Index just past the whitespace run starting at `i`. */
function skipWhitespace(text: string, i: number): number {
  while (i < text.length && WHITESPACE.test(text[i]!)) i++;
  return i;
}

/** Minifies the raw parts of an `html` template; see the module comment. */
export function minifyHtmlParts(parts: readonly string[]): string[] | undefined {
  const text = join(parts);
  if (text === undefined) return undefined;
  let out = '';
  let state: 'text' | 'tag' | '"' | "'" = 'text';
  for (let i = 0; i < text.length;) {
    const c = text[i]!;
    if (state === '"' || state === "'") {
      if (c === state) state = 'tag';
      out += c;
      i++;
    } else if (WHITESPACE.test(c) && out[out.length - 1] !== '\\') {
      i = skipWhitespace(text, i);
      // Inside a tag, nothing is needed before its `>` (`<a href="x" >`, `</span >`).
      if (!(state === 'tag' && text[i] === '>')) out += ' ';
    } else {
      if (state === 'text' && c === '<' && /[A-Za-z/!]/.test(text[i + 1] ?? '')) state = 'tag';
      else if (state === 'tag' && c === '>') state = 'text';
      else if (state === 'tag' && (c === '"' || c === "'")) state = c;
      out += c;
      i++;
    }
  }
  // A quote left open means the template is not what this function understands.
  return state === 'text' ? split(out, parts.length) : undefined;
}

/** Characters next to which whitespace in CSS means nothing. */
const CSS_TIGHT = new Set(['{', '}', ';', ',', '>']);

/** Minifies the raw parts of a `css` template; see the module comment. */
export function minifyCssParts(parts: readonly string[]): string[] | undefined {
  const text = join(parts);
  if (text === undefined) return undefined;
  let out = '';
  /** A whitespace run (or comment) was skipped and not yet written. */
  let space = false;
  const write = (token: string, tight: boolean) => {
    const previous = out[out.length - 1];
    if (
      space &&
      out !== '' &&
      !tight &&
      !(previous !== undefined && (CSS_TIGHT.has(previous) || previous === ':'))
    ) {
      out += ' ';
    }
    space = false;
    out += token;
  };
  for (let i = 0; i < text.length;) {
    const c = text[i]!;
    if (WHITESPACE.test(c) && out[out.length - 1] !== '\\') {
      space = true;
      i = skipWhitespace(text, i);
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0 || text.slice(i, end).includes(HOLE)) return undefined;
      space = true;
      i = end + 2;
    } else if (c === '"' || c === "'") {
      let end = i + 1;
      while (end < text.length && text[end] !== c) end += text[end] === '\\' ? 2 : 1;
      if (end >= text.length) return undefined;
      write(text.slice(i, end + 1), false);
      i = end + 1;
    } else if (c === '}' && out[out.length - 1] === ';') {
      out = out.slice(0, -1);
      write(c, true);
      i++;
    } else {
      write(c, CSS_TIGHT.has(c));
      i++;
    }
  }
  return split(out, parts.length);
}
