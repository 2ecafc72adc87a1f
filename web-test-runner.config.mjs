// Test runner: real headless Chromium, TypeScript through esbuild, MSW's worker served from the
// installed package so it always matches the library version.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

const require = createRequire(import.meta.url);

function findChrome() {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ].filter(Boolean);
  for (const path of candidates) if (existsSync(path)) return path;
  for (const cmd of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      const path = execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim();
      if (path) return path;
    } catch {
      /* not on PATH */
    }
  }
  console.error(
    [
      '',
      'No Chromium or Chrome found for the tests.',
      '  Debian/Ubuntu:  sudo apt-get install chromium',
      '  macOS:          brew install --cask chromium',
      '  or point CHROME_PATH at any Chrome/Chromium executable.',
      '',
    ].join('\n'),
  );
  process.exit(1);
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

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2022' }),
    mswWorkerPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChrome(),
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
        ],
      },
    }),
  ],
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testRunnerHtml: (testFramework) =>
    `<html><head><meta charset="utf-8"></head><body><script type="module" src="${testFramework}"></script></body></html>`,
};
