/**
 * Exim's real scripts (../shared/corpus): runtest accepts every one, so no errors; the command
 * count and per-kind counts equal the reference's §6.1 table (derived there by two independent
 * emulations of runtest's reader).
 */
import * as assert from 'node:assert/strict';
import { severityOf, type RuleCode } from '../../language-server/src/checks/rules';
import { lintFile } from '../../language-server/src/lint';
import { parseScript } from '../../language-server/src/syntax/parser';
import { NodeWorkspace } from '../../language-server/src/workspace';
import { corpusFiles, type CorpusFile } from '../support/corpus';

const referenceCounts: Record<string, number> = {
  exim: 4193, killdaemon: 497, server: 461, client: 274, '###': 237, sleep: 192, exim_msgdate: 134, 'sudo exim': 132,
  millisleep: 118, 'sudo rm': 99, catwrite: 87, 'client-anytls': 73, dump: 61, gnutls: 56, munge: 53, perl: 53,
  'client-ssl': 36, 'client-gnutls': 31, write: 30, 'sudo perl': 27, echo: 23, mkdir: 17, cp: 15, 'sudo chmod': 13,
  'sudo chown': 11, touch: 7, background: 7, cat: 6, ls: 5, exiqgrep: 5, cat2: 4, dbmbuild: 4, exim_lock: 3,
  exim_exim: 2, ln: 2, 'sudo mv': 2, 'sudo cp': 2, exim_id_update: 2, exinext: 2, mkfifo: 1, exigrep: 1, eximstats: 1,
  'sudo mkdir': 1, 'sudo rmdir': 1,
};

/** The language-core warnings the corpus really deserves, each judged in the issue note. */
const expectedCoreWarnings = [
  '0000-Basic/0628:2:unknown-munge',
  '0000-Basic/0910:5:block-runs-to-eof',
  '1100-Basic-TLS/1100:5:block-runs-to-eof',
  '3418-plaintext-event/3419:19:block-runs-to-eof',
  '4016-scan-external/4016:4:missing-conf',
  '4028-GnuTLS-socks/REQUIRES:4:requires-never-met',
  '4029-OpenSSL-socks/REQUIRES:4:requires-never-met',
];
const coreCodes = new Set<string>(['unknown-munge', 'block-runs-to-eof', 'missing-conf', 'requires-never-met', 'requires-spacing', 'unchecked-return-code', 'return-code-always-zero', 'sized-write-without-separator', 'need-after-command', 'data-prefix-stripped']);

describe('Exim corpus', function () {
  this.timeout(120_000);
  let files: CorpusFile[];
  before(async () => { files = await corpusFiles(); });

  it('holds 1,069 distinct scripts and 136 REQUIRES files', () => {
    assert.equal(files.filter((f) => f.rel.endsWith('/REQUIRES')).length, 136);
    assert.equal(files.filter((f) => !f.rel.endsWith('/REQUIRES')).length, 1069);
  });

  it('has exactly 6,981 commands with the per-kind counts of the reference', () => {
    const counts: Record<string, number> = {};
    for (const f of files) {
      if (f.rel.endsWith('/REQUIRES')) continue;
      for (const c of parseScript(f.text).commands) counts[c.kind] = (counts[c.kind] ?? 0) + 1;
    }
    assert.equal(Object.values(counts).reduce((a, b) => a + b, 0), 6981);
    assert.deepEqual(counts, referenceCounts);
  });

  it('gives no error anywhere, and exactly the judged language-core warnings', async () => {
    const workspace = new NodeWorkspace();
    const errors: string[] = [];
    const warnings: string[] = [];
    for (const f of files) {
      for (const finding of await lintFile(f.full, f.text, workspace)) {
        const where = `${f.rel}:${finding.line + 1}:${finding.code}`;
        const severity = severityOf(finding.code as RuleCode);
        if (severity === 'error') errors.push(`${where} ${finding.message}`);
        else if (severity === 'warning' && coreCodes.has(finding.code)) warnings.push(where);
      }
    }
    assert.deepEqual(errors, []);
    assert.deepEqual(warnings, expectedCoreWarnings);
  });
});
