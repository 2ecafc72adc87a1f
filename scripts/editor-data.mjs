// The package's element metadata, from the JSDoc of each element through the Custom Elements
// Manifest analyzer (`npm run build` runs this after tsc; the files are build output in dist/):
// - dist/custom-elements.json: the manifest, with module paths pointing at the shipped
//   dist/esm/*.js (the analyzer reads src/*.ts), named by package.json's `customElements`;
// - dist/vscode.html-custom-data.json and dist/vscode.css-custom-data.json: VS Code's custom data
//   (tags, attributes and their values; custom properties and parts), for the `html.customData`
//   and `css.customData` settings;
// - dist/web-types.json: JetBrains web-types, named by package.json's `web-types`.
// docs/elements.md comes from the same JSDoc (scripts/docs.mjs).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = 'dist';
const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));

mkdirSync(`${root}/${outdir}`, { recursive: true });
execFileSync(
  process.execPath,
  [
    'node_modules/@custom-elements-manifest/analyzer/cem.js',
    'analyze',
    '--litelement',
    '--quiet',
    '--globs',
    'src/components/**/*.ts',
    '--outdir',
    outdir,
  ],
  { cwd: root, stdio: 'inherit' },
);
const manifestFile = `${root}/${outdir}/custom-elements.json`;
const analyzed = JSON.parse(readFileSync(manifestFile, 'utf8'));

/** `src/a/b.ts` (or `/src/a/b.js`) -> `dist/esm/a/b.js`, the module a package user gets. */
const shipped = (path) => path.replace(/^(\/?)src\/(.*)\.[jt]s$/, '$1dist/esm/$2.js');

/** Deep copy with paths rewritten and the analyzer's nameless events (from `dispatchEvent`) dropped. */
function rewrite(value, key) {
  if (Array.isArray(value)) {
    const items = key === 'events' ? value.filter((e) => e.name) : value;
    return items.map((item) => rewrite(item));
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v, k)]));
  }
  if ((key === 'path' || key === 'module') && typeof value === 'string') return shipped(value);
  return value;
}
const manifest = rewrite(analyzed);
writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);

