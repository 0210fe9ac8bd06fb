/** Whole-document linting on hostile input: never a throw, always a verdict runtest would give. */
import * as assert from 'node:assert/strict';
import { lintText } from '../../language-server/src/lint';
import { ScriptLines } from '../../language-server/src/syntax/lines';

const codes = (text: string) => lintText('script', new ScriptLines(text), {}).map((f) => f.code);

describe('lintText on hostile input', () => {
  it('lints a 10 MB script', () => {
    const block = 'exim -odi a@b.c\nSubject: x\n\n' + 'body line with PORT_D and \xe9 latin-1\n'.repeat(40) + '****\nsudo perl\nsystem("sysctl net.ipv4.tcp_fastopen=3");\n****\n';
    const text = '# big\n' + block.repeat(Math.ceil(10_000_000 / block.length));
    assert.ok(text.length >= 10_000_000);
    const found = codes(text);
    assert.ok(!found.includes('missing-title'));
    assert.ok(found.every((c) => c !== 'unrecognised-command'));
  });

  it('gives a binary file a clear verdict instead of a crash', () => {
    const binary = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 0xff, 0xfe, 10, 0, 0, 10]).toString('latin1');
    assert.deepEqual(codes(binary).slice(0, 1), ['missing-title']);
  });

  it('reads CRLF and latin-1 scripts', () => {
    assert.deepEqual(codes('# T\r\nexim -odi caf\xe9@test.ex\r\n****\r\nkilldaemon\r\n'), []);
  });
});
