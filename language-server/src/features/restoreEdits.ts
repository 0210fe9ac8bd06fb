/**
 * The edits of the "save and restore" quick fix: a save before each setting the script changes
 * without saving, a restore from that save in place of each fixed-value undo, and a restore
 * for each change never undone — in the last block that already undoes things when it comes
 * after every such change, otherwise in a new `sudo perl` block at the end.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { ScriptAst } from '../syntax/ast';
import type { ScriptLines } from '../syntax/lines';
import type { SourceSpan } from '../sudo/blockText';
import { restoreStatement, saveStatement, savedFileOf, sysctlNameOf } from '../sudo/restorePlan';
import type { ChangeStory, SudoAnalysis } from '../sudo/sudoAnalysis';
import { isLinuxSysctl, procPathOfSysctl } from '../sudo/systemChanges';
import { appendCommands, insertLines } from './scriptEdits';

export function restoreEdits(ast: ScriptAst, lines: ScriptLines, analysis: SudoAnalysis): TextEdit[] {
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
  const restores = [...neverUndone].reverse().map(restoreStatement).filter((s): s is string => s !== undefined);
  if (restores.length) {
    const lastChange = Math.max(...neverUndone.map((s) => s.change.command.line));
    const undoing = analysis.blocks.filter((b) => b.command.line > lastChange && b.command.block?.terminatorLine !== undefined
      && analysis.stories.some((s) => s.undo && b.operations.includes(s.undo)));
    const target = undoing[undoing.length - 1];
    edits.push(target
      ? insertLines(lines, target.command.block!.terminatorLine!, restores.join('\n'))
      : appendCommands(ast, lines, `sudo perl\n${restores.join('\n')}\n****`));
  }
  return edits;
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
