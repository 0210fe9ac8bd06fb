import * as assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { MarkupContent } from 'vscode-languageserver-types';
import { sudoHover } from '../../../language-server/src/features/sudoHover';
import { analyseSudo } from '../../../language-server/src/sudo/sudoAnalysis';
import { describeWatchdog, standDownPerl, watchdogPerl, watchdogUndoOf, type WatchdogUndo } from '../../../language-server/src/sudo/watchdog';
import { ScriptLines } from '../../../language-server/src/syntax/lines';
import { parseScript } from '../../../language-server/src/syntax/parser';
import { perlCheck, perlSyntaxErrors, substituteTokens } from './perlSyntax';

function analyse(text: string) {
  const lines = new ScriptLines(text);
  const ast = parseScript(lines);
  return { ast, lines, analysis: analyseSudo(ast, lines) };
}

const NETEM: WatchdogUndo = { resource: 'qdisc dev lo root', argv: ['tc', 'qdisc', 'del', 'dev', 'lo', 'root'] };
const FASTOPEN: WatchdogUndo = { resource: 'sysctl net.ipv4.tcp_fastopen', sysctl: { name: 'net.ipv4.tcp_fastopen', path: '/proc/sys/net/ipv4/tcp_fastopen' } };

/** A script: watchdog, netem and a sysctl change, an exim that can stop the test, the undo and the stand-down. */
function watched(watchdog = watchdogPerl('9000', [FASTOPEN, NETEM]), standDown = standDownPerl('9000')): string {
  return ['# T', 'sudo perl', watchdog, 'system("tc qdisc add dev lo root netem delay 50ms"); # needs kernel module sch_netem',
    'system("sysctl net.ipv4.tcp_fastopen=3");', '****', 'exim -odi x@y', '****',
    'sudo perl', 'system("tc qdisc del dev lo root");', 'system("sysctl net.ipv4.tcp_fastopen=\\"$old\\"");', standDown, '****', ''].join('\n');
}

