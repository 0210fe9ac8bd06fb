// The one place the run code reads the sudo analysis (language-server/src/sudo): each change a
// script's `sudo perl` blocks make, where the script undoes it, and how to undo it by hand.
import { analyseSudo } from '../../../language-server/src/sudo/sudoAnalysis';
import { parseScript } from '../../../language-server/src/syntax/parser';
import { ScriptLines } from '../../../language-server/src/syntax/lines';

export interface SudoChange {
  /** In our words: "adds a 50 ms netem delay on lo". */
  summary: string;
  resource: string;
  /** 0-based line of the `sudo perl` command that makes the change. */
  changeLine: number;
  /** 0-based line of the `sudo perl` command that undoes it; undefined when the script never does. */
  undoLine?: number;
  /** A sysctl change: its name, so a saved value can be put back with `sysctl -w`. */
  sysctl?: string;
  /** The value the script's own undo sets, when it is written in the script. */
  undoValue?: string;
  /** A shell command from the script or the analysis that undoes the change. */
  undoCommand?: string;
}

export interface ScriptShape {
  lineCount: number;
  /** 0-based lines of the exim-family commands, in order: runtest prints `  Test n` for each (rt:3223). */
  eximLines: number[];
}

export function scriptShape(text: string): ScriptShape {
  const ast = parseScript(text);
  return { lineCount: ast.lineCount, eximLines: ast.commands.filter((c) => c.exim !== undefined).map((c) => c.line) };
}

export function sudoChangesOf(text: string): SudoChange[] {
  const lines = new ScriptLines(text);
  const analysis = analyseSudo(parseScript(lines), lines);
  return analysis.stories.map((story) => {
    const undo = story.undo;
    const sysctl = story.resource.startsWith('sysctl ') ? story.resource.slice(7) : undefined;
    const change: SudoChange = { summary: story.change.effect.summary, resource: story.resource, changeLine: story.change.command.line };
    if (undo !== undefined) change.undoLine = undo.command.line;
    if (sysctl !== undefined) change.sysctl = sysctl;
    if (undo !== undefined && undo.effect.value !== undefined && !undo.effect.valueIsSaved) change.undoValue = undo.effect.value;
    const command = story.change.effect.undo ?? (undo !== undefined && sysctl === undefined ? undo.text : undefined);
    if (command !== undefined) change.undoCommand = command;
    return change;
  });
}
