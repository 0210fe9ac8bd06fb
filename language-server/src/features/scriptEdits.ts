/** Text edits that add whole lines to a script, in runtest's line numbering. */
import type { TextEdit } from 'vscode-languageserver-types';
import type { ScriptAst } from '../syntax/ast';
import type { ScriptLines } from '../syntax/lines';

/** New lines before runtest line `line`, or at the end of the file when `line` is past it. */
export function insertLines(lines: ScriptLines, line: number, text: string): TextEdit {
  if (line < lines.count) {
    const at = lines.position(line, 0);
    return { range: { start: at, end: at }, newText: `${text}\n` };
  }
  const last = Math.max(0, lines.count - 1);
  if (lines.text === '' || lines.text.endsWith('\n')) {
    const at = lines.count === 0 ? { line: 0, character: 0 } : { line: lines.lineRange(last).end.line + 1, character: 0 };
    return { range: { start: at, end: at }, newText: `${text}\n` };
  }
  const end = lines.position(last, lines.lines[last].length);
  return { range: { start: end, end }, newText: `\n${text}\n` };
}

/**
 * Commands added after the last one. When the last block runs to end of file, a `****` closes it
 * first, or the new lines would be read as its data.
 */
export function appendCommands(ast: ScriptAst, lines: ScriptLines, text: string): TextEdit {
  const last = ast.commands[ast.commands.length - 1];
  const open = last?.block && last.block.terminatorLine === undefined;
  return insertLines(lines, lines.count, open ? `****\n${text}` : text);
}
