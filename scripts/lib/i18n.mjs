// The translation workflow around @lit/localize-tools, configured by lit-localize.json: messages
// are extracted from the msg() calls in src/ into one XLIFF 1.2 file per target locale
// (xliff/<locale>.xlf), translated there, and built into one TypeScript module per locale
// (src/core/i18n/locales/<locale>.ts, committed, formatted by Prettier). Used by scripts/i18n.mjs
// (npm run i18n:extract, npm run i18n:build) and scripts/check-i18n.mjs (npm run lint).
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { readConfigFileAndWriteSchema } from '@lit/localize-tools/lib/config.js';
import { RuntimeLitLocalizer } from '@lit/localize-tools/lib/modes/runtime.js';
import { printDiagnostics } from '@lit/localize-tools/lib/typescript.js';
import * as prettier from 'prettier';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const configPath = join(root, 'lit-localize.json');

/** The validated lit-localize.json, optionally writing the locale modules to `outputDir`. */
export function readConfig(outputDir) {
  const config = readConfigFileAndWriteSchema(configPath);
  return outputDir ? { ...config, output: { ...config.output, outputDir } } : config;
}

export function makeLocalizer(config = readConfig()) {
  return new RuntimeLitLocalizer(config);
}

/** The msg() calls of the program (lit-localize's own analysis); exits on analysis errors. */
export function sourceMessages(localizer) {
  const { messages, errors } = localizer.extractSourceMessages();
  if (errors.length > 0) {
    printDiagnostics(errors);
    throw new Error('lit-localize could not analyze the msg() calls above.');
  }
  return messages;
}

export function xliffPath(config, locale) {
  return join(config.resolve(config.interchange.xliffDir), `${locale}.xlf`);
}

/** A parsed XLIFF file, or undefined when it does not exist. */
export function readXliff(path) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  }
  return new DOMParser().parseFromString(text, 'text/xml');
}

const children = (element, name) =>
  Array.from(element.childNodes).filter((node) => node.nodeName === name);

/** Each trans-unit of an XLIFF document: id, source and target elements (target may be absent). */
export function transUnits(doc) {
  return Array.from(doc.getElementsByTagName('trans-unit')).map((unit) => ({
    unit,
    id: unit.getAttribute('id'),
    source: children(unit, 'source')[0],
    targets: children(unit, 'target'),
  }));
}

/** The placeholders (`<x id="N" equiv-text="...">`) of a source or target element, in order. */
export function placeholders(element) {
  return Array.from(element.getElementsByTagName('x')).map((x) => ({
    id: x.getAttribute('id'),
    equiv: x.getAttribute('equiv-text'),
  }));
}

/** The text of a source or target with each placeholder written as {N}. */
export function plainText(element) {
  return Array.from(element.childNodes)
    .map((node) => (node.nodeName === 'x' ? `{${node.getAttribute('id')}}` : node.nodeValue))
    .join('');
}

/** A translation whose English changed after it was made (XLIFF 1.2 `state` of a `<target>`). */
export const NEEDS_REVIEW = 'needs-review-translation';

export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];
const PLURAL_ID = new RegExp(`^(.+)\\.(${PLURAL_CATEGORIES.join('|')})$`);

/** The message id and category of a plural form's id ('stock.quantity.left.few'), if it is one. */
export function pluralId(id) {
  const match = PLURAL_ID.exec(id);
  return match ? { message: match[1], category: match[2] } : undefined;
}

/**
 * What a translator needs to know about one plural form in `locale`: which counts take it
 * (Intl.PluralRules, the same rules the widgets select with), or that the language never uses it.
 */
export function pluralNote(locale, category) {
  const rules = new Intl.PluralRules(locale);
  const counts = [];
  for (let n = 0; n <= 1000 && counts.length < 6; n++)
    if (rules.select(n) === category) counts.push(n);
  if (counts.length > 0) {
    return `Plural form "${category}": used in ${locale} for counts such as ${counts.join(', ')}.`;
  }
  if (rules.resolvedOptions().pluralCategories.includes(category)) {
    return `Plural form "${category}": used in ${locale} for fractions only; counts here are whole numbers.`;
  }
  return `Plural form "${category}": not used in ${locale}; repeat the "other" form.`;
}

const NOTE_FROM = 'omnishelf';

/** Keeps one <note from="omnishelf"> on each plural form, describing it for the file's locale. */
function notePlurals(doc, locale) {
  for (const { unit, id } of transUnits(doc)) {
    const plural = pluralId(id);
    const existing = children(unit, 'note').find((n) => n.getAttribute('from') === NOTE_FROM);
    if (!plural) {
      if (existing) unit.removeChild(existing);
      continue;
    }
    const text = pluralNote(locale, plural.category);
    if (existing && existing.textContent === text) continue;
    const note = existing ?? doc.createElement('note');
    note.setAttribute('from', NOTE_FROM);
    while (note.firstChild) note.removeChild(note.firstChild);
    note.appendChild(doc.createTextNode(text));
    if (!existing) {
      unit.insertBefore(doc.createTextNode('\n  '), unit.lastChild);
      unit.insertBefore(note, unit.lastChild);
    }
  }
}

/**
 * Writes or updates xliff/<locale>.xlf for every target locale (lit-localize extract: new messages
 * get a <source> and no <target>, changed English replaces the <source> and keeps the
 * translation, messages no longer used are removed), then keeps each translation's placeholders
 * described like the source's (lit-localize leaves the old expression text in targets) and notes
 * on each plural form which counts take it in that language.
 * Returns, per locale, the ids that still lack a translation.
 */
