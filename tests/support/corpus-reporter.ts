import { fileURLToPath } from 'node:url';
import type { Reporter, TestModule } from 'vitest/node';
import { CORPUS_ROOT, corpusFileCount, corpusPresent } from './fixtures.ts';

// Ends a run with one line saying how much of the outside corpus ran: its suites are named "corpus: …".
export default class CorpusReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let ran = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (/(^| > )corpus: /.test(test.fullName) && (state === 'passed' || state === 'failed')) ran++;
      }
    }
    const where = fileURLToPath(CORPUS_ROOT);
    console.log(corpusPresent()
      ? `corpus: ${ran} tests ran on ${corpusFileCount()} files from ${where}`
      : `corpus: not present at ${where} (set RAPPORT_FIXTURES), 0 ran; the project's own fixtures ran`);
  }
}
