// The Test Explorer's pure parts: grouping and titles, and the failure messages.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { failureMessages } from '../../../extension/src/testing/failureMessages';
import { catalogueScripts, scriptTitle } from '../../../extension/src/testing/scriptCatalog';
import type { TestResult } from '../../../extension/src/run/testOutcomes';

describe('Test Explorer items', () => {
  it('groups scripts by tree and folder; titles as runtest prints them', () => {
    const catalog = catalogueScripts(['/x/test/scripts/1090-TCP-Fast-Open/1091', '/x/test/scripts/1090-TCP-Fast-Open/1090', '/x/test/scripts/0000-Basic/0001', '/x/test/scripts/0000-Basic/REQUIRES']);
    assert.deepEqual([...catalog.keys()], ['/x/test']);
    assert.deepEqual([...catalog.get('/x/test')!.entries()].map(([folder, scripts]) => [folder, scripts.map((s) => s.testNumber)]), [['0000-Basic', ['0001']], ['1090-TCP-Fast-Open', ['1090', '1091']]]);
    assert.equal(scriptTitle('# TCP Fast Open\r\nexim -bd\n'), 'TCP Fast Open');
    assert.equal(scriptTitle('no title'), '');
  });
});

describe('Test Explorer failure messages', () => {
  const base: TestResult = { testNumber: '1090', outcome: 'failed', evidence: 'run-summary.log: 1090 F', findings: [], failedFiles: [] };

  it('points a wrong return code at its command line', () => {
    const [message] = failureMessages({ ...base, findings: [{ kind: 'returnCode', commandNumber: 1, commandName: 'perl', line: 2, detail: 'Return code 3 (expected 0)' }] }, '/run', '1090');
    assert.deepEqual(message, { text: 'command 1 ("perl", line 2): Return code 3 (expected 0)', line: 1 });
  });

  it('offers the diff of a main-log mismatch, from the copies in the run folder', () => {
    const [message] = failureMessages({ ...base, findings: [{ kind: 'comparison', produced: 'test-mainlog-munged', expected: 'log/1090', details: 'Line 5 …' }] }, '/run', '1090');
    assert.deepEqual(message.diff, { expectedFile: path.join('/run', 'expected-log'), actualFile: path.join('/run', 'test-mainlog-munged') });
    assert.match(message.text, /^log\/1090 differs .*\nLine 5/);
  });

  it('uses failed-summary.log when the transcript said nothing more, and the evidence as the last resort', () => {
    assert.deepEqual(failureMessages({ ...base, failedFiles: ['log/1090', 'test-stdout'] }, '/run', '1090').map((m) => m.text), ['failed-summary.log: Test 1090 log/1090 failed', 'failed-summary.log: Test 1090 test-stdout failed']);
    assert.deepEqual(failureMessages(base, '/run', '1090').map((m) => m.text), ['run-summary.log: 1090 F']);
  });
});
