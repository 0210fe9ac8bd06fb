import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { lastTestReached, testResults } from '../../../extension/src/run/testOutcomes';
import { readTranscript } from '../../../extension/src/run/transcriptFindings';
import { sharedDir } from '../../support/paths';

const runs = (...parts: string[]): string => readFileSync(path.join(sharedDir('runtest-real', 'runs'), ...parts), 'utf8');
const transcript = (name: string) => readTranscript(readFileSync(path.join(sharedDir('runtest-real', 'transcripts'), name), 'latin1'));

describe('test outcomes: only what runtest wrote or printed', () => {
  it('pass from run-summary.log `NNNN P`', () => {
    const [result] = testResults({ tests: ['0001'], runSummary: '0001 P\n', transcript: transcript('0001.typescript') });
    assert.deepEqual([result.outcome, result.evidence], ['passed', 'run-summary.log: 0001 P']);
  });

  it('fail from a real -CONTINUE run: `1090 F` three times, failing files from failed-summary.log', () => {
    const [result] = testResults({ tests: ['1090'], runSummary: runs('1090-keep-continue', 'run-summary.log'), failedSummary: runs('1090-keep-continue', 'failed-summary.log') });
    assert.equal(result.outcome, 'failed');
    assert.equal(result.evidence, 'run-summary.log: 1090 F, 1090 F, 1090 F');
    assert.deepEqual(result.failedFiles, ['log/1090', 'test-stdout', 'test-stderr']);
  });

  it('omitted from `NNNN .`', () => {
    assert.equal(testResults({ tests: ['2000'], runSummary: '2000 .\n' })[0].outcome, 'omitted');
  });

  it('an interactive failure continued past: no summary line, read from the transcript', () => {
    const [result] = testResults({ tests: ['1090'], runSummary: '', transcript: transcript('1090.typescript') });
    assert.equal(result.outcome, 'failed');
    assert.match(result.evidence, /^transcript: log\/1090 differs/);
  });

  it('a pass is never guessed: "Script completed" without a P line stays unknown', () => {
    const [result] = testResults({ tests: ['0001'], transcript: transcript('0001.typescript') });
    assert.equal(result.outcome, 'unknown');
  });

  it('tests that never ran stay unknown, and say why', () => {
    const [result] = testResults({ tests: ['0001'], transcript: transcript('noargs-ctrlc.typescript') });
    assert.deepEqual([result.outcome, result.evidence], ['unknown', 'not run: runtest stopped (Caught SIGINT)']);
  });

  it('knows which test a -KEEP run left its files for', () => {
    assert.equal(lastTestReached(['1090', '1091'], transcript('range-continue.typescript')), '1091');
    assert.equal(lastTestReached(['1090', '1091'], transcript('1090-quit.typescript')), '1090');
  });
});
