/**
 * The sudo and scenario checks on Exim's real scripts (../shared/corpus): no errors; exactly the
 * judged warnings (each one is in the report); the TFO scripts get what the reference's
 * §7 table predicts; and the "save and restore" quick fix, with its watchdog, leaves none of the
 * never-undone, fixed-value or only-at-end warnings behind, in Perl that perl -c accepts.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { severityOf, type Finding, type RuleCode } from '../../language-server/src/checks/rules';
import { toDiagnostic } from '../../language-server/src/diagnostics';
import { codeActions } from '../../language-server/src/features/codeActions';
import { lintFile } from '../../language-server/src/lint';
import { analyseSudo } from '../../language-server/src/sudo/sudoAnalysis';
import { ScriptLines } from '../../language-server/src/syntax/lines';
import { parseScript } from '../../language-server/src/syntax/parser';
import { NodeWorkspace } from '../../language-server/src/workspace';
import { corpusScripts, type CorpusFile } from '../support/corpus';
import { perlSyntaxErrors } from '../unit/sudo/perlSyntax';

const sudoCodes = new Set<string>(['change-never-undone', 'undo-restores-fixed-value', 'undo-only-at-end', 'undo-without-change', 'change-repeated',
  'sudo-perl-empty', 'sudo-perl-to-eof', 'daemon-never-stopped', 'server-never-reaped', 'tfo-not-required', 'netem-unchecked']);

/** Every finding of these checks on the corpus, judged one by one in the report. */
const expected = [
  '0000-Basic/0015:7:server-never-reaped',
  '0000-Basic/0581:232:server-never-reaped',
  '1090-TCP-Fast-Open/1090:39:undo-only-at-end',
  '1090-TCP-Fast-Open/1090:48:change-never-undone',
  '1090-TCP-Fast-Open/1090:49:undo-only-at-end',
  '1090-TCP-Fast-Open/1090:94:undo-restores-fixed-value',
  '1090-TCP-Fast-Open/1091:13:change-never-undone',
  '1188-TLS-TFO/1188:18:undo-only-at-end',
  '1188-TLS-TFO/1188:30:change-never-undone',
  '1188-TLS-TFO/1188:31:change-never-undone',
  '1188-TLS-TFO/1189:48:undo-only-at-end',
  '1188-TLS-TFO/1189:67:change-never-undone',
  '4027-TFO-socks/4027:14:undo-only-at-end',
  '4027-TFO-socks/4027:134:undo-restores-fixed-value',
  '4058-pipe-conn-tfo/4058:11:netem-unchecked',
  '4058-pipe-conn-tfo/4058:11:undo-only-at-end',
  '4058-pipe-conn-tfo/4058:18:undo-only-at-end',
  '4058-pipe-conn-tfo/4058:77:undo-restores-fixed-value',
  '4068-pipe-conn-tfo/4068:9:netem-unchecked',
  '4068-pipe-conn-tfo/4068:9:undo-only-at-end',
  '4068-pipe-conn-tfo/4068:16:change-never-undone',
  '4068-pipe-conn-tfo/4069:9:netem-unchecked',
  '4068-pipe-conn-tfo/4069:9:undo-only-at-end',
  '4068-pipe-conn-tfo/4069:16:change-never-undone',
];

const TFO_SCRIPTS = ['1090-TCP-Fast-Open/1090', '1090-TCP-Fast-Open/1091', '1188-TLS-TFO/1188', '1188-TLS-TFO/1189',
  '4027-TFO-socks/4027', '4058-pipe-conn-tfo/4058', '4068-pipe-conn-tfo/4068', '4068-pipe-conn-tfo/4069'];

type Script = CorpusFile;
const scripts = corpusScripts;

const mine = (findings: Finding[]) => findings.filter((f) => sudoCodes.has(f.code)).map((f) => `${f.line + 1}:${f.code}`);

