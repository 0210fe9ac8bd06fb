import * as assert from 'node:assert/strict';
import { restoreStatement, saveStatement } from '../../../language-server/src/sudo/restorePlan';
import { analyseSudo } from '../../../language-server/src/sudo/sudoAnalysis';
import { describeSudoCommand } from '../../../language-server/src/sudo/sudoCommands';
import { ScriptLines } from '../../../language-server/src/syntax/lines';
import { parseScript } from '../../../language-server/src/syntax/parser';

function analyse(text: string) {
  const lines = new ScriptLines(text);
  const ast = parseScript(lines);
  return { ast, analysis: analyseSudo(ast, lines) };
}
const stories = (text: string) => analyse(text).analysis.stories.map((s) => `${s.resource}: ${s.change.span.line + 1}→${s.undo ? `${s.undo.span.line + 1} ${s.undoKind}` : 'never'}${s.repeats.length ? ` +${s.repeats.length}` : ''}`);

const SETUP = '# T\nsudo perl\nsystem("tc qdisc add dev lo root netem delay 50ms");\nsystem("sysctl net.ipv4.tcp_fastopen=3");\n****\n';

describe('analyseSudo', () => {
  it('follows each change to its undo, or to the end', () => {
    assert.deepEqual(stories(`${SETUP}exim -bt x\n****\nsudo perl\nsystem("sudo tc qdisc delete dev lo root");\n****\n`),
      ['qdisc dev lo root: 3→9 removes', 'sysctl net.ipv4.tcp_fastopen: 4→never']);
  });
  it('tells a fixed-value undo from a restore of the saved value', () => {
    const text = '# T\nsudo perl\nsystem("cat /proc/sys/a/b > DIR/test-saved-a.b");\nsystem("echo 0 > /proc/sys/a/b");\nsystem("echo 1 > /proc/sys/c");\n****\nsudo perl\nsystem("cat DIR/test-saved-a.b > /proc/sys/a/b");\nsystem("sysctl c=3600");\n****\n';
    assert.deepEqual(stories(text), ['sysctl a.b: 4→8 restores-saved', 'sysctl c: 5→9 fixed-value']);
    assert.equal(analyse(text).analysis.stories[0].saved?.span.line, 2);
  });
  it('sees an undo of nothing, a repeated change, and a flip-and-back toggle', () => {
    const { analysis } = analyse('# T\nsudo perl\nsystem("tc qdisc del dev lo root");\nsystem("sysctl a=1");\nsystem("sysctl a=1");\nsystem("sysctl b=0"); system("sysctl b=1");\n****\n');
    assert.deepEqual(analysis.orphanUndos.map((o) => o.span.line + 1), [3]);
    assert.deepEqual(analysis.stories.map((s) => [s.resource, s.repeats.length, s.undoKind]), [['sysctl a', 1, undefined], ['sysctl b', 0, 'toggle']]);
  });
  it('gives every operation its place in the script', () => {
    const { analysis } = analyse('# T\nsudo perl\nsystem ("[ -e /proc/sys/x ] && echo 0 > /proc/sys/x");\n****\n');
    const [op] = analysis.operations;
    assert.deepEqual(op.span, { line: 2, from: 31, endLine: 2, to: 51 });
    assert.deepEqual(op.statement, { line: 2, from: 0, endLine: 2, to: 54 });
    assert.equal(op.guard, '[ -e /proc/sys/x ]');
  });
  it('reads Perl writes to /proc/sys', () => {
    assert.deepEqual(stories("# T\nsudo perl\nopen(my $f, '>', '/proc/sys/net/core/x'); print $f 5; close $f;\n****\nsudo perl\nopen(F, '>/proc/sys/net/core/x'); print F $old;\n****\n"),
      ['sysctl net.core.x: 3→6 restores-saved']);
  });
  it('marks commands that only run in the FreeBSD branch', () => {
    const { analysis } = analyse('# T\nsudo perl\nopen(INFO, "-|", "/usr/bin/uname -s");\n$_ = <INFO>;\nif (/^FreeBSD/) {\nsystem("sysctl net.inet.tcp.fastopen.client_enable=0");\n} else {\nsystem ("ip tcp_metrics delete 127.0.0.1");\n}\n****\n');
    assert.deepEqual(analysis.operations.map((o) => [o.effect.action, o.platform?.os, o.platform?.negated]), [['other', undefined, undefined], ['set', 'FreeBSD', false], ['clear', 'FreeBSD', true]]);
  });
});

describe('restorePlan', () => {
  it('saves under DIR/test-saved-NAME and restores from there', () => {
    assert.equal(saveStatement('sysctl net.ipv4.tcp_fastopen'), 'system("[ -e /proc/sys/net/ipv4/tcp_fastopen ] && cat /proc/sys/net/ipv4/tcp_fastopen > DIR/test-saved-net.ipv4.tcp_fastopen");');
    assert.equal(saveStatement('qdisc dev lo root'), undefined);
    const { analysis } = analyse(SETUP);
    assert.deepEqual(analysis.stories.map(restoreStatement), ['system("tc qdisc del dev lo root");', 'system("[ -e DIR/test-saved-net.ipv4.tcp_fastopen ] && cat DIR/test-saved-net.ipv4.tcp_fastopen > /proc/sys/net/ipv4/tcp_fastopen");']);
  });
  it('uses sysctl itself for names with no /proc/sys file', () => {
    assert.equal(saveStatement('sysctl net.inet.tcp.fastopen.client_enable'), 'system("sysctl -n net.inet.tcp.fastopen.client_enable > DIR/test-saved-net.inet.tcp.fastopen.client_enable");');
  });
});

describe('describeSudoCommand', () => {
  const describe1 = (line: string) => describeSudoCommand(parseScript(`# T\n${line}\n`).commands[0]);
  it('says what sudo rm, mv, chown and exim touch', () => {
    assert.match(describe1('sudo rm DIR/spool/db/misc*')!, /^As root, removes DIR\/spool\/db\/misc\*\. Globs are expanded/);
    assert.match(describe1('sudo mv DIR/a DIR/b')!, /moves DIR\/a to DIR\/b/);
    assert.match(describe1('sudo chown exim:exim DIR/x')!, /changes the owner of DIR\/x to exim:exim/);
    assert.match(describe1('sudo exim -bt x')!, /^Runs Exim as root/);
    assert.match(describe1('sudo -u exim exim -bt x')!, /as user exim/);
    assert.equal(describe1('exim -bt x'), undefined);
  });
});