describe('watchdog: the Perl the quick fix writes', () => {
  it('reads the old values before forking; the child waits on pgrep for [runtest NNNN], then undoes without a shell', () => {
    assert.equal(watchdogPerl('1090', [FASTOPEN, NETEM]), [
      "# Watchdog: should runtest stop before this script's own undo (q at a prompt, Ctrl-C, a",
      '# runtest error, an unmet need_*), put the machine back once runtest has left test 1090.',
      '# It keeps the values found here, before any change. The script stands it down after its undo.',
      '{',
      '  require POSIX;',
      '  # Let a watchdog left behind by an earlier test finish first.',
      `  for (1 .. 50) { last if system("pgrep -f '^\\\\[runtest [0-9]+ watchdog\\\\]' >/dev/null 2>&1") != 0; select(undef, undef, undef, 0.1); }`,
      '  my ($in, $out, @old);',
      "  open($in, '<', '/proc/sys/net/ipv4/tcp_fastopen') and $old[0] = <$in>;",
      '  my $pid = fork();',
      '  if (defined $pid && $pid == 0) {',
      '    POSIX::setsid();',
      "    open(my $null, '+<', '/dev/null');",
      '    POSIX::dup2(fileno($null), $_) for 0 .. 2;',
      "    $0 = '[runtest 1090 watchdog]';",
      '    # No runtest to be seen now means pgrep or the process title does not work here: do nothing.',
      "    POSIX::_exit(0) if system('pgrep', '-f', '^\\[runtest 1090\\]') != 0;",
      "    sleep 1 while system('pgrep', '-f', '^\\[runtest 1090\\]') == 0;",
      "    if (defined $old[0]) { open($out, '>', '/proc/sys/net/ipv4/tcp_fastopen'); print $out $old[0]; close($out); }",
      "    system('tc', 'qdisc', 'del', 'dev', 'lo', 'root');",
      '    POSIX::_exit(0);',
      '  }',
      '}',
    ].join('\n'));
    assert.equal(standDownPerl('1090'), "# Everything is back: stand down the watchdog.\nsystem('pkill', '-f', '^\\[runtest 1090 watchdog\\]');");
    // Nothing in it that runtest would take for a stop (die/exit) or substitute (DIR/, HOSTIPV4…), bar TESTNUM.
    assert.doesNotMatch(watchdogPerl('TESTNUM', [FASTOPEN, NETEM]), /\b(die|exit)\b/);
    assert.equal(substituteTokens(watchdogPerl('TESTNUM', [FASTOPEN, NETEM]), '1090'), watchdogPerl('1090', [FASTOPEN, NETEM]));
  });

  it('is valid Perl (perl -c), with and without settings to keep, and so is the stand-down', () => {
    for (const program of [watchdogPerl('1090', [FASTOPEN, NETEM]), watchdogPerl('1090', [NETEM]), `${watchdogPerl('TESTNUM', [FASTOPEN])}\nsystem("sysctl net.ipv4.tcp_fastopen=3");`, standDownPerl('4068')]) {
      const { ok, output } = perlCheck(substituteTokens(program));
      assert.ok(ok, output);
    }
    // The check itself catches a broken block, and substitutes runtest's tokens first.
    assert.equal(perlSyntaxErrors('# T\nsudo perl\nsystem("ip tcp_metrics delete HOSTIPV4");\nif (1) {\n****\n').length, 1);
    assert.deepEqual(perlSyntaxErrors('# T\nsudo perl\nopen(F, "DIR/spool/pid"); print "TESTNUM PORT_D _PORT_D V4NET.0.0.1 HOSTIPV4\\n";\n****\n'), []);
    assert.equal(substituteTokens('x DIR/a _PORT_D PORT_D V4NET.1 TESTNUM', '1090'), 'x /srv/exim/test/a _1225 1225 224.1 1090');
  });

  it('undoes what it can write as plain words: a known undo, a Linux sysctl; not a toggle, a value known only at run time, a BSD sysctl', () => {
    const undos = (script: string) => analyse(script).analysis.stories.map((s) => watchdogUndoOf(s));
    assert.deepEqual(undos('# T\nsudo perl\nsystem("tc qdisc add dev lo root netem delay 50ms");\nsystem("sysctl -w net.ipv4.tcp_fastopen=3");\nsystem("iptables -A INPUT -p tcp --dport 1225 -j DROP");\n****\n'), [
      NETEM, FASTOPEN, { resource: 'iptables filter INPUT -p tcp --dport 1225 -j DROP', argv: ['iptables', '-t', 'filter', '-D', 'INPUT', '-p', 'tcp', '--dport', '1225', '-j', 'DROP'] },
    ]);
    assert.deepEqual(undos('# T\nsudo perl\nsystem("tc qdisc add dev $dev root netem delay 50ms");\nsystem("sysctl net.inet.tcp.fastopen.server_enable=1");\nsystem("nft add rule inet t c drop");\n****\n'), [undefined, undefined, undefined]);
    assert.deepEqual(undos('# T\nsudo perl\nsystem("sysctl a.b=0"); system("sysctl a.b=1");\n****\n'), [undefined]);
  });
});

