import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkScenario } from '../../../language-server/src/checks/sudoChecks';
import { checkScript } from '../../../language-server/src/checks/scriptChecks';
import { toDiagnostic } from '../../../language-server/src/diagnostics';
import { codeActions } from '../../../language-server/src/features/codeActions';
import { ScriptLines } from '../../../language-server/src/syntax/lines';
import { standDownPerl, watchdogPerl, type WatchdogUndo } from '../../../language-server/src/sudo/watchdog';
import { parseScript } from '../../../language-server/src/syntax/parser';
import { perlSyntaxErrors } from '../sudo/perlSyntax';

const URI_ = 'file:///t/scripts/9000-X/9000';

function diagnostics(text: string): Diagnostic[] {
  const lines = new ScriptLines(text);
  const ast = parseScript(lines);
  return [...checkScript(ast, lines), ...checkScenario(ast, lines)].map((f) => toDiagnostic(f, lines));
}
function codes(text: string): string[] {
  return diagnostics(text).map((d) => `${d.range.start.line + 1}:${d.code}`);
}
function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(URI_, 'exim-test', 1, text), edits);
}
function only(text: string, code: string): CodeAction {
  const actions = codeActions(URI_, text, diagnostics(text).filter((d) => d.code === code));
  assert.equal(actions.length, 1, JSON.stringify(actions.map((a) => a.title)));
  return actions[0];
}
const NETEM: WatchdogUndo = { resource: 'qdisc dev lo root', argv: ['tc', 'qdisc', 'del', 'dev', 'lo', 'root'] };
const FASTOPEN: WatchdogUndo = { resource: 'sysctl net.ipv4.tcp_fastopen', sysctl: { name: 'net.ipv4.tcp_fastopen', path: '/proc/sys/net/ipv4/tcp_fastopen' } };
const fixed = (text: string, code: string) => apply(text, only(text, code).edit!.changes![URI_]);

