import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  inMemoryFolder,
  nodeFolder,
  parseRunSummary,
  readRunFolder,
  writeRunManifest,
  type RunFolder,
  type RunManifest,
} from '../../../language-server/src/results/runFolder';
import { decodeLogBytes, readMainLogText } from '../../../language-server/src/results/log/mainLog';
import { listShared, readSharedText, sharedPath } from './log/sharedData';

const manifest: RunManifest = {
  formatVersion: 1,
  testNumber: '1090',
  scriptPath: 'scripts/1090-TCP-Fast-Open/1090',
  testTree: 'exim/test',
  startedAt: '2026-11-24T19:47:09.000Z',
  endedAt: '2026-11-24T19:47:17.000Z',
  argv: ['./runtest', '-KEEP', '-CONTINUE', '1090'],
  exitStatus: 0,
  outcome: 'unknown',
  files: {
    mainlog: 'spool/log/mainlog',
    servermainlog: 'spool/log/servermainlog',
    mungedMainlog: 'test-mainlog-munged',
    runSummary: 'run-summary.log',
    capture: 'capture.pcapng',
  },
};

async function readOk(folder: Parameters<typeof readRunFolder>[0], dir: string): Promise<RunFolder> {
  const result = await readRunFolder(folder, dir);
  assert.ok(result.ok, result.ok ? '' : result.errors.join('\n'));
  return result.folder;
}

