import * as assert from 'node:assert/strict';
import { recoverCommands, type RecoveredCommand } from '../../../language-server/src/sudo/perlCommands';
import { tokenizePerl } from '../../../language-server/src/sudo/perlTokens';

const shells = (src: string) => recoverCommands(src).map((c) => c.shell?.text ?? c.argv?.map((a) => a.text).join(' | '));
const at = (src: string, c: RecoveredCommand) => src.slice(c.from, c.to);

describe('tokenizePerl', () => {
  it('keeps the source offset of each decoded string character', () => {
    const [t] = tokenizePerl('"a\\"b"');
    assert.equal(t.string!.value, 'a"b');
    assert.deepEqual(t.string!.offsets, [1, 2, 4, 5]);
  });
  it('reads /…/ after ( as a regex, and marks interpolated variables', () => {
    const tokens = tokenizePerl('if (/^FreeBSD/) { print "$x \\$y"; }');
    assert.equal(tokens[2].type, 'regex');
    const str = tokens.find((t) => t.type === 'string')!.string!;
    assert.equal(str.hasVariables, true);
    assert.equal(tokenizePerl('"\\$y"')[0].string!.hasVariables, false);
  });
  it('skips comments and reads q{} and qx{}', () => {
    const tokens = tokenizePerl('# system("no")\nq{a{b}c} qx{tc qdisc}');
    assert.deepEqual(tokens.map((t) => [t.type, t.string?.value]), [['string', 'a{b}c'], ['command', 'tc qdisc']]);
  });
});

describe('recoverCommands', () => {
  it('finds system("…"), system "…" and system LIST', () => {
    assert.deepEqual(shells('system("tc qdisc add dev lo root netem delay 50ms");\nsystem "ls DIR/spool | grep pid";\nsystem("tc", "qdisc", "del", "dev", "lo", "root");'),
      ['tc qdisc add dev lo root netem delay 50ms', 'ls DIR/spool | grep pid', 'tc | qdisc | del | dev | lo | root']);
  });
  it('gives each statement its whole text, `;` included', () => {
    const src = 'system ("ip tcp_metrics delete 127.0.0.1"); system("x");';
    const found = recoverCommands(src);
    assert.deepEqual(found.map((c) => at(src, c)), ['system ("ip tcp_metrics delete 127.0.0.1");', 'system("x");']);
  });
  it('maps the command text back to the source', () => {
    const src = 'system ("[ -e /p ] && echo 0 > /p");';
    const [c] = recoverCommands(src);
    assert.equal(src[c.shell!.offsets[0]], '[');
    assert.equal(src.slice(c.shell!.offsets[0], c.shell!.offsets[c.shell!.text.length]), '[ -e /p ] && echo 0 > /p');
  });
  it('finds backticks, qx and piped opens in list and string forms', () => {
    assert.deepEqual(shells('$a = `sysctl -n x`; $b = qx(uname -s);\nopen(INFO, "-|", "/usr/bin/uname -s");\nopen(P, "-|", "ip", "link");\nopen(Q, "ls /tmp |");'),
      ['sysctl -n x', 'uname -s', '/usr/bin/uname -s', 'ip | link', 'ls /tmp']);
  });
  it('turns open(>, /proc/sys/…) plus print into a write with its value', () => {
    const found = recoverCommands("open(my $f, '>', '/proc/sys/net/ipv4/tcp_fastopen') or die;\nprint $f \"3\\n\";\nclose $f;");
    assert.equal(found.length, 1);
    assert.equal(found[0].via, 'perl-write');
    assert.equal(found[0].file!.path.text, '/proc/sys/net/ipv4/tcp_fastopen');
    assert.equal(found[0].file!.value!.text, '3\n');
    const old = recoverCommands("open(F, '>/proc/sys/a/b'); print F $old;")[0];
    assert.equal(old.file!.value!.dynamic, true);
  });
  it('tells the FreeBSD branch of an uname test from its else branch', () => {
    const src = 'open(INFO, "-|", "/usr/bin/uname -s");\n$_ = <INFO>;\nif (/^FreeBSD/) {\nsystem("a");\n} else {\nsystem("b");\n}\nsystem("c");';
    assert.deepEqual(recoverCommands(src).map((c) => [c.shell!.text, c.platform && `${c.platform.negated ? '!' : ''}${c.platform.os}`]),
      [['/usr/bin/uname -s', undefined], ['a', 'FreeBSD'], ['b', '!FreeBSD'], ['c', undefined]]);
  });
  it('ignores method calls and plain prints', () => {
    assert.deepEqual(shells('$obj->system("x"); print "system(\\"y\\")\\n";'), []);
  });
});