describe('codeActions', () => {
  it('inserts the missing **** before the line runtest would take as a command', () => {
    const text = '# T\nsudo perl\nsystem("ls");\n# then\nkilldaemon\n';
    assert.equal(fixed(text, 'sudo-perl-to-eof'), '# T\nsudo perl\nsystem("ls");\n****\n# then\nkilldaemon\n');
    assert.equal(fixed('# T\nexim -be\n$x\nsudo rm -f DIR/x', 'block-runs-to-eof'), '# T\nexim -be\n$x\n****\nsudo rm -f DIR/x');
    assert.equal(fixed('# T\nsudo perl\nsystem("ls");', 'sudo-perl-to-eof'), '# T\nsudo perl\nsystem("ls");\n****\n');
  });

  it('saves and restores every outstanding change, and the result lints clean of them', () => {
    const text = [
      '# T', '# netem needs kernel-modules-extra',
      'sudo perl', 'system("tc qdisc add dev lo root netem delay 50ms");', 'if (/^FreeBSD/) {', 'system("sysctl net.inet.tcp.fastopen.client_enable=0");', 'system("sysctl net.inet.tcp.fastopen.client_enable=1");', '} else {',
      '  system("sysctl -q net.ipv4.tcp_fastopen=3");', '  system ("[ -e /proc/sys/net/ipv4/b ] && echo 0 > /proc/sys/net/ipv4/b");', '}', '****',
      'sudo perl', 'system ("tc qdisc delete dev lo root");', 'system ("[ -e /proc/sys/net/ipv4/b ] && echo 3600 > /proc/sys/net/ipv4/b");', '****', '',
    ].join('\n');
    assert.deepEqual(codes(text), ['9:change-never-undone', '15:undo-restores-fixed-value']);
    const after = fixed(text, 'change-never-undone');
    assert.equal(after, [
      '# T', '# netem needs kernel-modules-extra',
      'sudo perl', 'system("tc qdisc add dev lo root netem delay 50ms");', 'if (/^FreeBSD/) {', 'system("sysctl net.inet.tcp.fastopen.client_enable=0");', 'system("sysctl net.inet.tcp.fastopen.client_enable=1");', '} else {',
      '  system("[ -e /proc/sys/net/ipv4/tcp_fastopen ] && cat /proc/sys/net/ipv4/tcp_fastopen > DIR/test-saved-net.ipv4.tcp_fastopen");',
      '  system("sysctl -q net.ipv4.tcp_fastopen=3");',
      '  system("[ -e /proc/sys/net/ipv4/b ] && cat /proc/sys/net/ipv4/b > DIR/test-saved-net.ipv4.b");',
      '  system ("[ -e /proc/sys/net/ipv4/b ] && echo 0 > /proc/sys/net/ipv4/b");', '}', '****',
      'sudo perl', 'system ("tc qdisc delete dev lo root");',
      'system("[ -e DIR/test-saved-net.ipv4.b ] && cat DIR/test-saved-net.ipv4.b > /proc/sys/net/ipv4/b");',
      'system("[ -e DIR/test-saved-net.ipv4.tcp_fastopen ] && cat DIR/test-saved-net.ipv4.tcp_fastopen > /proc/sys/net/ipv4/tcp_fastopen");',
      '****', '',
    ].join('\n'));
    assert.deepEqual(codes(after), []);
    assert.deepEqual(perlSyntaxErrors(after), []);
  });

  it('appends a restore block when no block undoes anything, closing an open block first', () => {
    const text = '# T\nsudo perl\nsystem("tc qdisc add dev lo root netem delay 5ms"); # kernel module sch_netem\n****\nwrite test-data\nhello';
    const after = fixed(text, 'change-never-undone');
    assert.equal(after, '# T\nsudo perl\nsystem("tc qdisc add dev lo root netem delay 5ms"); # kernel module sch_netem\n****\nwrite test-data\nhello\n****\nsudo perl\nsystem("tc qdisc del dev lo root");\n****\n');
  });

  it('adds a watchdog when runtest can stop the test before the undo, and stands it down after the last undo', () => {
    const text = [
      '# T', '# netem needs kernel-modules-extra',
      'sudo perl', 'system("tc qdisc add dev lo root netem delay 50ms");', '****',
      'sudo perl', 'system("sysctl -q net.ipv4.tcp_fastopen=3");', '****',
      'exim -odi x@y', '****',
      'sudo perl', 'system("tc qdisc delete dev lo root");', '****', '',
    ].join('\n');
    assert.deepEqual(codes(text), ['4:undo-only-at-end', '7:change-never-undone']);
    const action = only(text, 'change-never-undone');
    assert.equal(action.title, 'Save and restore every change the sudo blocks leave behind, with a watchdog in case the run stops early');
    const after = apply(text, action.edit!.changes![URI_]);
    assert.equal(after, [
      '# T', '# netem needs kernel-modules-extra',
      'sudo perl', watchdogPerl('9000', [FASTOPEN, NETEM]), 'system("tc qdisc add dev lo root netem delay 50ms");', '****',
      'sudo perl', 'system("[ -e /proc/sys/net/ipv4/tcp_fastopen ] && cat /proc/sys/net/ipv4/tcp_fastopen > DIR/test-saved-net.ipv4.tcp_fastopen");',
      'system("sysctl -q net.ipv4.tcp_fastopen=3");', '****',
      'exim -odi x@y', '****',
      'sudo perl', 'system("tc qdisc delete dev lo root");',
      'system("[ -e DIR/test-saved-net.ipv4.tcp_fastopen ] && cat DIR/test-saved-net.ipv4.tcp_fastopen > /proc/sys/net/ipv4/tcp_fastopen");',
      standDownPerl('9000'), '****', '',
    ].join('\n'));
    assert.deepEqual(codes(after), []);
    assert.deepEqual(perlSyntaxErrors(after), []);
    // Fixed: nothing left to offer.
    assert.deepEqual(codeActions(URI_, after, diagnostics(after)), []);
  });

  it('offers the watchdog for undo-only-at-end alone, with TESTNUM when the file name is not a test number', () => {
    const text = '# T\n# netem needs kernel-modules-extra\nsudo perl\nsystem("tc qdisc add dev lo root netem delay 50ms");\n****\nexim -odi x@y\n****\nsudo perl\nsystem("tc qdisc del dev lo root");\n****\n';
    assert.deepEqual(codes(text), ['4:undo-only-at-end']);
    const uri = 'file:///t/scripts/9000-X/draft.txt';
    const [action] = codeActions(uri, text, diagnostics(text));
    const after = apply(text, action.edit!.changes![uri]);
    assert.equal(after, `# T\n# netem needs kernel-modules-extra\nsudo perl\n${watchdogPerl('TESTNUM', [NETEM])}\nsystem("tc qdisc add dev lo root netem delay 50ms");\n****\nexim -odi x@y\n****\nsudo perl\nsystem("tc qdisc del dev lo root");\n${standDownPerl('TESTNUM')}\n****\n`);
    assert.deepEqual(codes(after), []);
    assert.deepEqual(perlSyntaxErrors(after, '9000'), []);
  });

  it('inserts killdaemon before the next daemon, or at the end', () => {
    assert.equal(fixed('# T\nexim -DSERVER=server -bd -oX PORT_D\n****\nexim -DSERVER=server -bd -oX PORT_D\n****\nkilldaemon\n', 'daemon-never-stopped'),
      '# T\nexim -DSERVER=server -bd -oX PORT_D\n****\nkilldaemon\nexim -DSERVER=server -bd -oX PORT_D\n****\nkilldaemon\n');
    assert.equal(fixed('# T\nexim -DSERVER=server -bd -oX PORT_D\n****\nexim -odi x\n****\n', 'daemon-never-stopped'),
      '# T\nexim -DSERVER=server -bd -oX PORT_D\n****\nexim -odi x\n****\nkilldaemon\n');
  });

  it('drops a sudo runtest refuses, or moves a root command into sudo perl; adds one it requires', () => {
    assert.equal(fixed('# T\nsudo ln -s a b\n', 'sudo-refused'), '# T\nln -s a b\n');
    assert.equal(fixed('# T\nsudo tc qdisc del dev lo root\n', 'sudo-refused'), '# T\nsudo perl\nsystem("tc qdisc del dev lo root");\n****\n');
    assert.equal(fixed('# T\nrm -f DIR/x\n', 'sudo-required'), '# T\nsudo rm -f DIR/x\n');
  });

  it('adds support TCP_Fast_Open to REQUIRES, creating the file when there is none', () => {
    const d: Diagnostic = { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, code: 'tfo-not-required', message: '' };
    const requiresUri = 'file:///t/scripts/9000-X/REQUIRES';
    const [add] = codeActions(URI_, '# T\n', [d], { requires: { uri: requiresUri, text: 'support TLS' } });
    assert.equal(apply('support TLS', add.edit!.changes![requiresUri]), 'support TLS\nsupport TCP_Fast_Open\n');
    const [create] = codeActions(URI_, '# T\n', [d], { requires: { uri: requiresUri } });
    assert.deepEqual(create.edit!.documentChanges![0], { kind: 'create', uri: requiresUri, options: { ignoreIfExists: true } });
  });

  it('offers nothing for diagnostics it has no fix for', () => {
    assert.deepEqual(codeActions(URI_, '# T\nserver PORT_S\n****\n', diagnostics('# T\nserver PORT_S\n****\n')), []);
  });
});