export async function extract() {
  const config = readConfig();
  const localizer = makeLocalizer(config);
  sourceMessages(localizer);
  // What each translation was made from: lit-localize keeps a translation when its English
  // changes, so a translation of the old English would pass for done.
  const before = new Map(
    config.targetLocales.map((locale) => {
      const doc = readXliff(xliffPath(config, locale));
      const units = doc ? transUnits(doc) : [];
      return [
        locale,
        new Map(
          units.map(({ id, source, targets }) => [
            id,
            {
              source: source ? plainText(source) : '',
              review: targets[0]?.getAttribute('state') === NEEDS_REVIEW,
            },
          ]),
        ),
      ];
    }),
  );
  await localizer.writeInterchangeFiles();
  const untranslated = new Map();
  for (const locale of config.targetLocales) {
    const path = xliffPath(config, locale);
    const doc = readXliff(path);
    const missing = [];
    for (const { id, source, targets } of transUnits(doc)) {
      if (targets.length === 0) {
        missing.push(id);
        continue;
      }
      // Its English changed since it was translated (or it still waits for that review): marked
      // until a translator has looked at it and removed the mark (check-i18n fails meanwhile).
      const old = before.get(locale)?.get(id);
      if (old && (old.review || old.source !== plainText(source))) {
        targets[0].setAttribute('state', NEEDS_REVIEW);
        missing.push(id);
      }
      const equiv = new Map(placeholders(source).map((p) => [p.id, p.equiv]));
      for (const x of Array.from(targets[0].getElementsByTagName('x'))) {
        const wanted = equiv.get(x.getAttribute('id'));
        if (wanted !== undefined) x.setAttribute('equiv-text', wanted);
      }
    }
    notePlurals(doc, locale);
    let text = new XMLSerializer().serializeToString(doc);
    if (!text.endsWith('\n')) text += '\n';
    writeFileSync(path, text);
    untranslated.set(locale, missing);
  }
  return { config, messages: sourceMessages(localizer), untranslated };
}

/** How a generated module starts: what it is and how to make it again. */
function header(locale) {
  return (
    `// Generated from xliff/${locale}.xlf by \`npm run i18n:build\` (@lit/localize-tools): do not\n` +
    `// edit by hand. Translate in the XLIFF file, then build again.\n`
  );
}

/** What ESLint's no-irregular-whitespace reports (no-break spaces, as in "5\u00a0km", among them). */
const IRREGULAR_WHITESPACE =
  /[\u0085\u00A0\u1680\u180E\u2000-\u200B\u2028\u2029\u202F\u205F\u3000\uFEFF]/;

async function format(path) {
  const text = readFileSync(path, 'utf8').replace(
    /^\s*\/\/ Do not modify this file by hand!\s*\n\s*\/\/ Re-generate this file by running lit-localize\s*\n/,
    '',
  );
  const locale = path.replace(/^.*\/([^/]+)\.ts$/, '$1');
  // lit-localize disables two lint rules in every module; keep only the one a module needs.
  let body = text.replace(
    /^\s*\/\* eslint-disable @typescript-eslint\/no-explicit-any \*\/\n/m,
    '',
  );
  if (!IRREGULAR_WHITESPACE.test(body)) {
    body = body.replace(/^\s*\/\* eslint-disable no-irregular-whitespace \*\/\n/m, '');
  }
  const options = (await prettier.resolveConfig(join(root, 'src', 'x.ts'))) ?? {};
  return prettier.format(header(locale) + body, { ...options, filepath: path });
}

/**
 * Builds src/core/i18n/locales/<locale>.ts from the XLIFF files (lit-localize build: fails when a
 * translation's placeholders differ from the source's; a missing translation falls back to the
 * English text), formatted by Prettier. With `outputDir`, writes there instead. Returns the paths
 * written and, per locale, the ids that fell back to English.
 */
export async function build(outputDir) {
  const config = readConfig(outputDir);
  const localizer = makeLocalizer(config);
  sourceMessages(localizer);
  const { errors } = localizer.validateTranslations();
  if (errors.length > 0)
    throw new Error(`placeholders differ from the source:\n${errors.join('\n')}`);
  const fellBack = new Map(config.targetLocales.map((locale) => [locale, []]));
  const warn = console.warn;
  console.warn = (text, ...rest) => {
    const missing = /^(\S+) message (\S+) is missing/.exec(String(text));
    if (missing) fellBack.get(missing[1])?.push(missing[2]);
    else warn(text, ...rest);
  };
  try {
    await localizer.build();
  } finally {
    console.warn = warn;
  }
  const dir = config.resolve(config.output.outputDir);
  const paths = config.targetLocales.map((locale) => join(dir, `${locale}.ts`));
  for (const path of paths) writeFileSync(path, await format(path));
  return { paths, fellBack };
}

/** What `build()` would write now, by file name, without touching the committed modules. */
export async function expectedModules() {
  const dir = mkdtempSync(join(tmpdir(), 'omni-i18n-'));
  try {
    const { paths } = await build(dir);
    const out = new Map();
    for (const name of readdirSync(dir)) out.set(name, readFileSync(join(dir, name), 'utf8'));
    return { names: paths.map((p) => p.slice(dir.length + 1)), modules: out };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
