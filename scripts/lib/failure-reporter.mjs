// A web-test-runner reporter that lists every failed test (and every file that failed to load)
// once more after the run, one block each. The default reporter prints a failure when its file
// finishes, hundreds of lines before the end; a CI log that keeps only its tail lost them.

/** Every test in a result tree, named "suite > suite > test". */
function flatten(suite, prefix = '') {
  const tests = (suite?.tests ?? []).map((test) => ({ ...test, name: prefix + test.name }));
  for (const child of suite?.suites ?? [])
    tests.push(...flatten(child, `${prefix}${child.name} > `));
  return tests;
}

/** The error's first line and the first few frames, enough to find the assertion. */
function describe(error) {
  if (!error) return '(no error reported)';
  const head = `${error.name ? `${error.name}: ` : ''}${error.message ?? String(error)}`;
  const frames = (error.stack ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^at |@/.test(line))
    .slice(0, 3);
  return [head.split('\n').slice(0, 6).join('\n      '), ...frames].join('\n      ');
}

export function failureReporter() {
  return {
    stop({ sessions }) {
      const lines = [];
      for (const session of sessions) {
        const where = `${session.browser.name} ${session.testFile.replace(process.cwd() + '/', '')}`;
        for (const error of session.errors ?? [])
          lines.push(`FAILED ${where}\n      ${describe(error)}`);
        for (const test of flatten(session.testResults)) {
          if (!test.passed && !test.skipped) {
            lines.push(`FAILED ${where} > ${test.name}\n      ${describe(test.error)}`);
          }
        }
      }
      if (lines.length === 0) return;
      console.log(`\n${lines.length} failed (listed again at the end of the run):`);
      for (const line of lines) console.log(line);
    },
  };
}
