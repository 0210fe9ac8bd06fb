import * as assert from 'node:assert/strict';
import { severityOf, type RuleCode } from '../../../language-server/src/checks/rules';
import { gatherScenarioContext, type ScenarioContext } from '../../../language-server/src/checks/scenarioContext';
import { checkScenario } from '../../../language-server/src/checks/sudoChecks';
import { confEnablesTfo } from '../../../language-server/src/checks/tfoChecks';
import { standDownPerl, watchdogPerl, type WatchdogUndo } from '../../../language-server/src/sudo/watchdog';
import { lintFile } from '../../../language-server/src/lint';
import { ScriptLines } from '../../../language-server/src/syntax/lines';
import { parseScript } from '../../../language-server/src/syntax/parser';
import { InMemoryWorkspace } from '../../../language-server/src/workspace';

function check(text: string, context?: ScenarioContext): string[] {
  const lines = new ScriptLines(text);
  return checkScenario(parseScript(lines), lines, context).map((f) => `${f.line + 1}:${f.code}`);
}
function message(text: string, code: RuleCode): string {
  const lines = new ScriptLines(text);
  return checkScenario(parseScript(lines), lines).find((f) => f.code === code)!.message;
}

const NETEM_NOTE = '# netem needs kernel-modules-extra\n';
const perl = (...statements: string[]) => `sudo perl\n${statements.join('\n')}\n****\n`;

