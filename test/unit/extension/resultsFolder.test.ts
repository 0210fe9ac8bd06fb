import * as assert from 'node:assert/strict';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, statSync, promises as fsp, rmSync, writeFileSync, appendFileSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { collectRunResults, failedSummarySize, pruneRuns, runFolderName, snapshotTreeFiles } from '../../../extension/src/run/resultsFolder';
import { readRunFolder, nodeFolder } from '../../../language-server/src/results/runFolder';
import { sharedDir } from '../../support/paths';

describe('the run-results folder', () => {
  let base: string;
  let tree: string;
  let runDir: string;
  beforeEach(() => {
    base = mkdtempSync(path.join(os.tmpdir(), 'exim-results-'));
    tree = path.join(base, 'test');
    runDir = path.join(base, 'storage', 'runs', runFolderName(new Date('2026-11-24T19:46:12.345Z'), '1090'));
    // What a real `./runtest -KEEP -CONTINUE 1090` left in test/.
    cpSync(sharedDir('runtest-real', 'runs', '1090-keep-continue'), tree, { recursive: true });
    makeWritable(tree); // the shared copies are read-only
    mkdirSync(path.join(tree, 'log'));
    writeFileSync(path.join(tree, 'log', '1090'), 'expected\n');
    return fsp.mkdir(runDir, { recursive: true });
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('names folders by start time and test, sortable', () => {
    assert.equal(path.basename(runDir), '20261124-194612-345-1090');
  });

  it('copies the raw files, writes a manifest the results reader accepts, and only this run\'s failed-summary lines', async () => {
    const offset = await failedSummarySize(tree);
    appendFileSync(path.join(tree, 'failed-summary.log'), 'Test 1090 log/1090 failed\n');
    const startedAt = new Date(Date.now() - 1000);
    const collected = await collectRunResults({ runDir, treeRoot: tree, testNumber: '1090', scriptPath: 'scripts/1090-TCP-Fast-Open/1090', argv: ['./runtest', '-KEEP', '-CONTINUE', '1090'], startedAt, endedAt: new Date(), exitStatus: 0, failedSummaryOffset: offset, before: {} });
    assert.deepEqual(collected.manifest.files, { mainlog: 'spool/log/mainlog', servermainlog: 'spool/log/servermainlog', mungedMainlog: 'test-mainlog-munged', runSummary: 'run-summary.log', expectedLog: 'expected-log' });
    assert.equal(collected.manifest.outcome, 'failed');
    assert.equal(collected.failedSummary, 'Test 1090 log/1090 failed\n');
    assert.equal(readFileSync(path.join(runDir, 'spool/log/mainlog'), 'utf8'), readFileSync(path.join(tree, 'spool/log/mainlog'), 'utf8'));
    const read = await readRunFolder(nodeFolder(), runDir);
    assert.ok(read.ok && read.folder.source === 'manifest' && read.folder.problems.length === 0, JSON.stringify(read));
  });

  it('never takes files this run did not write (runtest died before it cleared them), even a second old', async () => {
    const before = await snapshotTreeFiles(tree);
    writeFileSync(path.join(tree, 'spool/log/mainlog'), 'written by this run\n');
    const collected = await collectRunResults({ runDir, treeRoot: tree, testNumber: '1090', scriptPath: 'scripts/x/1090', argv: [], startedAt: new Date(), endedAt: new Date(), exitStatus: 9, failedSummaryOffset: 0, before });
    assert.deepEqual(Object.keys(collected.manifest.files).sort(), ['expectedLog', 'mainlog']);
    assert.equal(collected.manifest.outcome, 'unknown');
    assert.ok(collected.notes.some((n) => /run-summary\.log in the test tree was not written by this run/.test(n)));
  });

  it('keeps the newest N runs', async () => {
    const runs = path.dirname(runDir);
    for (const stamp of ['20260101-000000-000-0001', '20260102-000000-000-0001', '20260103-000000-000-0001']) await fsp.mkdir(path.join(runs, stamp));
    const removed = await pruneRuns(runs, 2);
    assert.deepEqual(removed, ['20260101-000000-000-0001', '20260102-000000-000-0001']);
    assert.deepEqual((await fsp.readdir(runs)).sort(), ['20260103-000000-000-0001', '20261124-194612-345-1090']);
  });
});

function makeWritable(dir: string): void {
  chmodSync(dir, 0o755);
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) makeWritable(file);
    else chmodSync(file, 0o644);
  }
}
