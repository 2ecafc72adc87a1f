#!/usr/bin/env node
// Checks that every msg() id used in src/**/*.ts has an Arabic translation in
// src/core/i18n/locales/ar.ts, that ar.ts has no unused ids, and that every msg() call has an
// explicit id. No dependencies: `node scripts/check-i18n.mjs`. Exits 1 on any problem.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = join(root, 'src');
const localeFile = join(srcDir, 'core', 'i18n', 'locales', 'ar.ts');
const localesDir = dirname(localeFile);

function walk(dir) {
  const files = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (path !== localesDir && name !== 'node_modules') files.push(...walk(path));
    } else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) {
      files.push(path);
    }
  }
  return files;
}

/** Index just past the closing parenthesis matching the one at `open`, skipping strings and comments. */
function matchParen(text, open) {
  let depth = 0;
  const stack = []; // template-literal nesting: depth of braces when a `${` was entered
  let braces = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      i = text.indexOf('\n', i);
      if (i < 0) return -1;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2) + 1;
      if (i <= 0) return -1;
      continue;
    }
    if (c === "'" || c === '"') {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
      continue;
    }
    if (c === '`' || (c === '}' && stack.length && stack[stack.length - 1] === braces)) {
      if (c === '}') stack.pop();
      // inside a template literal until ` or ${
      for (i++; i < text.length; i++) {
        if (text[i] === '\\') {
          i++;
        } else if (text[i] === '`') {
          break;
        } else if (text[i] === '$' && text[i + 1] === '{') {
          i++;
          stack.push(braces);
          break;
        }
      }
      continue;
    }
    if (c === '{') braces++;
    else if (c === '}') braces--;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

const used = new Map(); // id -> first location
const problems = [];

for (const file of walk(srcDir)) {
  const text = readFileSync(file, 'utf8');
  if (!/\bmsg\s*\(/.test(text)) continue;
  const callRe = /\bmsg\s*\(/g;
  let match;
  while ((match = callRe.exec(text))) {
    const before = text.slice(Math.max(0, match.index - 20), match.index);
    if (/(function|import\s*\{[^}]*|\.)\s*$/.test(before)) continue;
    const open = match.index + match[0].length - 1;
    const end = matchParen(text, open);
    const line = text.slice(0, match.index).split('\n').length;
    const where = `${relative(root, file)}:${line}`;
    if (end < 0) {
      problems.push(`${where}: could not parse msg() call`);
      continue;
    }
    const call = text.slice(open, end);
    const idMatch = /\bid\s*:\s*(['"])([^'"]+)\1\s*[,}]/.exec(call);
    if (!idMatch) {
      problems.push(`${where}: msg() without an explicit { id: '...' }`);
      continue;
    }
    if (!used.has(idMatch[2])) used.set(idMatch[2], where);
  }
}

const localeText = readFileSync(localeFile, 'utf8');
const translated = new Set();
for (const m of localeText.matchAll(/^\s*(['"])([\w.-]+)\1\s*:/gm)) {
  if (translated.has(m[2])) problems.push(`ar.ts: duplicate id '${m[2]}'`);
  translated.add(m[2]);
}

const missing = [...used.keys()].filter((id) => !translated.has(id)).sort();
const unused = [...translated].filter((id) => !used.has(id)).sort();
for (const id of missing) problems.push(`missing in ar.ts: '${id}' (used at ${used.get(id)})`);
for (const id of unused) problems.push(`unused in ar.ts: '${id}'`);

if (problems.length) {
  console.error(`check-i18n: ${problems.length} problem(s)`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`check-i18n: ${used.size} message ids, all translated in ar.ts, none unused.`);
