#!/usr/bin/env node
// Translations, in two steps (see README, Languages):
//   npm run i18n:extract   msg() calls in src/ -> xliff/<locale>.xlf for every target locale:
//                          new messages arrive with their English <source> and no <target>;
//                          lists what each language still lacks.
//   npm run i18n:build     xliff/<locale>.xlf -> src/core/i18n/locales/<locale>.ts (committed).
// `npm run lint` (scripts/check-i18n.mjs) fails while any language lacks a message or a module is
// out of date.
import { build, extract, root } from './lib/i18n.mjs';

const command = process.argv[2];
const list = (ids) => (ids.length > 8 ? `${ids.slice(0, 8).join(', ')} ...` : ids.join(', '));
try {
  if (command === 'extract') {
    const { messages, untranslated } = await extract();
    console.log(`i18n:extract: ${messages.length} messages written to xliff/.`);
    for (const [locale, ids] of untranslated) {
      console.log(
        `  ${locale}: ${ids.length ? `${ids.length} to translate or review: ${list(ids)}` : 'all translated'}`,
      );
    }
  } else if (command === 'build') {
    const { paths, fellBack } = await build();
    console.log(`i18n:build: wrote ${paths.map((p) => p.slice(root.length + 1)).join(', ')}.`);
    for (const [locale, ids] of fellBack) {
      if (ids.length)
        console.log(`  ${locale}: ${ids.length} untranslated (English): ${list(ids)}`);
    }
  } else {
    console.error('usage: node scripts/i18n.mjs extract|build');
    process.exit(2);
  }
} catch (error) {
  console.error(`i18n ${command}: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
