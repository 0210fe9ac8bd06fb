// Against REAL runtest sessions recorded with script(1) (../shared/runtest-real/transcripts).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { failedSummaryDetails, readTranscript } from '../../../extension/src/run/transcriptFindings';
import { sharedDir } from '../../support/paths';

const real = (name: string): string => readFileSync(path.join(sharedDir('runtest-real', 'transcripts'), name), 'latin1');

describe('reading runtest transcripts', () => {
  it('a pass: the test line, progress, Script completed, nothing else', () => {
    const report = readTranscript(real('0001.typescript'));
    assert.deepEqual(report.tests.map((t) => [t.testNumber, t.folderTail, t.title, t.completed, t.findings.length]), [['0001', 'Basic', 'Basic configuration setting', true, 0]]);
    assert.equal(report.fatal, undefined);
  });

  it('an interactive mismatch continued past: the comparison and both "is not empty" lines, through less(1) escapes', () => {
    const [test] = readTranscript(real('1090.typescript')).tests;
    assert.deepEqual(test.findings.map((f) => f.kind), ['comparison', 'notEmpty', 'notEmpty']);
    assert.deepEqual(test.findings[0], {
      kind: 'comparison',
      produced: 'test-mainlog-munged',
      expected: 'log/1090',
      details: test.findings[0].kind === 'comparison' ? test.findings[0].details : '',
    });
    assert.match(test.findings[0].kind === 'comparison' ? test.findings[0].details : '', /^={15}\nLine 5 of "test-mainlog-munged" does not match line 5 of "log\/1090"\./);
    assert.equal(test.completed, true, 'runtest prints "Script completed" after a continued mismatch too');
    assert.equal(test.eximCommandsStarted, 3);
  });

  it('a quit: "You were in test DIR/NNNN at the end there." and no Script completed', () => {
    const report = readTranscript(real('1090-quit.typescript'));
    assert.equal(report.stoppedInTest, '1090');
    assert.equal(report.tests[0].completed, false);
    assert.equal(report.tests[0].findings[0].kind, 'comparison');
  });

  it('a wrong return code: command number, name and line', () => {
    const [test] = readTranscript(real('0990-badrc.typescript')).tests;
    assert.deepEqual(test.findings, [{ kind: 'returnCode', commandNumber: 1, commandName: 'perl', line: 2, detail: 'Return code 3 (expected 0)' }]);
    assert.equal(test.completed, false, 'after c at this prompt runtest skips the comparisons');
  });

  it('Ctrl-C at the start prompt: the runtest error, the omitted folders, no test', () => {
    const report = readTranscript(real('noargs-ctrlc.typescript'));
    assert.equal(report.fatal, 'Caught SIGINT');
    assert.equal(report.tests.length, 0);
    assert.ok(report.omittedFolders.some((f) => f.folder === '2000-GnuTLS' && f.reason === 'support GnuTLS'));
  });

  it('a -CONTINUE range: "... continue forced" answers and a second, clean test', () => {
    const report = readTranscript(real('range-continue.typescript'));
    assert.deepEqual(report.tests.map((t) => [t.testNumber, t.findings.length, t.completed]), [['1090', 3, true], ['1091', 0, true]]);
  });

  it('Save for flavour and Update: each retry reprints the test line; one block, findings since the last retry', () => {
    const report = readTranscript(real('1090-flavour.typescript'));
    assert.deepEqual(report.tests.map((t) => [t.testNumber, t.retries, t.completed, t.findings.length]), [['1090', 2, true, 0]]);
  });

  it('reads failed-summary.log lines for one test', () => {
    const text = readFileSync(path.join(sharedDir('runtest-real', 'runs', '1090-keep-continue'), 'failed-summary.log'), 'utf8');
    assert.deepEqual(failedSummaryDetails(text, '1090'), ['log/1090', 'test-stdout', 'test-stderr']);
  });
});
