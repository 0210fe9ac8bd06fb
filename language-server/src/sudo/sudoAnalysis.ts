/**
 * What a script's `sudo perl` blocks do to the machine, in script order: every recovered root
 * command as an operation, and each change followed to its undo (or to the end of the script).
 */
import type { Command, ScriptAst } from '../syntax/ast';
import type { ScriptLines } from '../syntax/lines';
import { BlockText, type SourceSpan } from './blockText';
import { recoverCommands, type Piece, type Platform, type RecoveredCommand } from './perlCommands';
import { isTest, splitShell, type SimpleCommand } from './shellCommands';
import { classifyCommand, type Effect, type Word } from './systemChanges';

export interface Operation {
  effect: Effect;
  /** The command itself (one simple command inside a shell string, or the list/write statement). */
  span: SourceSpan;
  /** The whole Perl statement that holds it (`system("…");`). */
  statement: SourceSpan;
  /** The `sudo perl` command of its block. */
  command: Command;
  text: string;
  platform?: Platform;
  /** `system("sudo tc …")`: a sudo inside a block that already runs as root. */
  innerSudo?: boolean;
  /** `[ -e X ] && …`: the test that must pass first. */
  guard?: string;
}

export type UndoKind =
  | 'removes' //         takes away what was added
  | 'restores-saved' //  sets a setting back to the value saved before the change
  | 'fixed-value' //     sets it to a value written in the script, whatever it was before
  | 'toggle'; //         flips a setting and straight back (to flush state), in one block

export interface ChangeStory {
  resource: string;
  change: Operation;
  undo?: Operation;
  undoKind?: UndoKind;
  /** The save of the old value, when the script makes one before the change. */
  saved?: Operation;
  /** The same change made again while the first is still in place. */
  repeats: Operation[];
}

export interface SudoBlock {
  command: Command;
  operations: Operation[];
}

export interface SudoAnalysis {
  blocks: SudoBlock[];
  operations: Operation[];
  stories: ChangeStory[];
  /** Undos with no change before them. */
  orphanUndos: Operation[];
}

export function analyseSudo(ast: ScriptAst, lines: ScriptLines): SudoAnalysis {
  const blocks: SudoBlock[] = [];
  for (const command of ast.commands) {
    if (command.kind !== 'sudo perl' || !command.block) continue;
    const text = BlockText.of(command, lines);
    const operations = recoverCommands(text.text).flatMap((r) => operationsOf(r, text, command));
    blocks.push({ command, operations });
  }
  const operations = blocks.flatMap((b) => b.operations);
  return { blocks, operations, ...followChanges(operations) };
}

function operationsOf(recovered: RecoveredCommand, text: BlockText, command: Command): Operation[] {
  const statement = text.span(recovered.from, recovered.to);
  const base = { statement, command, platform: recovered.platform };
  if (recovered.shell) {
    return splitShell(recovered.shell.text).filter((c) => !isTest(c) && c.words.length).flatMap((simple) => {
      const piece = recovered.shell!;
      const span = text.span(piece.offsets[simple.from], piece.offsets[Math.max(simple.from, simple.to - 1)] + 1);
      const words = simple.words.map((w) => ({ text: w.text, dynamic: w.dynamic || piece.dynamic }));
      return classified(words, simple, { ...base, span, guard: simple.guard ? wordsText(simple.guard) : undefined });
    });
  }
  if (recovered.argv) {
    const first = recovered.argv[0];
    const last = recovered.argv[recovered.argv.length - 1];
    const span = text.span(first.offsets[0], last.offsets[last.offsets.length - 1]);
    return classified(recovered.argv.map(word), undefined, { ...base, span });
  }
  if (recovered.file?.value && recovered.file.path.text.startsWith('/proc/sys/')) {
    const effects = classifyCommand([{ text: 'echo', dynamic: false }, word(recovered.file.value)], [{ op: '>', target: { text: recovered.file.path.text, from: 0, to: 0, dynamic: false } }]);
    return effects.map((effect) => ({ ...base, effect, span: statement, text: text.text.slice(recovered.from, recovered.to) }));
  }
  if (recovered.via === 'perl-read' && recovered.file?.path.text.startsWith('/proc/sys/')) {
    const effects = classifyCommand([{ text: 'cat', dynamic: false }, word(recovered.file.path)], [{ op: '>', target: { text: 'a Perl variable', from: 0, to: 0, dynamic: false } }]);
    return effects.map((effect) => ({ ...base, effect, span: statement, text: text.text.slice(recovered.from, recovered.to) }));
  }
  if (recovered.via === 'perl-write' && recovered.file) {
    return [{ ...base, span: statement, text: text.text.slice(recovered.from, recovered.to), effect: { action: 'other', summary: `writes ${recovered.file.path.text} as root` } }];
  }
  return [];
}

function classified(words: Word[], simple: SimpleCommand | undefined, base: Omit<Operation, 'effect' | 'text'>): Operation[] {
  let innerSudo = false;
  while (words[0]?.text === 'sudo') {
    innerSudo = true;
    words = words.slice(1);
    while (words[0]?.text.startsWith('-')) words = words.slice(words[0].text === '-u' ? 2 : 1);
  }
  const text = words.map((w) => w.text).join(' ');
  return classifyCommand(words, simple?.redirects ?? []).map((effect) => ({ ...base, effect, text, ...(innerSudo ? { innerSudo } : {}) }));
}

function word(piece: Piece): Word {
  return { text: piece.text, dynamic: piece.dynamic };
}

function wordsText(command: SimpleCommand): string {
  return command.words.map((w) => w.text).join(' ');
}

function followChanges(operations: Operation[]): Pick<SudoAnalysis, 'stories' | 'orphanUndos'> {
  const stories: ChangeStory[] = [];
  const orphanUndos: Operation[] = [];
  const open = new Map<string, ChangeStory>();
  const saves = new Map<string, Operation>();
  const start = (op: Operation) => {
    const story: ChangeStory = { resource: op.effect.resource!, change: op, saved: saves.get(op.effect.resource!), repeats: [] };
    stories.push(story);
    open.set(story.resource, story);
  };
  const close = (story: ChangeStory, undo: Operation, kind: UndoKind) => {
    story.undo = undo;
    story.undoKind = kind;
    open.delete(story.resource);
  };
  operations.forEach((op, index) => {
    const { action, resource, value, valueIsSaved } = op.effect;
    if (!resource) return;
    const story = open.get(resource);
    switch (action) {
      case 'save':
        saves.set(resource, op);
        return;
      case 'add':
        if (story) story.repeats.push(op); else start(op);
        return;
      case 'remove': {
        const prefix = resource.endsWith(' *') ? resource.slice(0, -2) : undefined;
        const matched = prefix === undefined ? (story ? [story] : [])
          : [...open.values()].filter((s) => s.resource === prefix || s.resource.startsWith(`${prefix} `));
        for (const s of matched) close(s, op, 'removes');
        if (!matched.length) orphanUndos.push(op);
        return;
      }
      case 'set': {
        if (!story) {
          if (valueIsSaved) orphanUndos.push(op); else start(op);
          return;
        }
        if (!valueIsSaved && value === story.change.effect.value) {
          story.repeats.push(op);
          return;
        }
        const toggle = operations[index - 1] === story.change && op.command === story.change.command && !valueIsSaved;
        close(story, op, valueIsSaved ? 'restores-saved' : toggle ? 'toggle' : 'fixed-value');
        return;
      }
    }
  });
  return { stories, orphanUndos };
}