describe('runFolder', () => {
  describe('parseRunSummary', () => {
    it('reads the real run-summary.log files: one F per failed comparison', () => {
      const continued = parseRunSummary(readSharedText('runtest-real/runs/1090-keep-continue/run-summary.log'));
      assert.deepEqual(continued, { tests: [{ testNumber: '1090', marks: ['F', 'F', 'F'], outcome: 'failed' }], unreadLines: [] });
      const delayed = parseRunSummary(readSharedText('runtest-real/runs/1090-htb-delay-experiment/run-summary.log'));
      assert.deepEqual(delayed.tests, [{ testNumber: '1090', marks: ['F', 'F'], outcome: 'failed' }]);
    });

    it('reads passes, omissions, F-then-P, CRLF and stray lines', () => {
      const summary = parseRunSummary('0001 P\r\n1090 .\n0002 F\n0002 P\n\nrubbish\n0003 X\n');
      assert.deepEqual(
        summary.tests.map((test) => `${test.testNumber} ${test.marks.join('')} ${test.outcome}`),
        ['0001 P passed', '1090 . omitted', '0002 FP failed'],
      );
      assert.deepEqual(summary.unreadLines, [
        { lineNumber: 6, text: 'rubbish' },
        { lineNumber: 7, text: '0003 X' },
      ]);
      assert.deepEqual(parseRunSummary(''), { tests: [], unreadLines: [] });
    });
  });

  describe('readRunFolder on the real runtest leftovers (no manifest)', () => {
    const expected: Record<string, { outcome: string; runSummary: boolean; tfo: string[] }> = {
      '1090-htb-delay-experiment': { outcome: 'failed', runSummary: true, tfo: ['TFO'] },
      '1090-interactive-quit': { outcome: 'unknown', runSummary: false, tfo: [] },
      '1090-keep-continue': { outcome: 'failed', runSummary: true, tfo: [] },
      '1090-keep-interactive': { outcome: 'unknown', runSummary: false, tfo: [] },
    };

    it('covers every run folder', () => {
      assert.deepEqual(listShared('runtest-real/runs'), Object.keys(expected).sort());
    });

    for (const [run, facts] of Object.entries(expected)) {
      it(`recognises ${run}`, async () => {
        const dir = sharedPath(`runtest-real/runs/${run}`);
        const folder = await readOk(nodeFolder(), dir);
        assert.equal(folder.source, 'recognised');
        assert.deepEqual(folder.problems, []);
        assert.equal(folder.manifest.testNumber, '1090');
        assert.equal(folder.manifest.outcome, facts.outcome);
        assert.equal(folder.manifest.exitStatus, null, 'runtest leaves no exit status behind');
        assert.deepEqual(folder.manifest.files, {
          mainlog: 'spool/log/mainlog',
          servermainlog: 'spool/log/servermainlog',
          mungedMainlog: 'test-mainlog-munged',
          ...(facts.runSummary ? { runSummary: 'run-summary.log' } : {}),
        });
        const bytes = await nodeFolder().readFile(path.join(dir, folder.manifest.files.mainlog ?? ''));
        assert.ok(bytes);
        const tfo = readMainLogText(decodeLogBytes(bytes)).flatMap((entry) => (entry.tfo ? [entry.tfo] : []));
        assert.deepEqual(tfo, facts.tfo);
      });
    }
  });

  it('opens the TFO lab folder: its logs, and all its captures as candidates', async () => {
    const folder = await readOk(nodeFolder(), sharedPath('tfo-lab'));
    assert.deepEqual(folder.manifest.files, { mainlog: 'logs/exim-client-mainlog', servermainlog: 'logs/exim-server-mainlog' });
    assert.equal(folder.manifest.testNumber, undefined);
    assert.equal(folder.manifest.outcome, 'unknown');
    assert.equal(folder.candidates.capture?.length, 28);
    assert.ok(folder.candidates.capture?.includes('captures/run2-cookie.pcapng'));
  });

  it('reads a manifest and fills the outcome from the run summary it names', async () => {
    const memory = inMemoryFolder({
      'run/manifest.json': JSON.stringify(manifest),
      'run/spool/log/mainlog': '',
      'run/spool/log/servermainlog': '',
      'run/test-mainlog-munged': '',
      'run/run-summary.log': '1090 P\n',
      'run/capture.pcapng': new Uint8Array([0x0a, 0x0d, 0x0d, 0x0a]),
    });
    const folder = await readOk(memory, 'run');
    assert.equal(folder.source, 'manifest');
    assert.deepEqual(folder.problems, []);
    assert.deepEqual(folder.manifest, { ...manifest, outcome: 'passed' });
  });

  it('reports files the manifest names but the folder lacks', async () => {
    const folder = await readOk(inMemoryFolder({ 'run/manifest.json': JSON.stringify(manifest) }), 'run');
    assert.equal(folder.manifest.outcome, 'unknown');
    assert.deepEqual(folder.problems, [
      'files.mainlog: spool/log/mainlog is not in the folder',
      'files.servermainlog: spool/log/servermainlog is not in the folder',
      'files.mungedMainlog: test-mainlog-munged is not in the folder',
      'files.runSummary: run-summary.log is not in the folder',
      'files.capture: capture.pcapng is not in the folder',
    ]);
  });

  it('falls back to file names when the manifest is invalid, and says why', async () => {
    const broken = { ...manifest, formatVersion: 2, exitStatus: 'zero', files: { mainlog: '/abs/mainlog', pcap: 'x' } };
    const folder = await readOk(inMemoryFolder({ 'run/manifest.json': JSON.stringify(broken), 'run/mainlog': '' }), 'run');
    assert.equal(folder.source, 'recognised');
    assert.deepEqual(folder.manifest.files, { mainlog: 'mainlog' });
    assert.deepEqual(folder.problems, [
      'manifest.json: "formatVersion" must be 1 (found 2)',
      'manifest.json: "exitStatus" must be an integer or null',
      'manifest.json: "files.mainlog" must be a path relative to the run folder',
      'manifest.json: "files" has an unknown role "pcap" (known: mainlog, servermainlog, mungedMainlog, runSummary, capture, transcript, expectedLog)',
      'manifest.json is not valid: the folder was read by its file names instead',
    ]);
  });

  it('fails with clear errors when nothing in the folder is a run file', async () => {
    const notJson = await readRunFolder(inMemoryFolder({ 'run/manifest.json': '{', 'run/notes.txt': '' }), 'run');
    assert.equal(notJson.ok, false);
    if (notJson.ok) return;
    assert.match(notJson.errors[0], /^manifest\.json: not JSON/);
    assert.match(notJson.errors[notJson.errors.length - 1], /^run: no manifest\.json and none of the known run files/);
    assert.deepEqual(await readRunFolder(inMemoryFolder(), 'missing'), { ok: false, errors: ['missing: not a readable folder'] });
  });

  it('writes a manifest that reads back the same, and refuses an invalid one', async () => {
    const memory = inMemoryFolder({ 'out/run-summary.log': '1090 F\n' });
    await writeRunManifest(memory, 'out', { ...manifest, files: { runSummary: 'run-summary.log' } });
    const written = new TextDecoder().decode(memory.files.get('out/manifest.json'));
    assert.ok(written.startsWith('{\n  "formatVersion": 1,\n  "testNumber": "1090",\n'));
    assert.ok(written.endsWith('}\n'));
    const folder = await readOk(memory, 'out');
    assert.deepEqual(folder.manifest, { ...manifest, outcome: 'failed', files: { runSummary: 'run-summary.log' } });

    await assert.rejects(
      writeRunManifest(memory, 'out', { ...manifest, testNumber: '90', files: { capture: '../x.pcap' } }),
      /invalid run manifest: "testNumber" must be four digits.*"files.capture" must be a path relative/,
    );
  });

  it('writes and reads through the node folder', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'run-folder-'));
    try {
      const disk = nodeFolder();
      await disk.writeFile(path.join(dir, 'spool', 'log', 'mainlog'), 'x\n');
      await writeRunManifest(disk, dir, { ...manifest, exitStatus: null, files: { mainlog: 'spool/log/mainlog' } });
      const folder = await readOk(disk, dir);
      assert.deepEqual(folder.problems, []);
      assert.equal(folder.manifest.exitStatus, null);
      assert.equal(await disk.readFile(path.join(dir, 'nothing')), undefined);
      assert.equal(await disk.listDir(path.join(dir, 'nothing')), undefined);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
