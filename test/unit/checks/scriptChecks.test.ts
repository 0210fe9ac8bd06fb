import * as assert from 'node:assert/strict';
import type { RuleCode } from '../../../language-server/src/checks/rules';
import { severityOf } from '../../../language-server/src/checks/rules';
import { checkScript, type ScriptContext } from '../../../language-server/src/checks/scriptChecks';
import { ScriptLines } from '../../../language-server/src/syntax/lines';
import { parseScript } from '../../../language-server/src/syntax/parser';

function lint(text: string, context: ScriptContext = {}): string[] {
  const lines = new ScriptLines(text);
  return checkScript(parseScript(lines), lines, context).map((f) => `${f.line + 1}:${f.code}`);
}

describe('checkScript: every reason runtest aborts the whole run is an error on the right line', () => {
  const cases: [string, string, RuleCode][] = [
    ['missing title', 'exim -bt x\n****\n', 'missing-title'],
    ['empty file', '', 'missing-title'],
    ['unrecognised command', '# T\nfrobnicate now\n', 'unrecognised-command'],
    ['indented command', '# T\n killdaemon\n', 'indented-command'],
    ['indented comment', '# T\n  # note\n', 'indented-command'],
    ['stray ****', '# T\n****\n', 'stray-terminator'],
    ['stray **** after a command without a block', '# T\nkilldaemon\n****\n', 'stray-terminator'],
    ['bare ###', '# T\n###\n', 'bare-verbose-comment'],
    ['sudo before a command that refuses it', '# T\nsudo ln -s a b\n', 'sudo-refused'],
    ['rm without sudo', '# T\nrm -f DIR/x\n', 'sudo-required'],
    ['mv without sudo', '# T\nmv a b\n', 'sudo-required'],
    ['chown without sudo', '# T\nchown a b\n', 'sudo-required'],
    ['chmod without sudo', '# T\nchmod 0 b\n', 'sudo-required'],
    ['rmdir without sudo', '# T\nrmdir b\n', 'sudo-required'],
    ['EOF after a return-code line', '# T\n0\n', 'eof-after-return-code'],
    ['a command word without arguments', '# T\nsleep\n', 'missing-arguments'],
  ];
  for (const [name, text, code] of cases) {
    it(name, () => {
      const found = lint(text);
      const line = code === 'missing-title' ? 1 : name.includes('after a command') ? 3 : 2;
      assert.ok(found.includes(`${line}:${code}`), `expected ${line}:${code} in ${JSON.stringify(found)}`);
      assert.equal(severityOf(code), 'error');
    });
  }
  it('says what runtest would do', () => {
    const lines = new ScriptLines('# T\n###\n');
    const [finding] = checkScript(parseScript(lines), lines);
    assert.match(finding.message, /^runtest stops the whole run here/);
  });
});

describe('checkScript: quiet traps are warnings', () => {
  it('a block that runs to EOF over lines that look like commands', () => {
    assert.deepEqual(lint('# T\nexim -be\n$x\nsudo rm -f DIR/x\n'), ['2:block-runs-to-eof']);
    assert.deepEqual(lint('# T\nexim -bs\nhelo x\nquit\n'), ['2:block-ends-at-eof']);
    assert.deepEqual(lint('# T\nexim -bs\nno_msglog_check\n'), ['2:block-runs-to-eof']);
  });
  it('an unknown munge name', () => assert.deepEqual(lint('# T\nmunge debuglog_stdout\nmunge dnssec\n'), ['2:unknown-munge']));
  it('a return-code line on a command whose status is never checked', () => {
    assert.deepEqual(lint('# T\n1\nsleep 1\n2\nexim -DSERVER=server -bd -oX PORT_D\n****\n1\nexim -bt x\n****\n'), ['2:unchecked-return-code', '4:unchecked-return-code']);
    assert.deepEqual(lint('# T\n1\nexinext x\n'), ['2:return-code-always-zero']);
  });
  it('a sized write with no ++++', () => {
    assert.deepEqual(lint('# T\nwrite f 2x10\nhead\n****\n'), ['2:sized-write-without-separator']);
    assert.deepEqual(lint('# T\nwrite f 2x10\nhead\n++++\ntail\n****\n'), []);
  });
  it('a need_* line after a command that ran (munge and gnutls are preamble)', () => {
    assert.deepEqual(lint('# T\nmunge dnssec\ngnutls\nneed_ipv4\nexim -bt x\n****\nneed_ipv6\n'), ['7:need-after-command']);
  });
  it('an exim command whose confs/NNNN does not exist (once, at the first exim)', () => {
    assert.deepEqual(lint('# T\nsleep 1\nexim -bt x\n****\nexim -bt y\n****\n', { testNumber: '4016', confExists: false }), ['3:missing-conf']);
    assert.deepEqual(lint('# T\nexim -bt x\n****\n', { testNumber: '4016', confExists: true }), []);
  });
  it('a data line whose :xxx: prefix runtest strips', () => {
    assert.deepEqual(lint('# T\nclient 127.0.0.1 PORT_D\n::1:25 hi\n:noeol:x\n:eval:\\x41\n****\n'), ['3:data-prefix-stripped']);
    assert.deepEqual(lint('# T\nserver PORT_S\n::1:25 hi\n****\n'), [], 'server blocks are not fed through the prefix handling');
  });
});
