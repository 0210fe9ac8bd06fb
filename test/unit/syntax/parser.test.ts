import * as assert from 'node:assert/strict';
import { parseScript } from '../../../language-server/src/syntax/parser';

const kinds = (text: string) => parseScript(text).commands.map((c) => `${c.line + 1}:${c.kind}`);

describe('parseScript', () => {
  it('reads title, comments, flags, need lines and commands as runtest does', () => {
    const ast = parseScript('# Title\n# comment\n\nno_msglog_check\nneed_ipv4\nexim -bt x@y\n****\nkilldaemon\n');
    assert.equal(ast.title, 'Title');
    assert.deepEqual(ast.skipped.map((s) => s.kind), ['comment', 'blank', 'flag', 'need']);
    assert.deepEqual(kinds('# T\nexim -bt x\n****\nkilldaemon\n'), ['2:exim', '4:killdaemon']);
  });

  it('takes a return-code line and the very next line as the command', () => {
    const ast = parseScript('# T\n0 TZ=GB\nexim -bp\n****\n~1\nexim -bV\n****\n');
    assert.deepEqual(ast.commands.map((c) => [c.line, c.returnCode?.code, c.returnCode?.negated, c.returnCode?.env?.name]), [[2, 0, false, 'TZ'], [5, 1, true, undefined]]);
  });

  it('does not treat NAME with digits or _ as a return-code environment (runtest needs [A-Z]+)', () => {
    const ast = parseScript('# T\n0 TZ_1=GB\nexim -bp\n****\n');
    assert.equal(ast.commands[0].kind, 'unrecognised');
    assert.equal(ast.commands[0].line, 1);
  });

  it('joins continuation lines with no separator, trimming each part', () => {
    const ast = parseScript('# T\nexim -a \\\n    -b\\\n  c   \n****\n');
    assert.equal(ast.commands[0].text, 'exim -a -bc');
    assert.equal(ast.commands[0].lastLine, 3);
    assert.equal(ast.commands[0].block?.terminatorLine, 4);
  });

  it('never continues data lines', () => {
    const ast = parseScript('# T\nexim -bs\nline \\\n****\n');
    assert.equal(ast.commands.length, 1);
    assert.equal(ast.commands[0].block?.terminatorLine, 3);
  });

  it('ends blocks only at exactly four stars then whitespace', () => {
    const ast = parseScript('# T\nexim -bs\n*****\n ****\n**** text\n****   \r\nkilldaemon\n');
    assert.equal(ast.commands[0].block?.terminatorLine, 5);
    assert.equal(ast.commands[1].kind, 'killdaemon');
  });

  it('lets a block run silently to end of file', () => {
    const ast = parseScript('# T\nexim -bs\nhelo x\nkilldaemon\n');
    assert.equal(ast.commands.length, 1);
    assert.equal(ast.commands[0].block?.terminatorLine, undefined);
    assert.equal(ast.commands[0].block?.endLine, 4);
  });

  it('follows the dispatcher order: `###` is a command, `####` a comment, cat2 is not cat', () => {
    assert.deepEqual(kinds('# T\n### note\n#### c\ncat2 f\ncat f\n'), ['2:###', '4:cat2', '5:cat']);
  });

  it('knows the exim family: env, wait count, sudo -u, exim_X, daemon and wait mode', () => {
    const ast = parseScript('# T\nFOO_1=x 3 sudo -u exim exim_msgdate -x\n****\nexim -DSERVER=server -bd -oX PORT_D\nignored\n****\nexim -DSERVER=server -DNOTDAEMON -q\n****\nexim -DSERVER=wait:PORT_DYNAMIC -bw\n****\n   exim -bt x\n****\n');
    const [a, daemon, notDaemon, wait, indented] = ast.commands;
    assert.equal(a.kind, 'sudo exim_msgdate');
    assert.deepEqual([a.exim?.env, a.exim?.waitSeconds, a.exim?.sudoUser, a.exim?.special], [['FOO_1=x'], 3, 'exim', '_msgdate']);
    assert.equal(daemon.exim?.daemon, true);
    assert.equal(daemon.block?.role, 'ignored');
    assert.equal(notDaemon.exim?.daemon, false);
    assert.equal(notDaemon.block?.role, 'stdin');
    assert.equal(wait.exim?.waitMode, true);
    assert.equal(indented.kind, 'exim');
  });

  it('reads client*, perl, sudo perl, server, write and background blocks', () => {
    assert.deepEqual(kinds('# T\nclient-anytls 127.0.0.1 PORT_D\n??? 220\n****\nsudo perl\nsystem("x");\n****\nserver PORT_S\n220 hi\n****\nwrite f 3x50\npre\n++++\npost\n****\nbackground\nredis-server --port 1\nignored\n****\nsudo rm -f x\n'),
      ['2:client-anytls', '5:sudo perl', '8:server', '11:write', '16:background', '20:sudo rm']);
    const ast = parseScript('# T\nwrite f 3x50\npre\n++++\npost\n****\nbackground\ncmd\n****\n');
    assert.equal(ast.commands[0].block?.sizedSeparatorLine, 3);
    assert.deepEqual(ast.commands[0].sizeSpecs, ['3x50']);
    assert.equal(ast.commands[1].backgroundLine, 7);
  });

  it('explains what runtest rejects', () => {
    const reasons = (text: string) => parseScript(text).commands.filter((c) => c.kind === 'unrecognised').map((c) => `${c.line + 1}:${c.rejection?.reason}`);
    assert.deepEqual(reasons('# T\n  killdaemon\n****\n###\n###   \nrm -f x\nsudo ln a b\nsleep\nfrobnicate\n'),
      ['2:indented', '3:stray-terminator', '4:bare-verbose-comment', '5:bare-verbose-comment', '6:needs-sudo', '7:sudo-refused', '8:missing-arguments', '9:unknown']);
    assert.deepEqual(reasons('# T\n1\n'), ['2:eof-after-return-code']);
  });

  it('uses ASCII whitespace like Perl: a latin-1 NBSP does not separate words', () => {
    assert.deepEqual(kinds('# T\nsleep\u00a03\n'), ['2:unrecognised']);
  });

  it('never throws on hostile input', () => {
    const random = Buffer.alloc(200_000);
    let seed = 7;
    for (let i = 0; i < random.length; i++) { seed = (seed * 1103515245 + 12345) & 0x7fffffff; random[i] = seed & 0xff; }
    for (const text of ['', '\n', '\r\n\r\n', '\0\0\0', random.toString('latin1'), '# T\r\nexim -bs\r\n****\r\n', '#'.repeat(100_000), 'exim \\\n'.repeat(1000)]) {
      assert.doesNotThrow(() => parseScript(text));
    }
  });

  it('parses CRLF scripts the way runtest does (CR is trailing whitespace on command lines)', () => {
    assert.deepEqual(kinds('# T\r\n0\r\nexim -bp\r\n****\r\nkilldaemon\r\n'), ['3:exim', '5:killdaemon']);
    // `(\S+)$` cannot reach past the CR, so `0 TZ=GB` + CR is no return-code line for runtest.
    const ast = parseScript('# T\r\n0 TZ=GB\r\nexim -bp\r\n****\r\n');
    assert.equal(ast.commands[0].rejection?.reason, 'return-code-with-cr');
  });
});
