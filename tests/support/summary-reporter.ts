import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with the plain line CI reads, "N passed, N failed"; a test that could not run here
 * (a tool missing on this machine) is counted on the line before it, so the last line keeps its form.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let skipped = 0;
    let failed = unhandledErrors.length;
    for (const module of testModules) {
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed++;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else if (state === 'skipped') skipped++;
      }
    }
    const notRun = skipped > 0 ? `${skipped} skipped: a tool they need is missing here (see above)\n` : '';
    process.stdout.write(`\n${notRun}${passed} passed, ${failed} failed\n`);
  }
}
