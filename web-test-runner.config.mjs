// Test runner: real headless Chromium and Firefox, TypeScript through esbuild, MSW's worker served
// from the installed package so it always matches the library version, React (CommonJS) as ES
// modules for the React wrappers' tests.
//
// BROWSERS=chromium or BROWSERS=firefox (or a comma list) runs one engine for a quick local run;
// both run by default. Without a local Firefox, Chromium still runs and one line says Firefox was
// skipped; in CI (CI=true) a missing Firefox is an error. FIREFOX_PATH and CHROME_PATH pick the
// executables.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { build as esbuild } from 'esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { defaultReporter } from '@web/test-runner';
import { CHROME_ARGS, findChrome } from './scripts/find-chrome.mjs';
import { FIREFOX_INSTALL_HINT, findFirefox } from './scripts/find-firefox.mjs';
import { failureReporter } from './scripts/lib/failure-reporter.mjs';

const require = createRequire(import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8'));
const ENGINES = ['chromium', 'firefox'];
const inCI = process.env.CI === 'true' || process.env.CI === '1';

/** The engines asked for through BROWSERS (default: all). */
function wantedEngines() {
  const raw = (process.env.BROWSERS ?? '').trim().toLowerCase();
  if (!raw) return ENGINES;
  const names = raw.split(/[\s,]+/).filter(Boolean);
  const unknown = names.filter((name) => !ENGINES.includes(name));
  if (unknown.length > 0) {
    console.error(`BROWSERS: unknown engine ${unknown.join(', ')}; use ${ENGINES.join(', ')}.`);
    process.exit(1);
  }
  return ENGINES.filter((name) => names.includes(name));
}

function browsers() {
  const engines = wantedEngines();
  const launchers = [];
  if (engines.includes('chromium')) {
    launchers.push(
      chromeLauncher({ launchOptions: { executablePath: findChrome(), args: CHROME_ARGS } }),
    );
  }
  if (engines.includes('firefox')) {
    const { path: executablePath, problem } = findFirefox();
    if (executablePath) {
      // puppeteer drives Firefox over WebDriver BiDi; it never downloads a browser here.
      launchers.push(
        puppeteerLauncher({
          launchOptions: {
            browser: 'firefox',
            protocol: 'webDriverBiDi',
            executablePath,
            headless: true,
          },
        }),
      );
    } else if (inCI || !engines.includes('chromium')) {
      console.error(`${problem}: ${FIREFOX_INSTALL_HINT}.`);
      process.exit(1);
    } else {
      console.warn(`Firefox skipped (${problem}): ${FIREFOX_INSTALL_HINT}.`);
    }
  }
  return launchers;
}

/** Serves /mockServiceWorker.js from the installed msw package. */
function mswWorkerPlugin() {
  const file = require.resolve('msw/mockServiceWorker.js');
  return {
    name: 'msw-worker',
    serve(context) {
      if (context.path === '/mockServiceWorker.js') {
        return { body: readFileSync(file, 'utf8'), type: 'js' };
      }
    },
  };
}

/**
 * React (for the `omnishelf/react` tests) ships CommonJS only. As bundlers do, esbuild turns
 * `react`, `react-dom` and `react-dom/client` into ES modules (one bundle, so one React, built
 * once per run with `process.env.NODE_ENV` "development"), and each of those specifiers resolves
 * to a module re-exporting its part under its own names, as bundlers' CommonJS interop does.
 */
const REACT_ENTRIES = ['react', 'react-dom', 'react-dom/client'];
function reactPlugin() {
  const prefix = '/__react-esm__/';
  const bundlePath = `${prefix}bundle.js`;
  const names = new Map(REACT_ENTRIES.map((entry, i) => [entry, `m${i}`]));
  // Their names, read in Node now (React's development build wraps the console, which the runner
  // replaces later).
  const exportsOf = new Map(
    REACT_ENTRIES.map((entry) => [
      entry,
      Object.keys(require(entry)).filter((n) => n !== 'default' && /^[A-Za-z_$][\w$]*$/.test(n)),
    ]),
  );
  let bundle;
  const buildBundle = async () => {
    const result = await esbuild({
      stdin: {
        contents: REACT_ENTRIES.map((e) => `export * as ${names.get(e)} from '${e}';`).join('\n'),
        resolveDir: fileURLToPath(new URL('.', import.meta.url)),
      },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      define: { 'process.env.NODE_ENV': '"development"' },
      write: false,
      logLevel: 'silent',
    });
    return result.outputFiles[0].text;
  };
  return {
    name: 'react-esm',
    resolveImport({ source }) {
      return names.has(source) ? `${prefix}${source}.js` : undefined;
    },
    async serve(context) {
      if (context.path === bundlePath) {
        bundle ??= buildBundle();
        return { body: await bundle, type: 'js' };
      }
      const entry = context.path.startsWith(prefix) && context.path.slice(prefix.length, -3);
      if (!entry || !names.has(entry)) return undefined;
      // esbuild's namespace of a CommonJS module: `default` is module.exports, plus its keys.
      return {
        body: [
          `import { ${names.get(entry)} as ns } from '${bundlePath}';`,
          'export default ns.default;',
          `export const { ${exportsOf.get(entry).join(', ')} } = ns;`,
        ].join('\n'),
        type: 'js',
      };
    },
  };
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [
    esbuildPlugin({
      ts: true,
      tsconfig: 'tsconfig.json',
      target: 'es2022',
      define: { __OMNI_VERSION__: JSON.stringify(version) },
    }),
    reactPlugin(),
    mswWorkerPlugin(),
  ],
  browsers: browsers(),
  reporters: [defaultReporter(), failureReporter()],
  // Lit's dev-mode notice, once per test file and browser, buried the logs that matter.
  filterBrowserLogs: ({ args }) =>
    !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode')),
  // Chromium and Firefox run side by side (separate processes and profiles), one test file at a
  // time each. Measured on 2 cores: ~95-110 s side by side against ~122 s one after the other.
  // Two files at a time per browser was slower (~132 s) and flaky: four pages on two cores, and
  // REST tests that give a request 2 s timed out.
  concurrentBrowsers: 2,
  concurrency: 1,
  // Shared CI machines can be slow to start a browser page or a test file under load; a start
  // that takes long is not a failure of the code under test.
  browserStartTimeout: 120000,
  testsStartTimeout: 120000,
  testsFinishTimeout: 600000,
  // In CI (CI=true), a failed test runs once more before it counts as failed (Mocha's `retries`):
  // CI runs on a shared machine whose load we do not control, and one slow moment there cost a
  // whole submission. A test that fails for its code fails twice. The failure reporter still
  // lists what failed for good; local runs never retry, so a flaky test shows up there.
  testFramework: { config: { timeout: 10000, retries: inCI ? 1 : 0 } },
  testRunnerHtml: (testFramework) =>
    `<html><head><meta charset="utf-8"></head><body><script type="module" src="${testFramework}"></script></body></html>`,
};
