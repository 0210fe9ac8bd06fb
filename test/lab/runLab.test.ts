/**
 * Runs the TFO lab for real (../shared/tfo-lab/lab/run-lab.sh: two Exim MTAs in network
 * namespaces, tcpdump, a 50 ms relay) and checks our analysis of its fresh outputs: capture facts
 * equal the expected.json that the lab derives with tshark, the TFO elements we read from the
 * logs equal what a plain reading of the lines shows, and the lab's designed outcomes hold.
 * Needs root (namespaces, tcpdump); elsewhere it is skipped and says so.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { followMessages } from '../../language-server/src/results/log/followMessages';
import { readMainLogText } from '../../language-server/src/results/log/mainLog';
import { captureTfoReport } from '../../language-server/src/results/tfo/captureTfoReport';
import { sharedDir } from '../support/paths';
import { asExpectedJson } from './labCaptures';

const missing = ['/usr/sbin/exim4', '/usr/bin/tcpdump', '/usr/bin/tshark'].filter((p) => !existsSync(p));

describe('TFO lab, run for real', function () {
  this.timeout(300_000);
  let work: string;
  let out: string;

  before(function () {
    if (process.getuid?.() !== 0) {
      console.log('      (skipped: running the TFO lab needs root for network namespaces and tcpdump)');
      this.skip();
    }
    assert.deepEqual(missing, [], `the lab needs Debian's exim4-daemon-heavy, tcpdump and tshark (.ci/run installs them); missing: ${missing.join(' ')}`);
    work = mkdtempSync(path.join(tmpdir(), 'tfo-lab-'));
    chmodSync(work, 0o755); // Exim re-executes itself as Debian-exim, which must reach the spools.
    out = path.join(work, 'out');
    const run = spawnSync(path.join(sharedDir('tfo-lab', 'lab'), 'run-lab.sh'), [out], { env: { ...process.env, TFO_LAB_DIR: path.join(work, 'work') }, encoding: 'utf8' });
    assert.equal(run.status, 0, `run-lab.sh failed:\n${run.stdout}\n${run.stderr}`);
  });
  after(() => { if (work) rmSync(work, { recursive: true, force: true }); });

  it('every fresh server-side capture gives exactly the facts the lab derived with tshark', async () => {
    const expected = JSON.parse(readFileSync(path.join(out, 'captures', 'expected.json'), 'utf8')).captures as Record<string, unknown[]>;
    assert.ok(Object.keys(expected).length >= 8);
    for (const [file, connections] of Object.entries(expected)) {
      const report = await captureTfoReport(path.join(out, 'captures', file));
      assert.equal(report.error, null, `${file}: ${report.error?.message}`);
      assert.deepEqual(report.connections.map(asExpectedJson), connections, file);
    }
  });

  it('reads the TFO element of every delivery and reception line as written', () => {
    for (const [name, side] of [['exim-client-mainlog', 'client'], ['exim-server-mainlog', 'server']] as const) {
      const text = readFileSync(path.join(out, 'logs', name), 'latin1');
      for (const entry of readMainLogText(text, { side })) {
        if (entry.kind !== 'event' || !/^(=>|<=)$/.test(entry.mark)) continue;
        // The oracle: a ` TFO ` or ` TFO* ` word outside quoted values.
        const written = / (TFO\*?) /.exec(entry.line.replace(/"(?:[^"\\]|\\.)*"/g, '""') + ' ')?.[1];
        assert.equal(entry.tfo, written, entry.line);
      }
    }
  });

  it('shows the lab\'s designed outcomes: TFO on run2 both sides, TFO* on the server for run3b and run4b, none for run1', () => {
    const client = readMainLogText(readFileSync(path.join(out, 'logs', 'exim-client-mainlog'), 'latin1'), { side: 'client' });
    const server = readMainLogText(readFileSync(path.join(out, 'logs', 'exim-server-mainlog'), 'latin1'), { side: 'server' });
    const byRun = new Map(followMessages(client, server).flatMap((m) => m.deliveries).map((d) => [d.delivery.address?.split('@')[0], d]));
    const tfo = (run: string) => [byRun.get(run)?.clientTfo, byRun.get(run)?.serverTfo];
    assert.deepEqual(tfo('run1'), [null, null]);
    assert.deepEqual(tfo('run2'), ['TFO', 'TFO']);
    assert.equal(tfo('run3b')[1], 'TFO*');
    assert.equal(tfo('run4b')[1], 'TFO*');
  });
});