describe('sudo checks: what the sudo blocks leave behind', () => {
  it('a change never undone (1090\'s tcp_fastopen)', () => {
    const text = `# T\n${perl('system("sysctl net.ipv4.tcp_fastopen=3");')}`;
    assert.deepEqual(check(text), ['3:change-never-undone']);
    assert.match(message(text, 'change-never-undone'), /sets net\.ipv4\.tcp_fastopen to 3.*nothing later.*DIR\/test-saved-net\.ipv4\.tcp_fastopen/);
  });
  it('an undo to a fixed value (1090\'s blackhole timeout set back to 3600)', () => {
    const text = `# T\n${perl('system("echo 0 > /proc/sys/x");')}${perl('system("echo 3600 > /proc/sys/x");')}`;
    assert.deepEqual(check(text), ['6:undo-restores-fixed-value']);
    assert.match(message(text, 'undo-restores-fixed-value'), /sets x to 3600.*not the value it had before line 3.*cat \/proc\/sys\/x > DIR\/test-saved-x/);
  });
  it('a save and a restore of the saved value is clean', () => {
    assert.deepEqual(check(`# T\n${perl('system("cat /proc/sys/x > DIR/test-saved-x");', 'system("echo 0 > /proc/sys/x");')}${perl('system("cat DIR/test-saved-x > /proc/sys/x");')}`), []);
  });
  it('an undo only after commands that can stop the test', () => {
    const text = `# T\n${NETEM_NOTE}${perl('system("tc qdisc add dev lo root netem delay 50ms");')}exim -DSERVER=server -bd -oX PORT_D\n****\nexim x@y\n****\nkilldaemon\n${perl('system("tc qdisc del dev lo root");')}`;
    assert.deepEqual(check(text), ['4:undo-only-at-end']);
    assert.match(message(text, 'undo-only-at-end'), /undone only at line 12, after 1 command that can stop the test early \(first: line 8, `exim x@y`, whose exit status runtest checks\)\. An aborted run — q at runtest's prompt, Ctrl-C, a runtest error — leaves it in place/);
    assert.deepEqual(check(`# T\n${NETEM_NOTE}${perl('system("tc qdisc add dev lo root netem delay 50ms");')}need_ipv4\n${perl('system("tc qdisc del dev lo root");')}`), ['4:undo-only-at-end']);
    assert.deepEqual(check(`# T\n${NETEM_NOTE}${perl('system("tc qdisc add dev lo root netem delay 50ms");')}sleep 1\n${perl('system("tc qdisc del dev lo root");')}`), []);
  });
  describe('a change covered by a watchdog is not undone only at the end', () => {
    const NETEM: WatchdogUndo = { resource: 'qdisc dev lo root', argv: ['tc', 'qdisc', 'del', 'dev', 'lo', 'root'] };
    const BH: WatchdogUndo = { resource: 'sysctl net.ipv4.b', sysctl: { name: 'net.ipv4.b', path: '/proc/sys/net/ipv4/b' } };
    const change = ['system("tc qdisc add dev lo root netem delay 50ms");', 'system("[ -e /proc/sys/net/ipv4/b ] && cat /proc/sys/net/ipv4/b > DIR/test-saved-net.ipv4.b");', 'system("echo 0 > /proc/sys/net/ipv4/b");'];
    const undo = ['system("tc qdisc del dev lo root");', 'system("cat DIR/test-saved-net.ipv4.b > /proc/sys/net/ipv4/b");'];
    const STOP = 'exim -odi x@y\n****\n';
    const script = (...parts: string[]) => `# T\n${NETEM_NOTE}${parts.join('')}`;

    it('without one: warns each change, and says the quick fix adds one', () => {
      const text = script(perl(...change), STOP, perl(...undo));
      assert.deepEqual(check(text), ['4:undo-only-at-end', '6:undo-only-at-end']);
      assert.match(message(text, 'undo-only-at-end'), /The quick fix adds a watchdog: a root process that undoes it once runtest has left the test, should the run stop early\.$/);
    });
    it('with one that undoes both, started before them and stood down after the undo: clean', () => {
      assert.deepEqual(check(script(perl(watchdogPerl('9000', [BH, NETEM]), ...change), STOP, perl(...undo, standDownPerl('9000')))), []);
      // In an earlier block, before any command that can stop the test; without a stand-down it still covers.
      assert.deepEqual(check(script(perl(watchdogPerl('TESTNUM', [BH, NETEM])), 'sleep 1\n', perl(...change), STOP, perl(...undo))), []);
    });
    it('with one that does not undo this change: still warns for it, and says why', () => {
      const text = script(perl(watchdogPerl('9000', [NETEM]), ...change), STOP, perl(...undo, standDownPerl('9000')));
      assert.deepEqual(check(text), ['26:undo-only-at-end']);
      assert.match(message(text, 'undo-only-at-end'), /^This sets net\.ipv4\.b to 0; .* The watchdog at line 7 does not help: it does not undo this change\.$/);
    });
    it('with one that starts only after a command that can stop the test, or reads the old value after the change', () => {
      const late = script(perl(...change), STOP, perl(watchdogPerl('9000', [BH, NETEM])), STOP, perl(...undo));
      assert.deepEqual(check(late), ['4:undo-only-at-end', '6:undo-only-at-end']);
      assert.match(message(late, 'undo-only-at-end'), /does not help: it starts only after commands that can stop the test\.$/);
      // Same block, but after the change: the netem is covered, the setting's old value is already gone.
      const after = script(perl(...change, watchdogPerl('9000', [BH, NETEM])), STOP, perl(...undo));
      assert.deepEqual(check(after), ['6:undo-only-at-end']);
      assert.match(message(after, 'undo-only-at-end'), /does not help: it does not read the old value of net\.ipv4\.b before line 6 changes it\.$/);
    });
    it('with one stood down before the undo, with a command that can stop the test in between', () => {
      const text = script(perl(watchdogPerl('9000', [BH, NETEM]), ...change), perl(standDownPerl('9000')), STOP, perl(...undo));
      assert.deepEqual(check(text), ['27:undo-only-at-end', '29:undo-only-at-end']);
      assert.match(message(text, 'undo-only-at-end'), /does not help: it is stood down at line 33, while the change is still in place\.$/);
      // A stand-down for another test's watchdog does not count.
      assert.deepEqual(check(script(perl(watchdogPerl('9000', [BH, NETEM]), ...change), perl(standDownPerl('9001')), STOP, perl(...undo))), []);
    });
    it('a watchdog\'s `== 0` does not pass for a checked netem', () => {
      const text = `# T\n${perl(watchdogPerl('9000', [NETEM]), change[0])}${STOP}${perl(undo[0], standDownPerl('9000'))}`;
      assert.deepEqual(check(text), ['23:netem-unchecked']);
    });
  });
  it('an undo with no change before it, and the same change twice', () => {
    assert.deepEqual(check(`# T\n${perl('system("tc qdisc del dev lo root");')}`), ['3:undo-without-change']);
    assert.deepEqual(check(`# T\n${NETEM_NOTE}${perl('system("tc qdisc add dev lo root netem delay 5ms");', 'system("tc qdisc add dev lo root netem delay 5ms");', 'system("tc qdisc del dev lo root");')}`), ['5:change-repeated']);
  });
  it('a FreeBSD flip-and-back of a sysctl is not a change', () => {
    assert.deepEqual(check(`# T\n${perl('if (/^FreeBSD/) {', 'system("sysctl net.inet.tcp.fastopen.client_enable=0"); system("sysctl net.inet.tcp.fastopen.client_enable=1");', '}')}`), []);
  });
  it('an empty sudo perl, and one that runs to end of file', () => {
    assert.deepEqual(check('# T\nsudo perl\n****\n'), ['2:sudo-perl-empty']);
    assert.deepEqual(check('# T\nsudo perl DIR/aux-fixed/setrt 1\n****\n'), []);
    assert.deepEqual(check('# T\nsudo perl\nsystem("ls");\nexim -bt x\n'), ['2:sudo-perl-to-eof']);
  });
  it('netem with nothing said about kernels without it is information', () => {
    const text = `# T\n${perl('system("tc qdisc add dev lo root netem delay 50ms");', 'system("tc qdisc del dev lo root");')}`;
    assert.deepEqual(check(text), ['3:netem-unchecked']);
    assert.equal(severityOf('netem-unchecked'), 'information');
    assert.deepEqual(check(`# T\n${perl('system("tc qdisc add dev lo root netem delay 50ms") == 0 or die "no netem";', 'system("tc qdisc del dev lo root");')}`), []);
  });
});

describe('scenario checks: daemons and servers', () => {
  it('a daemon with no killdaemon before the end or the next daemon', () => {
    assert.deepEqual(check('# T\nexim -DSERVER=server -bd -oX PORT_D\n****\nexim -bt x\n****\n'), ['2:daemon-never-stopped']);
    assert.deepEqual(check('# T\nexim -DSERVER=server -bd -oX PORT_D\n****\nexim -DSERVER=server -bd -oX PORT_D\n****\nkilldaemon\n'), ['2:daemon-never-stopped']);
    assert.deepEqual(check('# T\nexim -DSERVER=server -bd -oX PORT_D\n****\nkilldaemon\n'), []);
  });
  it('a daemon with its own pid file is stopped by a root kill of that pid, not by killdaemon', () => {
    assert.deepEqual(check('# T\nexim -DSERVER=server -bd -oX PORT_D -oP DIR/spool/mypid\n****\nsudo perl\nopen(IN, "<", "DIR/spool/mypid");\nwhile (<IN>) { kill "TERM", $_; }\n****\n'), []);
    assert.match(message('# T\nexim -DSERVER=server -bd -oX PORT_D -oP DIR/spool/mypid\n****\nkilldaemon\n', 'daemon-never-stopped'), /pid file DIR\/spool\/mypid is not spool\/exim-daemon/);
  });
  it('a server no exim command collects', () => {
    assert.deepEqual(check('# T\nserver PORT_S\n220 hi\n****\nclient 127.0.0.1 PORT_S\n??? 220\n****\n'), ['2:server-never-reaped']);
    assert.deepEqual(check('# T\nserver PORT_S\n****\nserver PORT_S\n****\nexim -odi x\n****\n'), ['2:server-never-reaped']);
    assert.deepEqual(check('# T\nserver PORT_S\n****\nexim -odi x\n****\n'), []);
  });
});

describe('scenario checks: TFO needs `support TCP_Fast_Open`', () => {
  const requiresPath = '/t/scripts/9000-X/REQUIRES';
  it('from the conf, a tcp_fastopen sysctl or server -tfo', () => {
    const conf = 'remote:\n  driver = smtp\n  hosts_try_fastopen = *\n';
    assert.deepEqual(check('# T\nexim -odi x\n****\n', { confText: conf, requiresPath, requiresText: 'support TLS\n' }), ['2:tfo-not-required']);
    assert.deepEqual(check('# T\nexim -odi x\n****\n', { confText: conf, requiresPath, requiresText: 'support TCP_Fast_Open\n' }), []);
    assert.deepEqual(check('# T\nserver -tfo PORT_S\n****\nexim -odi x\n****\n', { requiresPath }), ['2:tfo-not-required']);
    assert.deepEqual(check(`# T\n${perl('system("sysctl net.ipv4.tcp_fastopen=3");')}`, { requiresPath }), ['3:change-never-undone', '3:tfo-not-required']);
  });
  it('resolves macros, with -DNAME= on the script\'s exim lines winning over the conf', () => {
    const conf = 'CONNECTCOND=\nremote:\n  hosts_try_fastopen =\tCONNECTCOND\n';
    assert.equal(confEnablesTfo(conf, ['-odi a@b']), undefined);
    assert.deepEqual(confEnablesTfo(conf, ['-odi -DCONNECTCOND=127.0.0.1 a@b']), { value: 'CONNECTCOND', macro: 'CONNECTCOND' });
    assert.equal(confEnablesTfo('  hosts_try_fastopen = :\n', []), undefined);
    assert.equal(confEnablesTfo('  hosts_try_fastopen = ${if eq{$local_part}{x}{*}}\n', []), undefined);
  });
  it('gathers the conf (following a symlink stored as text) and REQUIRES through the workspace', async () => {
    const workspace = new InMemoryWorkspace({
      '/t/confs/4027': '4020', '/t/confs/4020': '  hosts_try_fastopen = *\n',
      '/t/scripts/4027-TFO-socks/4027': '# T\nexim -odi x\n****\n', '/t/scripts/4027-TFO-socks/REQUIRES': 'support SOCKS\n',
    });
    const context = await gatherScenarioContext('/t/scripts/4027-TFO-socks/4027', workspace);
    assert.deepEqual(context, { requiresPath: '/t/scripts/4027-TFO-socks/REQUIRES', requiresText: 'support SOCKS\n', confText: '  hosts_try_fastopen = *\n' });
    const findings = await lintFile('/t/scripts/4027-TFO-socks/4027', '# T\nexim -odi x\n****\n', workspace);
    assert.deepEqual(findings.map((f) => f.code), ['tfo-not-required']);
  });
});
