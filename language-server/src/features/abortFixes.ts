/**
 * Quick fixes for the lines that make runtest abort the whole run and have one obvious repair.
 * (Fixes that need the sudo analysis live in codeActions.ts.)
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { ScriptLines } from '../syntax/lines';

export function abortFixes(uri: string, lines: ScriptLines, diagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    const line = lines.lineAt(d.range.start);
    const text = lines.lines[line] ?? '';
    const whole = lines.lineRange(line);
    const action = (title: string, edit: TextEdit): void => {
      actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: { changes: { [uri]: [edit] } } });
    };
    switch (d.code) {
      case 'bare-verbose-comment':
        action('Make it a plain `#` comment', { range: whole, newText: '#' });
        break;
      case 'indented-command':
        action('Remove the indentation', { range: { start: whole.start, end: lines.position(line, text.length - text.replace(/^[\t ]+/, '').length) }, newText: '' });
        break;
      case 'stray-terminator':
        action('Delete the stray `****`', { range: { start: whole.start, end: lines.position(line + 1, 0) }, newText: '' });
        break;
      case 'missing-title':
        action('Insert a title line', { range: { start: whole.start, end: whole.start }, newText: '# Title\n' });
        break;
      case 'eof-after-return-code':
        action('Delete the dangling return-code line', { range: whole, newText: '' });
        break;
    }
  }
  return actions;
}