const elements = manifest.modules.flatMap((mod) =>
  (mod.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .map((d) => ({ ...d, modulePath: mod.path })),
);
elements.sort((a, b) => a.tagName.localeCompare(b.tagName));

const oneLine = (text) => String(text ?? '').replace(/\s*\n\s*/g, ' ');
const publicFields = (el) =>
  (el.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.privacy);
/** The package entry that defines the element: `omnishelf/<folder>` when it is exported. */
function entryOf(el) {
  const folder = /components\/([^/]+)\//.exec(el.modulePath)?.[1];
  return folder && pkg.exports?.[`./${folder}`] ? `${pkg.name}/${folder}` : pkg.name;
}
/** `'a' | 'b'` (optionally `| undefined`) -> ['a', 'b']; anything else -> undefined. */
function literals(type) {
  const parts = String(type ?? '')
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p && p !== 'undefined');
  if (parts.length === 0 || !parts.every((p) => /^'[^']*'$/.test(p))) return undefined;
  return parts.map((p) => p.slice(1, -1));
}
const isBoolean = (type) => /^boolean( \| undefined)?$/.test(String(type ?? ''));

/** Markdown shown on hover: the description, then events, slots, parts, properties, states. */
function elementDoc(el) {
  const list = (title, items, name) =>
    items?.length
      ? [
          `**${title}:**`,
          ...items.map((i) => `- ${name(i)}${i.description ? ` — ${oneLine(i.description)}` : ''}`),
          '',
        ]
      : [];
  return [
    oneLine(el.description ?? el.summary),
    '',
    ...list('Events', el.events, (e) => `\`${e.name}\``),
    ...list('Slots', el.slots, (s) => (s.name ? `\`${s.name}\`` : '(default)')),
    ...list('CSS parts', el.cssParts, (p) => `\`::part(${p.name})\``),
    ...list('CSS custom properties', el.cssProperties, (p) => `\`${p.name}\``),
    ...list('Custom states', el.cssStates, (s) => `\`:state(${s.name})\``),
    `Import: \`import '${entryOf(el)}';\` (or the script-tag loader).`,
  ]
    .join('\n')
    .trim();
}

// VS Code: https://github.com/microsoft/vscode-html-languageservice/blob/main/docs/customData.md
const vscodeHtml = {
  $schema:
    'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
  version: 1.1,
  tags: elements.map((el) => ({
    name: el.tagName,
    description: { kind: 'markdown', value: elementDoc(el) },
    attributes: (el.attributes ?? []).map((a) => {
      const values = literals(a.type?.text);
      return {
        name: a.name,
        description: [
          oneLine(a.description),
          a.default && !/\bDefault\b/.test(a.description ?? '') ? `Default: \`${a.default}\`.` : '',
        ]
          .filter(Boolean)
          .join(' '),
        ...(values ? { values: values.map((name) => ({ name })) } : {}),
        ...(isBoolean(a.type?.text) ? { valueSet: 'v' } : {}),
      };
    }),
  })),
};

/** Custom properties and parts of every element, one entry per name (naming the elements). */
function merged(pick, name) {
  const byName = new Map();
  for (const el of elements) {
    for (const item of pick(el) ?? []) {
      const entry = byName.get(item.name) ?? { item, tags: [] };
      entry.tags.push(el.tagName);
      byName.set(item.name, entry);
    }
  }
  return [...byName.values()].map(({ item, tags }) => ({
    name: name(item),
    description: [
      oneLine(item.description),
      item.default ? `Default: \`${item.default}\`.` : '',
      `(${tags.map((t) => `<${t}>`).join(', ')})`,
    ]
      .filter(Boolean)
      .join(' '),
  }));
}

const vscodeCss = {
  $schema:
    'https://raw.githubusercontent.com/microsoft/vscode-css-languageservice/main/docs/customData.schema.json',
  version: 1.1,
  properties: merged(
    (el) => el.cssProperties,
    (p) => p.name,
  ),
  pseudoElements: merged(
    (el) => el.cssParts,
    (p) => `::part(${p.name})`,
  ),
};

// JetBrains: https://github.com/JetBrains/web-types
const webTypes = {
  $schema: 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json',
  name: pkg.name,
  version: pkg.version,
  'description-markup': 'markdown',
  contributions: {
    html: {
      elements: elements.map((el) => ({
        name: el.tagName,
        description: elementDoc(el),
        source: { module: entryOf(el), symbol: el.name },
        attributes: (el.attributes ?? []).map((a) => ({
          name: a.name,
          description: oneLine(a.description),
          value: {
            type: a.type?.text ?? 'string',
            ...(a.default !== undefined && a.default !== 'undefined' ? { default: a.default } : {}),
          },
        })),
        slots: (el.slots ?? []).map((s) => ({ name: s.name, description: oneLine(s.description) })),
        events: (el.events ?? []).map((e) => ({
          name: e.name,
          description: oneLine(e.description),
        })),
        js: {
          properties: publicFields(el).map((f) => ({
            name: f.name,
            description: oneLine(f.description),
            type: f.type?.text,
          })),
          events: (el.events ?? []).map((e) => ({
            name: e.name,
            description: oneLine(e.description),
          })),
        },
      })),
    },
    css: {
      properties: merged(
        (el) => el.cssProperties,
        (p) => p.name,
      ),
      'pseudo-elements': merged(
        (el) => el.cssParts,
        (p) => `part(${p.name})`,
      ),
    },
  },
};

const outputs = {
  'vscode.html-custom-data.json': vscodeHtml,
  'vscode.css-custom-data.json': vscodeCss,
  'web-types.json': webTypes,
};
for (const [name, data] of Object.entries(outputs)) {
  writeFileSync(`${root}/${outdir}/${name}`, `${JSON.stringify(data, null, 2)}\n`);
}
console.log(
  `wrote ${outdir}/custom-elements.json and ${Object.keys(outputs).join(', ')} (${elements.length} elements)`,
);
