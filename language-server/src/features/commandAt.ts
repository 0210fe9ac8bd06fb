import type { Command, ScriptAst } from '../syntax/ast';

/** The command whose return-code line, command lines or block hold `line` (binary search). */
export function commandAt(ast: ScriptAst, line: number): Command | undefined {
  const commands = ast.commands;
  let lo = 0;
  let hi = commands.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const first = commands[mid].returnCode?.line ?? commands[mid].line;
    if (first <= line) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  if (found === -1) return undefined;
  const command = commands[found];
  const last = command.block ? (command.block.terminatorLine ?? command.block.endLine - 1) : command.lastLine;
  return line <= Math.max(last, command.lastLine) ? command : undefined;
}
