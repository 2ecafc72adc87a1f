// Finds a Firefox executable for the tests: FIREFOX_PATH, the usual install paths, then the PATH,
// and checks that it is new enough for puppeteer. The test config decides what a missing Firefox
// means (an error in CI, a skipped engine on a developer's machine).
//
// As a command (`node scripts/find-firefox.mjs`, used by .ci/run before `npm ci`): prints the path
// and exits 0, or says why not and exits 1. It imports nothing outside Node.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * puppeteer 24.43 drives Firefox over WebDriver BiDi and sets the viewport with
 * `emulation.setScreenOrientationOverride`, which Firefox ESR 140 does not know ("unknown
 * command"): every test file then fails before it loads. puppeteer 24.43 is built against Firefox
 * 150; ESR 153 is checked here.
 */
export const FIREFOX_MIN_MAJOR = 150;

/** How to get a Firefox, in one line. */
export const FIREFOX_INSTALL_HINT =
  'install or upgrade it (Debian/Ubuntu: sudo apt-get update && sudo apt-get install firefox-esr; ' +
  'macOS: brew install --cask firefox) or point FIREFOX_PATH at one';

/** The first Firefox executable found, or undefined. */
export function findFirefoxPath() {
  const fromEnv = process.env.FIREFOX_PATH;
  // An explicit path is used as given: one that does not exist is reported, not searched around.
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  const candidates = [
    '/usr/bin/firefox-esr',
    '/usr/bin/firefox',
    '/Applications/Firefox.app/Contents/MacOS/firefox',
  ];
  for (const path of candidates) if (existsSync(path)) return path;
  for (const cmd of ['firefox-esr', 'firefox']) {
    try {
      const path = execFileSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim();
      if (path) return path;
    } catch {
      /* not on PATH */
    }
  }
  return undefined;
}

/** The major version `firefox --version` prints ("Mozilla Firefox 153.8.0esr"), or undefined. */
export function firefoxMajor(path) {
  try {
    const out = execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 });
    const match = /Firefox\s+(\d+)\./.exec(out);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A usable Firefox: `{ path }`, or `{ problem }` saying in one phrase why there is none.
 */
export function findFirefox() {
  const path = findFirefoxPath();
  if (!path) {
    return {
      problem: process.env.FIREFOX_PATH
        ? `FIREFOX_PATH=${process.env.FIREFOX_PATH} does not exist`
        : 'Firefox is not installed',
    };
  }
  const major = firefoxMajor(path);
  if (major === undefined) return { problem: `${path} does not answer --version like Firefox` };
  if (major < FIREFOX_MIN_MAJOR) {
    return { problem: `${path} is Firefox ${major}; the tests need ${FIREFOX_MIN_MAJOR} or newer` };
  }
  return { path };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { path, problem } = findFirefox();
  if (path) {
    console.log(path);
  } else {
    console.error(`${problem}: ${FIREFOX_INSTALL_HINT}.`);
    process.exit(1);
  }
}
