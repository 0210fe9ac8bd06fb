/** The outline: one symbol per command, spanning its block. */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { Command, ScriptAst } from '../syntax/ast';
import type { ScriptLines } from '../syntax/lines';

export function documentSymbols(ast: ScriptAst, lines: ScriptLines): DocumentSymbol[] {
  return ast.commands.map((command) => {
    const first = command.returnCode?.line ?? command.line;
    const last = command.block ? Math.max(command.lastLine, (command.block.terminatorLine ?? command.block.endLine - 1)) : command.lastLine;
    const selection = lines.lineRange(command.line);
    return {
      name: symbolName(command),
      detail: command.block && command.block.endLine > command.block.firstLine ? `${command.block.endLine - command.block.firstLine} data lines` : undefined,
      kind: symbolKind(command),
      range: { start: lines.position(first, 0), end: lines.lineRange(last).end },
      selectionRange: selection,
    };
  });
}

function symbolName(command: Command): string {
  const text = command.text.trim();
  const name = text.length > 80 ? text.slice(0, 77) + '…' : text;
  return name || command.kind;
}

function symbolKind(command: Command): SymbolKind {
  if (command.kind === 'unrecognised') return SymbolKind.Null;
  if (command.exim?.daemon || command.kind === 'server' || command.kind === 'background') return SymbolKind.Event;
  if (command.kind.includes('perl')) return SymbolKind.Module;
  if (command.kind === '###') return SymbolKind.String;
  if (command.exim) return SymbolKind.Function;
  return SymbolKind.Method;
}
