// Test runner: real headless Chromium, TypeScript through esbuild, MSW's worker served from the
// installed package so it always matches the library version.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROME_ARGS, findChrome } from './scripts/find-chrome.mjs';

const require = createRequire(import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8'));

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
    mswWorkerPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChrome(),
        args: CHROME_ARGS,
      },
    }),
  ],
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testRunnerHtml: (testFramework) =>
    `<html><head><meta charset="utf-8"></head><body><script type="module" src="${testFramework}"></script></body></html>`,
};
