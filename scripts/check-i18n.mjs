#!/usr/bin/env node
// The translations are complete and in step with the code (part of `npm run lint`). Fails when:
// - a msg() call in src/ has no explicit { id: '...' };
// - a language (lit-localize.json targetLocales, xliff/<locale>.xlf) misses a message, has one
//   the code no longer uses, leaves a <target> empty, or has a <source> older than the code's
//   English (run `npm run i18n:extract`);
// - a translation's placeholders differ from the source's (each <x id> exactly once as often);
// - a plural message lacks one of its six forms (zero, one, two, few, many, other);
// - a translation is the English text itself (an untranslated copy);
// - a translation is marked for review: its English changed after it was made (npm run
//   i18n:extract marks it; the translator removes the mark);
// - the generated modules in src/core/i18n/locales/ differ from what `npm run i18n:build` writes;
// - the languages the runtime and the loader know differ from lit-localize.json's.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import {
  NEEDS_REVIEW,
  PLURAL_CATEGORIES,
  expectedModules,
  makeLocalizer,
  placeholders,
  plainText,
  pluralId,
  readConfig,
  readXliff,
  root,
  sourceMessages,
  transUnits,
  xliffPath,
} from './lib/i18n.mjs';

const problems = [];
const srcDir = join(root, 'src');

function walk(dir) {
  const files = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...walk(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) files.push(path);
  }
  return files;
}