describe('Exim corpus: sudo blocks and scenario', function () {
  this.timeout(120_000);
  const workspace = new NodeWorkspace();
  let all: Script[];
  before(async () => { all = await scripts(); });
  const script = (rel: string) => all.find((s) => s.rel === rel)!;

  it('gives no error and exactly the judged warnings', async () => {
    const errors: string[] = [];
    const found: string[] = [];
    for (const s of all) {
      for (const f of await lintFile(s.full, s.text, workspace)) {
        if (severityOf(f.code as RuleCode) === 'error') errors.push(`${s.rel}:${f.line + 1}:${f.code}`);
        if (sudoCodes.has(f.code)) found.push(`${s.rel}:${f.line + 1}:${f.code}`);
      }
    }
    assert.deepEqual(errors, []);
    assert.deepEqual(found.sort(), [...expected].sort());
  });

  it('warns the TFO scripts as the reference §7 table predicts', async () => {
    const messages = async (rel: string) => (await lintFile(script(rel).full, script(rel).text, workspace)).filter((f) => sudoCodes.has(f.code)).map((f) => f.message);
    const m1090 = await messages('1090-TCP-Fast-Open/1090');
    assert.ok(m1090.some((m) => /^This sets net\.ipv4\.tcp_fastopen to 3, and nothing later/.test(m)));
    assert.ok(m1090.some((m) => /^This sets net\.ipv4\.tcp_fastopen_blackhole_timeout_sec to 3600, a value written into the script/.test(m)));
    assert.ok(m1090.some((m) => /^This adds a 50 ms netem delay on lo; it is undone only at line 93/.test(m)));
    for (const rel of ['1090-TCP-Fast-Open/1091', '1188-TLS-TFO/1189', '4068-pipe-conn-tfo/4068', '4068-pipe-conn-tfo/4069']) {
      assert.ok((await messages(rel)).some((m) => /^This sets net\.ipv4\.tcp_fastopen_blackhole_timeout_sec to 0 \(on systems other than FreeBSD\), and nothing later/.test(m)), rel);
    }
    for (const rel of ['1188-TLS-TFO/1188', '1188-TLS-TFO/1189', '4058-pipe-conn-tfo/4058', '4068-pipe-conn-tfo/4068', '4068-pipe-conn-tfo/4069']) {
      assert.ok((await messages(rel)).some((m) => /^This adds a 50 ms netem delay on lo; it is undone only at line/.test(m)), rel);
    }
  });

  it('the save-and-restore quick fix (with its watchdog) clears every never-undone, fixed-value and only-at-end warning of the TFO scripts', async () => {
    const cleared = /^(change-never-undone|undo-restores-fixed-value|undo-only-at-end)$/;
    for (const rel of TFO_SCRIPTS) {
      const { full, text } = script(rel);
      const lines = new ScriptLines(text);
      const before = await lintFile(full, text, workspace);
      const uri = `file://${full}`;
      const action = codeActions(uri, text, before.map((f) => toDiagnostic(f, lines))).find((a) => a.title.startsWith('Save and restore'));
      assert.ok(action, rel);
      assert.match(action.title, /with a watchdog/, rel);
      const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'exim-test', 1, text), action.edit!.changes![uri]);
      const after = await lintFile(full, fixed, workspace);
      assert.ok(before.some((f) => cleared.test(f.code)), rel);
      assert.deepEqual(mine(after.filter((f) => cleared.test(f.code))), [], rel);
      // Nothing else changes: the netem information stays where the script says nothing about netem.
      const others = (findings: Finding[]) => findings.filter((f) => !cleared.test(f.code)).map((f) => f.code).sort();
      assert.deepEqual(others(after), others(before), rel);
      assert.ok(fixed.includes('DIR/test-saved-net.ipv4.tcp_fastopen_blackhole_timeout_sec'), rel);
      // One watchdog, for this test, that covers every change; stood down after the script's last undo.
      const fixedLines = new ScriptLines(fixed);
      const analysis = analyseSudo(parseScript(fixedLines), fixedLines);
      assert.equal(analysis.watchdogs.length, 1, rel);
      assert.equal(analysis.watchdogs[0].testNumber, path.basename(rel), rel);
      assert.ok(analysis.watchdogs[0].standDown, rel);
      for (const story of analysis.stories.filter((s) => s.undoKind !== 'toggle')) assert.ok(story.watchdog, `${rel}: ${story.resource}`);
      // runtest would hand each sudo perl block to Perl as it is (after substitution): perl -c must accept it.
      assert.deepEqual(perlSyntaxErrors(fixed, path.basename(rel)), [], rel);
    }
  });
});
