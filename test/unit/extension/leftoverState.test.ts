// The leftover-state guard, on Exim's real script 1090 (its `sudo perl` blocks add a netem qdisc
// on lo and delete it at the end) and on real transcripts of runs of it.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { changesLeftInPlace, restoreSteps, stopPoint } from '../../../extension/src/run/leftoverState';
import { scriptShape, sudoChangesOf } from '../../../extension/src/run/sudoChanges';
import { readTranscript, type TranscriptReport } from '../../../extension/src/run/transcriptFindings';
import { sharedDir } from '../../support/paths';

const script1090 = readFileSync(path.join(sharedDir('corpus', 'exim-test', 'scripts'), '1090-TCP-Fast-Open', '1090'), 'utf8');
const shape = () => scriptShape(script1090);
const transcript = (name: string) => readTranscript(readFileSync(path.join(sharedDir('runtest-real', 'transcripts'), name), 'latin1'));
const interrupted = (eximCommandsStarted: number, fatal: string | null = 'Caught SIGINT'): TranscriptReport => ({
  tests: [{ testNumber: '1090', folderTail: 'TCP-Fast-Open', title: 'TCP Fast Open', findings: [], eximCommandsStarted, progressAtLastFinding: 0, completed: false, retries: 0, ...(fatal ? { fatal } : {}) }],
  ...(fatal ? { fatal } : {}),
  omittedFolders: [],
});

describe('the leftover-state guard', () => {
  it('sees nothing left when the script ran to its end, even after a quit at a comparison prompt', () => {
    assert.equal(stopPoint(transcript('1090.typescript'), 0, shape), undefined);
    assert.equal(stopPoint(transcript('1090-quit.typescript'), 1, shape), undefined, 'comparisons come after the last command');
  });

  it('after Ctrl-C during the first exim command: the qdisc on lo and the blackhole timeout are still changed', () => {
    const stop = stopPoint(interrupted(1), 4, shape);
    assert.ok(stop);
    assert.equal(stop.why, 'runtest stopped: Caught SIGINT');
    const left = changesLeftInPlace(sudoChangesOf(script1090), stop);
    assert.deepEqual(left.map((c) => c.resource), ['qdisc dev lo root', 'sysctl net.ipv4.tcp_fastopen_blackhole_timeout_sec']);
    assert.deepEqual(restoreSteps(left, () => undefined).map((s) => s.argv), [
      ['sh', '-c', 'tc qdisc del dev lo root'],
      ['sysctl', '-w', 'net.ipv4.tcp_fastopen_blackhole_timeout_sec=3600'],
    ]);
  });

  it('a quit at a wrong return code stops exactly at that command, which counts as run', () => {
    // runtest counts lines from 1: the `sudo perl` line is the 0-based index of the line after it.
    const netemLine = script1090.split('\n').indexOf('system("tc qdisc add dev lo root netem delay 50ms");');
    const report = { ...interrupted(0, null), stoppedInTest: '1090' };
    report.tests[0].findings.push({ kind: 'returnCode', commandNumber: 1, commandName: 'sudo perl', line: netemLine, detail: 'Return code 2 (expected 0)' });
    const stop = stopPoint(report, 1, shape);
    assert.deepEqual(stop && [stop.reached, stop.bound, stop.why], [netemLine - 1, netemLine, 'runtest was quit at a prompt']);
    assert.deepEqual(changesLeftInPlace(sudoChangesOf(script1090), stop!).map((c) => c.resource), ['qdisc dev lo root']);
  });

  it('after a stop past the undo block: nothing is left', () => {
    const script = '# t\nsudo perl\nsystem("tc qdisc add dev lo root netem delay 50ms");\n****\nexim -bt a\n****\nsudo perl\nsystem("tc qdisc delete dev lo root");\n****\nexim -bt b\n****\n';
    const stop = stopPoint(interrupted(2), 4, () => scriptShape(script));
    assert.ok(stop);
    assert.deepEqual(changesLeftInPlace(sudoChangesOf(script), stop), []);
    assert.equal(changesLeftInPlace(sudoChangesOf(script), stopPoint(interrupted(1), 4, () => scriptShape(script))!).length, 1);
  });

  it('puts a sysctl back to the value the script saved, else to the value its undo writes', () => {
    const change = { summary: 'sets net.ipv4.tcp_fastopen to 3', resource: 'sysctl net.ipv4.tcp_fastopen', changeLine: 3, undoLine: 20, sysctl: 'net.ipv4.tcp_fastopen', undoValue: '1' };
    assert.deepEqual(restoreSteps([change], () => '2\n')[0].argv, ['sysctl', '-w', 'net.ipv4.tcp_fastopen=2']);
    assert.deepEqual(restoreSteps([change], () => undefined)[0].argv, ['sysctl', '-w', 'net.ipv4.tcp_fastopen=1']);
    assert.match(restoreSteps([{ ...change, undoValue: undefined }], () => undefined)[0].advice ?? '', /by hand/);
  });
});
