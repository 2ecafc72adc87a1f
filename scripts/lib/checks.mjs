// The named checks of a script (check-pages, check-readme): each runs, prints ✓ or ✗ with why,
// and the script ends with one line in web-test-runner's progress shape, which .ci/run counts.
//
//   const { check, assert, finish } = createChecks('Real pages');
//   await check('name', async () => { assert(ok, 'why not'); return 'optional detail'; });
//   finish(); // prints the summary line and exits 1 if any check failed

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

export function createChecks(label) {
  const results = [];
  async function check(name, body) {
    try {
      const detail = await body();
      results.push(true);
      console.log(`  ✓ ${name}${detail ? ` (${detail})` : ''}`);
    } catch (error) {
      results.push(false);
      console.log(
        `  ✗ ${name}\n      ${String(error?.message ?? error)
          .split('\n')
          .join('\n      ')}`,
      );
    }
  }
  function finish() {
    const passed = results.filter(Boolean).length;
    const failed = results.length - passed;
    console.log(
      `${label}: |${'█'.repeat(30)}| ${results.length}/${results.length} checks | ${passed} passed, ${failed} failed`,
    );
    process.exit(failed > 0 ? 1 : 0);
  }
  return { check, assert, finish };
}
