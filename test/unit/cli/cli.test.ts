import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../../language-server/src/cli/main';
import { sharedDir } from '../../support/paths';

async function run(args: string[], cwd?: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const write = process.stdout.write;
  const writeErr = process.stderr.write;
  const before = process.cwd();
  process.stdout.write = ((s: string) => { out += s; return true; }) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => { err += s; return true; }) as typeof process.stderr.write;
  try {
    if (cwd) process.chdir(cwd);
    const code = await main(args);
    return { code, out, err };
  } finally {
    process.chdir(before);
    process.stdout.write = write;
    process.stderr.write = writeErr;
  }
}

describe('exim-test CLI', () => {
  let tree: string;
  before(() => {
    tree = mkdtempSync(path.join(tmpdir(), 'exim-test-cli-'));
    mkdirSync(path.join(tree, 'scripts', '0000-Basic'), { recursive: true });
    writeFileSync(path.join(tree, 'scripts', '0000-Basic', '0001'), '# ok\n0\nexim -bV\n****\nkilldaemon\n');
    writeFileSync(path.join(tree, 'scripts', '0000-Basic', '0002'), '# bad\n###\n');
    writeFileSync(path.join(tree, 'scripts', '0000-Basic', 'REQUIRES'), 'support IPv6\n');
    symlinkSync('0001', path.join(tree, 'scripts', '0000-Basic', '0003'));
  });
  after(() => rmSync(tree, { recursive: true, force: true }));

  it('lint prints file:line:col: severity: message [code] with paths as reached, and exits 1 on an error', async () => {
    const { code, out } = await run(['lint', 'scripts'], tree);
    assert.equal(code, 1);
    assert.match(out, /^scripts\/0000-Basic\/0002:2:1: error: runtest stops the whole run here: .* \[bare-verbose-comment\]\n$/);
  });

  it('lint --format json, and exit 0 without errors', async () => {
    const { code, out } = await run(['lint', '--format', 'json', path.join(tree, 'scripts', '0000-Basic', '0001')]);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(out), []);
  });

  it('commands lists file, line and kind in sorted path order, skipping symlinks', async () => {
    const { out } = await run(['commands', './scripts'], tree);
    assert.equal(out, './scripts/0000-Basic/0001\t3\texim\n./scripts/0000-Basic/0001\t5\tkilldaemon\n./scripts/0000-Basic/0002\t2\tunrecognised\n');
  });

  it('analyze follows the lab messages and reads the captures', async () => {
    const lab = sharedDir('tfo-lab');
    const { code, out } = await run(['analyze', '--log', path.join(lab, 'logs', 'exim-client-mainlog'), path.join(lab, 'logs', 'exim-server-mainlog'), '--capture', path.join(lab, 'captures', 'run3b-pipe-connect-data-on-syn.pcapng')]);
    assert.equal(code, 0);
    assert.match(out, /run2@tfo-lab.example: client TFO, server TFO /);
    assert.match(out, /run3b@pipe.tfo-lab.example: client no TFO, server TFO\* /);
    assert.match(out, /data on SYN accepted \(cookie f69fc05b…, 132 B on SYN \(acked\), banner 99.2 ms before 3rd ACK\)/);
  });

  it('unknown verbs print usage and exit 2', async () => {
    assert.equal((await run(['frob'])).code, 2);
  });
});
