/**
 * Hover on sudo: on a `sudo perl` line, what the block does to the machine and when each change
 * is undone; on a recognised command inside the block, its classification; on `sudo exim` or
 * `sudo rm …`, what it touches.
 */
import type { Hover } from 'vscode-languageserver-types';
import type { ScriptAst } from '../syntax/ast';
import type { ScriptLines } from '../syntax/lines';
import type { SourceSpan } from '../sudo/blockText';
import { describeSudoCommand } from '../sudo/sudoCommands';
import type { Operation, SudoAnalysis } from '../sudo/sudoAnalysis';
import { describeWatchdog } from '../sudo/watchdog';

export function sudoHover(ast: ScriptAst, lines: ScriptLines, analysis: SudoAnalysis, line: number, character: number): Hover | undefined {
  const block = analysis.blocks.find((b) => b.command.line <= line && line <= b.command.lastLine);
  if (block) {
    const range = lines.lineRange(block.command.line, 0, block.command.text.length);
    const program = block.command.text.replace(/^sudo\s+perl\s*/, '');
    const watchdogs = analysis.watchdogs.filter((w) => w.command === block.command);
    if (!block.operations.length && !watchdogs.length) {
      return markdown(program ? `**sudo perl** — runs the Perl program \`${program}\` as root; what it does is not analysed here.` : '**sudo perl** — runs this Perl as root; no system command in it is one we recognise.', range);
    }
    const items = [...block.operations.map((op) => ({ line: op.span.line, text: sentence(op, analysis) })), ...watchdogs.map((w) => ({ line: w.span.line, text: describeWatchdog(w) }))]
      .sort((a, b) => a.line - b.line).map((item) => `- line ${item.line + 1}: ${item.text}`);
    return markdown(`**sudo perl** — what this block does to the machine:\n\n${items.join('\n')}`, range);
  }
  const inside = analysis.blocks.find((b) => b.command.block && b.command.block.firstLine <= line && line < b.command.block.endLine);
  if (inside) {
    const here = inside.operations.filter((op) => contains(op.span, line, character));
    const ops = here.length ? here : inside.operations.filter((op) => contains(op.statement, line, character));
    const watchdog = analysis.watchdogs.find((w) => w.command === inside.command && contains(w.span, line, character));
    if (!ops.length && watchdog) {
      return markdown(`**watchdog** — ${describeWatchdog(watchdog)}`, { start: lines.position(watchdog.span.line, watchdog.span.from), end: lines.position(watchdog.span.endLine, watchdog.span.to) });
    }
    if (!ops.length) return undefined;
    const span = ops[0].span;
    const range = { start: lines.position(span.line, span.from), end: lines.position(span.endLine, span.to) };
    return markdown(ops.map((op) => `\`${op.text}\` — ${sentence(op, analysis)}`).join('\n\n'), range);
  }
  const command = ast.commands.find((c) => c.line <= line && line <= c.lastLine);
  const described = command && describeSudoCommand(command);
  return described ? markdown(`**${command!.kind}** — ${described}`, lines.lineRange(command!.line)) : undefined;
}

/** One operation in our words, with what becomes of it later in the script. */
export function sentence(op: Operation, analysis: SudoAnalysis): string {
  const parts = [op.effect.summary + platformNote(op)];
  if (op.guard) parts[0] += ` (only if \`${op.guard}\` succeeds)`;
  if (op.innerSudo) parts[0] += ' (the `sudo` inside is redundant: the block already runs as root)';
  const fate = fateOf(op, analysis);
  if (fate) parts.push(fate);
  return parts.join('; ');
}

function fateOf(op: Operation, analysis: SudoAnalysis): string | undefined {
  for (const story of analysis.stories) {
    if (story.change === op) {
      if (story.undoKind === 'toggle') return `set straight back at line ${story.undo!.span.line + 1}: a flip to flush state, which leaves it at ${story.undo!.effect.value} whatever it was before`;
      const watchdog = story.watchdog ? `by the watchdog at line ${story.watchdog.watchdog.span.line + 1} if the run stops early` : undefined;
      if (!story.undo) return story.watchdog ? `**never undone** by the script itself; the watchdog at line ${story.watchdog.watchdog.span.line + 1} undoes it once runtest has left the test` : '**never undone**';
      const how = story.undoKind === 'fixed-value' ? ` — to the fixed value ${story.undo.effect.value}, not the value found before` : story.undoKind === 'restores-saved' ? ' — to the value saved before' : '';
      return `undone at line ${story.undo.span.line + 1}${how}${watchdog ? `, and ${watchdog}` : ''}`;
    }
    if (story.undo === op) return `undoes the change at line ${story.change.span.line + 1}`;
    if (story.repeats.includes(op)) return `repeats the change at line ${story.change.span.line + 1}, still in place`;
    if (story.saved === op) return `the saved value is what line ${story.change.span.line + 1} changes`;
  }
  if (analysis.orphanUndos.includes(op)) return 'undoes nothing this script changed';
  return undefined;
}

function platformNote(op: Operation): string {
  if (!op.platform) return '';
  return op.platform.negated ? ` (not on ${op.platform.os})` : ` (${op.platform.os} only)`;
}

function contains(span: SourceSpan, line: number, character: number): boolean {
  if (line < span.line || line > span.endLine) return false;
  if (line === span.line && character < span.from) return false;
  if (line === span.endLine && character > span.to) return false;
  return true;
}

function markdown(value: string, range: Hover['range']): Hover {
  return { contents: { kind: 'markdown', value }, range };
}
