/** Folding: every block (command line to `****`) and every run of two or more comment lines. */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { ScriptAst } from '../syntax/ast';
import type { ScriptLines } from '../syntax/lines';

export function foldingRanges(ast: ScriptAst, lines: ScriptLines): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const command of ast.commands) {
    const block = command.block;
    if (!block) continue;
    const last = block.terminatorLine ?? block.endLine - 1;
    if (last > command.line) ranges.push({ startLine: lines.position(command.line, 0).line, endLine: lines.position(last, 0).line });
  }
  let runStart = -1;
  let previous = -2;
  const closeRun = () => {
    if (runStart >= 0 && previous > runStart) ranges.push({ startLine: lines.position(runStart, 0).line, endLine: lines.position(previous, 0).line, kind: FoldingRangeKind.Comment });
  };
  const comments = ast.skipped.filter((s) => s.kind === 'comment').map((s) => s.line);
  if (ast.hasTitle) comments.unshift(0);
  for (const line of comments) {
    if (line !== previous + 1) { closeRun(); runStart = line; }
    previous = line;
  }
  closeRun();
  return ranges.sort((a, b) => a.startLine - b.startLine);
}