describe('watchdog: recognised in the analysis', () => {
  it('takes its commands out of the block, keeps what it reads and undoes, and finds its stand-down', () => {
    const { analysis } = analyse(watched());
    const [w] = analysis.watchdogs;
    assert.equal(analysis.watchdogs.length, 1);
    assert.equal(w.testNumber, '9000');
    assert.deepEqual([w.span.line + 1, w.span.endLine + 1], [6, 25]);
    assert.deepEqual(w.captures.map((c) => [c.span.line + 1, c.effect.action, c.effect.resource]), [[11, 'save', 'sysctl net.ipv4.tcp_fastopen']]);
    assert.deepEqual(w.undos.map((u) => [u.span.line + 1, u.effect.action, u.effect.resource, !!u.effect.valueIsSaved]), [[21, 'set', 'sysctl net.ipv4.tcp_fastopen', true], [22, 'remove', 'qdisc dev lo root', false]]);
    assert.equal(w.standDown?.span.line, 34);
    // The block's own operations are only the changes; the analysis follows them as before.
    assert.deepEqual(analysis.blocks[0].operations.map((o) => o.effect.action), ['add', 'set']);
    assert.deepEqual(analysis.orphanUndos, []);
    assert.deepEqual(analysis.stories.map((s) => [s.resource, s.undo?.span.line, s.watchdog?.undo.span.line]), [['qdisc dev lo root', 31, 21], ['sysctl net.ipv4.tcp_fastopen', 32, 20]]);
  });

  it('recognises a hand-written one of the same shape: unless ($pid), a while loop with a body, TESTNUM, backticks', () => {
    const text = ['# T', 'sudo perl', 'my $kid = fork;', 'unless ($kid) {', '  POSIX::setsid();', '  while (system("pgrep -f \'^\\\\[runtest TESTNUM\\\\]\' >/dev/null") == 0) { sleep 2; }',
      '  `tc qdisc del dev lo root 2>/dev/null`;', '  POSIX::_exit(0);', '}', 'system("tc qdisc add dev lo root netem delay 5ms"); # kernel module sch_netem', '****', ''].join('\n');
    const { analysis } = analyse(text);
    assert.equal(analysis.watchdogs[0]?.testNumber, 'TESTNUM');
    assert.deepEqual(analysis.watchdogs[0].undos.map((u) => u.effect.resource), ['qdisc dev lo root']);
    assert.equal(analysis.stories[0].watchdog?.undo.span.line, 6);
  });

  it('is not fooled by a fork that does not wait for runtest, or a loop in the parent', () => {
    const noWait = ['# T', 'sudo perl', 'my $pid = fork();', 'if ($pid == 0) { sleep 60; system("tc qdisc del dev lo root"); POSIX::_exit(0); }', '****', ''].join('\n');
    assert.deepEqual(analyse(noWait).analysis.watchdogs, []);
    assert.deepEqual(analyse(noWait).analysis.orphanUndos.map((o) => o.effect.resource), ['qdisc dev lo root']);
    const parentLoop = ['# T', 'sudo perl', 'my $pid = fork();', 'if ($pid == 0) { POSIX::_exit(0); }', "sleep 1 while system('pgrep', '-f', '^\\[runtest 9000\\]') == 0;", 'system("tc qdisc del dev lo root");', '****', ''].join('\n');
    assert.deepEqual(analyse(parentLoop).analysis.watchdogs, []);
    // An undo the child runs before it waits happens during the test: it stays in the block's story, and covers nothing.
    const early = ['# T', 'sudo perl', 'system("tc qdisc add dev lo root netem delay 5ms");', 'my $pid = fork();',
      "if ($pid == 0) { system('tc', 'qdisc', 'del', 'dev', 'lo', 'root'); sleep 1 while system('pgrep', '-f', '^\\[runtest 9000\\]') == 0; POSIX::_exit(0); }", '****', ''].join('\n');
    const { analysis } = analyse(early);
    assert.equal(analysis.watchdogs.length, 1);
    assert.deepEqual(analysis.watchdogs[0].undos, []);
    assert.deepEqual(analysis.stories.map((st) => [st.undo?.span.line, st.undoKind, st.watchdog, st.watchdogMiss?.why]), [[4, 'removes', undefined, 'it does not undo this change']]);
  });

  it('says in the hover what it does and that a change is undone by it too', () => {
    const { ast, lines, analysis } = analyse(watched());
    const hover = (line: number, character: number) => (sudoHover(ast, lines, analysis, line, character)!.contents as MarkupContent).value;
    assert.match(hover(1, 2), /line 6: starts a watchdog: a detached root process that waits while runtest is on test 9000, then puts net\.ipv4\.tcp_fastopen back to the value it read before the change; removes the root qdisc of lo.*\. The script stands it down at line 35, after its own undo/);
    assert.match(hover(1, 2), /line 26: adds a 50 ms netem delay on lo; undone at line 32, and by the watchdog at line 6 if the run stops early/);
    assert.match(hover(1, 2), /line 27: sets net\.ipv4\.tcp_fastopen to 3; undone at line 33 — to the value saved before, and by the watchdog at line 6 if the run stops early/);
    assert.match(hover(22, 8), /^\*\*watchdog\*\* — starts a watchdog/);
    assert.match(describeWatchdog(analyse(watched(undefined, '')).analysis.watchdogs[0]), /Nothing stands it down, so it acts after every run/);
  });
});