// 1. Every msg() call names its id (lit-localize would otherwise hash the text into one, and a
// changed English text would silently drop every translation of it).
for (const file of walk(srcDir)) {
  const text = readFileSync(file, 'utf8');
  if (!text.includes('msg(')) continue;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const visit = (node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'msg'
    ) {
      const options = node.arguments[1];
      const id =
        options &&
        ts.isObjectLiteralExpression(options) &&
        options.properties.find(
          (p) =>
            ts.isPropertyAssignment(p) &&
            p.name.getText(source) === 'id' &&
            ts.isStringLiteralLike(p.initializer),
        );
      if (!id) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        problems.push(
          `${relative(root, file)}:${line + 1}: msg() without an explicit { id: '...' }`,
        );
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

// 2. The messages of the program, as lit-localize extracts them.
const config = readConfig();
const messages = sourceMessages(makeLocalizer(config));
const byId = new Map(messages.map((m) => [m.name, m]));
const englishText = (m) =>
  m.contents.map((c) => (typeof c === 'string' ? c : `{${c.index}}`)).join('');
const placeholderIds = (list) => list.map((p) => String(p)).sort();
const messageIds = (m) =>
  placeholderIds(m.contents.filter((c) => typeof c !== 'string').map((c) => c.index));

// 3. Plural messages have every form.
const pluralGroups = new Map();
for (const { name } of messages) {
  const plural = pluralId(name);
  if (plural)
    pluralGroups.set(plural.message, [
      ...(pluralGroups.get(plural.message) ?? []),
      plural.category,
    ]);
}
for (const [message, categories] of pluralGroups) {
  const absent = PLURAL_CATEGORIES.filter((c) => !categories.includes(c));
  if (absent.length)
    problems.push(`plural message '${message}' lacks the form(s) ${absent.join(', ')}`);
}

// 4. Every language has every message, translated, with the source's placeholders.
const counts = [];
for (const locale of config.targetLocales) {
  const file = relative(root, xliffPath(config, locale));
  const doc = readXliff(xliffPath(config, locale));
  if (!doc) {
    problems.push(`${file}: missing (run npm run i18n:extract)`);
    continue;
  }
  const declared = doc.getElementsByTagName('file')[0]?.getAttribute('target-language');
  if (declared !== locale)
    problems.push(`${file}: target-language is '${declared}', not '${locale}'`);
  const seen = new Set();
  let translated = 0;
  for (const { id, source, targets } of transUnits(doc)) {
    if (seen.has(id)) problems.push(`${file}: '${id}' appears twice`);
    seen.add(id);
    const message = byId.get(id);
    if (!message) {
      problems.push(`${file}: '${id}' is not used by the code any more (run npm run i18n:extract)`);
      continue;
    }
    if (!source || plainText(source) !== englishText(message)) {
      problems.push(
        `${file}: the English of '${id}' changed (run npm run i18n:extract, then review the translation)`,
      );
    }
    const target = targets[0];
    if (targets.length !== 1 || !plainText(target).trim()) {
      problems.push(`${file}: '${id}' is not translated`);
      continue;
    }
    if (target.getAttribute('state') === NEEDS_REVIEW) {
      problems.push(
        `${file}: the English of '${id}' changed after it was translated: review the translation, then remove state="${NEEDS_REVIEW}"`,
      );
    }
    translated++;
    const want = messageIds(message);
    const got = placeholderIds(placeholders(target).map((p) => p.id));
    if (want.join() !== got.join()) {
      problems.push(
        `${file}: the placeholders of '${id}' differ from the source's: {${got.join('}, {')}} instead of {${want.join('}, {')}}`,
      );
    }
    if (/[A-Za-z]{2}/.test(englishText(message)) && plainText(target) === englishText(message)) {
      problems.push(`${file}: '${id}' is the English text itself`);
    }
  }
  for (const { name } of messages) {
    if (!seen.has(name))
      problems.push(`${file}: '${name}' is missing (run npm run i18n:extract, then translate it)`);
  }
  counts.push(`${locale} ${translated}`);
}

// 5. The committed modules are what i18n:build makes of the XLIFF files now.
const outputDir = config.resolve(config.output.outputDir);
let expected = { names: [], modules: new Map() };
try {
  expected = await expectedModules();
} catch (error) {
  problems.push(`the modules cannot be built: ${error instanceof Error ? error.message : error}`);
}
const { names, modules } = expected;
const present = readdirSync(outputDir).filter((name) => name.endsWith('.ts'));
for (const name of names.length ? new Set([...names, ...present]) : []) {
  const path = relative(root, join(outputDir, name));
  if (!names.includes(name)) problems.push(`${path}: no such language in lit-localize.json`);
  else if (!present.includes(name)) problems.push(`${path}: missing (run npm run i18n:build)`);
  else if (readFileSync(join(outputDir, name), 'utf8') !== modules.get(name)) {
    problems.push(`${path}: out of date with xliff/ (run npm run i18n:build)`);
  }
}

// 6. The runtime and the loader know the same languages (and aliases) as lit-localize.json.
const localization = readFileSync(join(srcDir, 'core/i18n/localization.ts'), 'utf8');
const loader = readFileSync(join(srcDir, 'loader.ts'), 'utf8');
const keysOf = (text, name) => {
  const body = new RegExp(`${name}\\b[\\s\\S]*?=\\s*\\{([^}]*)\\}`).exec(text)?.[1] ?? '';
  return [...body.matchAll(/^\s*(['"]?)([\w-]+)\1\s*:/gm)].map((m) => m[2]).sort();
};
const aliasesOf = (text) => /ALIASES[^=]*=\s*(\{[^}]*\})/.exec(text)?.[1].replace(/\s+/g, ' ');
const supported = /SUPPORTED_LOCALES\s*=\s*\[([^\]]*)\]/.exec(localization)?.[1] ?? '';
const targets = [...config.targetLocales].sort().join();
const lists = {
  'localization.ts SUPPORTED_LOCALES': [...supported.matchAll(/'([\w-]+)'/g)]
    .map((m) => m[1])
    .filter((l) => l !== config.sourceLocale)
    .sort()
    .join(),
  'localization.ts localeLoaders': keysOf(localization, 'localeLoaders').join(),
  'loader.ts LOCALES': keysOf(loader, 'LOCALES').join(),
};
for (const [where, list] of Object.entries(lists)) {
  if (list !== targets)
    problems.push(`${where} has ${list || 'nothing'}; lit-localize.json has ${targets}`);
}
if (aliasesOf(localization) !== aliasesOf(loader)) {
  problems.push('ALIASES differ between src/core/i18n/localization.ts and src/loader.ts');
}

if (problems.length) {
  console.error(`check-i18n: ${problems.length} problem(s)`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(
  `check-i18n: ${messages.length} messages (${pluralGroups.size} plural), translated in ${counts.join(', ')}; modules up to date.`,
);
