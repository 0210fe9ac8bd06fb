import * as assert from 'node:assert/strict';
import { ScriptLines, decodeScriptBytes } from '../../../language-server/src/syntax/lines';

describe('ScriptLines', () => {
  it('numbers lines at LF only, as Perl does, and maps to LSP positions across lone CRs', () => {
    const lines = new ScriptLines('# T\nab\rcd\nexim\n');
    assert.equal(lines.count, 3);
    assert.deepEqual(lines.position(2, 1), { line: 3, character: 1 });
    assert.deepEqual(lines.position(1, 4), { line: 2, character: 1 });
    assert.equal(lines.lineAt({ line: 3, character: 0 }), 2);
  });

  it('keeps positions unchanged for CRLF files', () => {
    const lines = new ScriptLines('# T\r\nexim\r\n');
    assert.deepEqual(lines.position(1, 2), { line: 1, character: 2 });
    assert.deepEqual(lines.lineRange(1).end, { line: 1, character: 4 });
  });

  it('decodes any byte sequence, one character per byte', () => {
    assert.equal(decodeScriptBytes(new Uint8Array([0xe9, 0x00, 0xff])).length, 3);
  });
});
