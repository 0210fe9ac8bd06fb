/**
 * The edits of the "save and restore" quick fix: a save before each setting the script changes
 * without saving, a restore from that save in place of each fixed-value undo, and a restore
 * for each change never undone — in the last block that already undoes things when it comes
 * after every such change, otherwise in a new `sudo perl` block at the end.
 *
 * When runtest can stop the test between a change and its undo, it also adds a watchdog
 * (sudo/watchdog.ts) at the top of the first block that changes something, before any change:
 * it reads the old values there, and undoes every change once runtest has left the test. The
 * block with the script's last undo stands it down after that undo.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { Command, ScriptAst } from '../syntax/ast';
import type { ScriptLines } from '../syntax/lines';
import type { SourceSpan } from '../sudo/blockText';
import { restoreStatement, saveStatement, savedFileOf, sysctlNameOf } from '../sudo/restorePlan';
import { stopPoints } from '../sudo/stopPoints';
import type { ChangeStory, SudoAnalysis, SudoBlock } from '../sudo/sudoAnalysis';
import { isLinuxSysctl, procPathOfSysctl } from '../sudo/systemChanges';
import { standDownPerl, watchdogPerl, watchdogUndoOf, type WatchdogUndo } from '../sudo/watchdog';
import { appendCommands, insertLines } from './scriptEdits';

export interface RestoreEdits {
  edits: TextEdit[];
  /** Whether they add a watchdog. */
  watchdog: boolean;
}

/** Past the last command: where a block appended at the end sits. */
const END: Pick<Command, 'line'> = { line: Number.MAX_SAFE_INTEGER };

/** `testNumber`: the script's number, for the watchdog's `pgrep`; `TESTNUM` (which runtest substitutes) when unknown. */
export function restoreEdits(ast: ScriptAst, lines: ScriptLines, analysis: SudoAnalysis, testNumber = 'TESTNUM'): RestoreEdits {
  const outstanding = analysis.stories.filter((s) => s.undoKind !== 'toggle' && (!s.undo || s.undoKind === 'fixed-value'));
  const edits: TextEdit[] = [];

  const saves = new Map<number, string[]>();
  for (const story of outstanding) {
    const save = saveStatement(story.resource);
    if (!save || story.saved) continue;
    const line = story.change.statement.line;
    const indent = /^[\t ]*/.exec(lines.lines[line])![0];
    saves.set(line, [...(saves.get(line) ?? []), indent + save]);
  }
  for (const [line, statements] of saves) edits.push(insertLines(lines, line, statements.join('\n')));

  for (const story of outstanding.filter((s) => s.undoKind === 'fixed-value')) {
    const replaced = fixedUndoReplacement(story, analysis);
    if (replaced) edits.push({ range: rangeOf(lines, replaced.span), newText: replaced.text });
  }

  const neverUndone = outstanding.filter((s) => !s.undo);
  const restored = [...neverUndone].reverse().filter((s) => restoreStatement(s) !== undefined);
  let target: SudoBlock | undefined;
  if (restored.length) {
    const lastChange = Math.max(...neverUndone.map((s) => s.change.command.line));
    const undoing = analysis.blocks.filter((b) => b.command.line > lastChange && b.command.block?.terminatorLine !== undefined
      && analysis.stories.some((s) => s.undo && b.operations.includes(s.undo)));
    target = undoing[undoing.length - 1];
  }
  /** Where the script undoes the story once these edits are in: its own undo, or the restore added. */
  const undoneIn = (s: ChangeStory): Pick<Command, 'line'> => s.undo?.command ?? (restored.includes(s) && target ? target.command : END);

  const watched = watchdogPlan(ast, lines, analysis, undoneIn);
  const standDownIn = watched && watched.map((w) => undoneIn(w.story)).reduce((a, b) => (b.line > a.line ? b : a));
  if (watched) {
    const first = watched.map((w) => w.story.change.command).reduce((a, b) => (b.line < a.line ? b : a));
    edits.unshift(insertLines(lines, first.block!.firstLine, watchdogPerl(testNumber, watched.map((w) => w.undo))));
  }

  const restores = restored.map((s) => restoreStatement(s)!);
  const standDown = standDownPerl(testNumber);
  if (restores.length) {
    const last = [...restores, ...(standDownIn && (standDownIn === END || standDownIn === target?.command) ? [standDown] : [])];
    edits.push(target
      ? insertLines(lines, target.command.block!.terminatorLine!, last.join('\n'))
      : appendCommands(ast, lines, `sudo perl\n${last.join('\n')}\n****`));
  }
  if (standDownIn && standDownIn !== END && standDownIn !== target?.command) {
    const block = (standDownIn as Command).block!;
    edits.push(insertLines(lines, block.terminatorLine ?? block.endLine, standDown));
  }
  return { edits, watchdog: !!watched };
}

/**
 * The changes a new watchdog undoes (last change first), or undefined when none is needed: when
 * runtest cannot stop the test between any change and its undo, or nothing it could undo is
 * left uncovered by a watchdog already there.
 */
function watchdogPlan(ast: ScriptAst, lines: ScriptLines, analysis: SudoAnalysis, undoneIn: (s: ChangeStory) => Pick<Command, 'line'>): { story: ChangeStory; undo: WatchdogUndo }[] | undefined {
  const plan = analysis.stories
    .filter((s) => !s.watchdog)
    .map((story) => ({ story, undo: watchdogUndoOf(story)! }))
    .filter((w) => w.undo);
  const needed = plan.some((w) => stopPoints(ast, lines, w.story.change.command, undoneIn(w.story)).length > 0);
  return needed ? plan.reverse() : undefined;
}

/** The whole statement when the undo is all it holds; otherwise only its shell command. */
function fixedUndoReplacement(story: ChangeStory, analysis: SudoAnalysis): { span: SourceSpan; text: string } | undefined {
  const undo = story.undo!;
  const sameStatement = analysis.operations.filter((o) => o.statement.line === undo.statement.line && o.statement.from === undo.statement.from);
  const statement = restoreStatement(story);
  if (sameStatement.length === 1 && statement) return { span: undo.statement, text: statement };
  const name = sysctlNameOf(story.resource);
  if (!name || !isLinuxSysctl(name)) return undefined;
  return { span: undo.span, text: `cat ${savedFileOf(name)} > ${procPathOfSysctl(name)}` };
}

function rangeOf(lines: ScriptLines, span: SourceSpan) {
  return { start: lines.position(span.line, span.from), end: lines.position(span.endLine, span.to) };
}