describe('watchdog: really running it (fake runtest, fake undo command)', function () {
  this.timeout(30_000);
  let dir: string;
  const started: ChildProcess[] = [];
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'sudowatchdog')); });
  afterEach(() => {
    for (const p of started.splice(0)) if (p.exitCode === null && p.signalCode === null && !p.killed) p.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A process titled like runtest on test `n`. */
  const fakeRuntest = (n: string) => {
    const p = spawn('perl', ['-e', `$0 = "[runtest ${n}]"; sleep 30`], { stdio: 'ignore' });
    started.push(p);
    return p;
  };
  const pgrep = (pattern: string) => spawnSync('pgrep', ['-f', pattern], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean).map(Number);
  const waitFor = async (test: () => boolean, ms: number) => {
    for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (test()) return true;
    return test();
  };
  /** The watchdog for test `n`, undoing with a harmless command that logs its arguments, and restoring a file standing in for a sysctl. */
  function setUp(n: string) {
    const bin = path.join(dir, 'bin');
    const log = path.join(dir, 'undone');
    const setting = path.join(dir, 'setting');
    spawnSync('mkdir', ['-p', bin]);
    writeFileSync(path.join(bin, 'fake-undo'), `#!/bin/sh\necho "$*" >> ${log}\n`);
    chmodSync(path.join(bin, 'fake-undo'), 0o755);
    writeFileSync(setting, '7\n');
    const program = watchdogPerl(n, [{ resource: 'sysctl x', sysctl: { name: 'x', path: setting } }, { resource: 'qdisc dev lo root', argv: ['fake-undo', 'qdisc', 'del', 'dev', 'lo', 'root'] }]);
    const file = path.join(dir, 'block.pl');
    writeFileSync(file, `${program}\nprint "block done\\n";\n`);
    return { bin, log, setting, file };
  }
  /** As runtest runs the block: output to pipes, which must close when the block ends although the watchdog lives on. */
  const runBlock = (file: string, bin: string) => {
    const t0 = Date.now();
    const run = spawnSync('perl', [file], { encoding: 'utf8', timeout: 15_000, env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
    return { ...run, ms: Date.now() - t0 };
  };

  it('returns at once, and undoes (with the value read before the change) once runtest has left the test', async () => {
    const runtest = fakeRuntest('9971');
    const { bin, log, setting, file } = setUp('9971');
    assert.ok(await waitFor(() => pgrep('^\\[runtest 9971\\]').length === 1, 5000));
    const run = runBlock(file, bin);
    assert.equal(run.stdout, 'block done\n');
    assert.equal(run.stderr, '');
    assert.ok(run.ms < 5000, `the block took ${run.ms} ms: the watchdog kept its output open`);
    assert.equal(pgrep('^\\[runtest 9971 watchdog\\]').length, 1);
    writeFileSync(setting, '0\n'); // the test's change
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(existsSync(log), false, 'nothing undone while runtest is on the test');
    runtest.kill(); // runtest stops (q, Ctrl-C) or moves on
    assert.ok(await waitFor(() => existsSync(log) && readFileSync(setting, 'utf8') === '7\n', 5000), 'undone after runtest left');
    assert.equal(readFileSync(log, 'utf8'), 'qdisc del dev lo root\n');
    assert.ok(await waitFor(() => pgrep('^\\[runtest 9971 watchdog\\]').length === 0, 3000));
  });

  it('does nothing once stood down, or when it cannot see runtest at all', async () => {
    const runtest = fakeRuntest('9972');
    const { bin, log, setting, file } = setUp('9972');
    assert.ok(await waitFor(() => pgrep('^\\[runtest 9972\\]').length === 1, 5000));
    runBlock(file, bin);
    // The stand-down's pkill pattern matches exactly this watchdog; stop it by its pid as pkill would.
    const standDownPattern = /'-f', '(.*)'\);$/.exec(standDownPerl('9972'))![1];
    const [watchdog, ...others] = pgrep(standDownPattern);
    assert.ok(watchdog && !others.length);
    process.kill(watchdog);
    writeFileSync(setting, '0\n');
    runtest.kill();
    await new Promise((r) => setTimeout(r, 2000));
    assert.equal(existsSync(log), false);
    assert.equal(readFileSync(setting, 'utf8'), '0\n');
    // No runtest titled 9972 now: the watchdog must not undo anything at once.
    runBlock(file, bin);
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(existsSync(log), false);
    assert.equal(pgrep('^\\[runtest 9972 watchdog\\]').length, 0);
  });
});
