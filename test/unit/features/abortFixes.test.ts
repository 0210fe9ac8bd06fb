import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkScript } from '../../../language-server/src/checks/scriptChecks';
import { toDiagnostic } from '../../../language-server/src/diagnostics';
import { abortFixes } from '../../../language-server/src/features/abortFixes';
import { ScriptLines } from '../../../language-server/src/syntax/lines';
import { parseScript } from '../../../language-server/src/syntax/parser';

function fix(text: string): string {
  const lines = new ScriptLines(text);
  const diagnostics = checkScript(parseScript(lines), lines).map((f) => toDiagnostic(f, lines));
  const [action] = abortFixes('file:///s/0001', lines, diagnostics);
  assert.ok(action, `no fix for ${JSON.stringify(diagnostics.map((d) => d.code))}`);
  return TextDocument.applyEdits(TextDocument.create('file:///s/0001', 'exim-test', 1, text), action.edit!.changes!['file:///s/0001']);
}

describe('abortFixes', () => {
  it('repairs each abort with one obvious fix, and the result lints clean', () => {
    const cases: [string, string][] = [
      ['# T\n###\nkilldaemon\n', '# T\n#\nkilldaemon\n'],
      ['# T\n   killdaemon\n', '# T\nkilldaemon\n'],
      ['# T\nkilldaemon\n****\nsleep 1\n', '# T\nkilldaemon\nsleep 1\n'],
      ['killdaemon\n', '# Title\nkilldaemon\n'],
      ['# T\nkilldaemon\n0\n', '# T\nkilldaemon\n\n'],
    ];
    for (const [before, after] of cases) {
      const fixed = fix(before);
      assert.equal(fixed, after);
      const lines = new ScriptLines(fixed);
      assert.deepEqual(checkScript(parseScript(lines), lines).map((f) => f.code), [], fixed);
    }
  });
});
