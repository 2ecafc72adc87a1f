#!/usr/bin/env node
// The cart's model-based property (test/core/cart/cart-model-check.ts) at soak strength, in Node:
// `npm run soak` runs it 10,000 times (or `npm run soak -- RUNS [SEED]`) and prints the count;
// `npm test` runs it 1,000 times this way after the browser suite.
// The TypeScript is bundled with esbuild (Vite's) into a temporary file first; the property needs
// no DOM (virtual time, in-memory server and storage).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const runs = Number(process.argv[2] ?? 10_000);
const seed = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('usage: npm run soak -- [RUNS] [SEED]');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'omnishelf-soak-'));
const outfile = join(dir, 'cart-model-check.mjs');
try {
  await build({
    entryPoints: [fileURLToPath(new URL('../test/core/cart/cart-model-check.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  const { checkCartModel } = await import(pathToFileURL(outfile).href);
  console.log(`cart property: running ${runs} runs${seed === undefined ? '' : ` (seed ${seed})`}…`);
  const result = await checkCartModel(runs, seed);
  console.log(`cart property: ${result.runs} runs passed in ${(result.ms / 1000).toFixed(1)} s`);
  // The test runner's summary shape, so that .ci/run counts it (one test of `runs` runs).
  console.log(`Cart property Node: |${'█'.repeat(30)}| 1/1 | 1 passed, 0 failed`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
