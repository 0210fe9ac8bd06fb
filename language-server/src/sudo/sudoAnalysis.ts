/**
 * What a script's `sudo perl` blocks do to the machine, in script order: every recovered root
 * command as an operation, and each change followed to its undo (or to the end of the script),
 * and to the watchdog that undoes it should runtest stop the test early.
 */
import type { Command, ScriptAst } from '../syntax/ast';
import type { ScriptLines } from '../syntax/lines';
import { BlockText, type SourceSpan } from './blockText';
import { recoverCommands, type Piece, type Platform, type RecoveredCommand } from './perlCommands';
import { isTest, splitShell, type SimpleCommand } from './shellCommands';
import { stopPoints } from './stopPoints';
import { classifyCommand, type Effect, type Word } from './systemChanges';
import { findWatchdogs, watchdogStoodDown } from './watchdog';

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
  /** A watchdog that undoes it if runtest stops the test before the script's own undo. */
  watchdog?: { watchdog: Watchdog; undo: Operation };
  /** When the script has watchdogs but none covers this change: the nearest miss, and why. */
  watchdogMiss?: { watchdog: Watchdog; why: string };
}

/** A forked root process that waits while runtest is on this test, then undoes changes (see watchdog.ts). */
export interface Watchdog {
  command: Command;
  span: SourceSpan;
  /** `1090`, or `TESTNUM`. */
  testNumber: string;
  /** Old values read before the fork (each a `save` operation). */
  captures: Operation[];
  /** What the child runs once runtest has left the test. */
  undos: Operation[];
  /** The later command that stands it down (`pkill -f '^\[runtest NNNN watchdog\]'`). */
  standDown?: Operation;
}

export interface SudoBlock {
  command: Command;
  /** Its operations, those of a watchdog excepted (they are in `watchdogs`). */
  operations: Operation[];
}

export interface SudoAnalysis {
  blocks: SudoBlock[];
  operations: Operation[];
  stories: ChangeStory[];
  /** Undos with no change before them. */
  orphanUndos: Operation[];
  watchdogs: Watchdog[];
}

export function analyseSudo(ast: ScriptAst, lines: ScriptLines): SudoAnalysis {
  const blocks: SudoBlock[] = [];
  const watchdogs: Watchdog[] = [];
  for (const command of ast.commands) {
    if (command.kind !== 'sudo perl' || !command.block) continue;
    const text = BlockText.of(command, lines);
    const recovered = recoverCommands(text.text);
    const regions = findWatchdogs(text.text, recovered);
    const found = regions.map((region): Watchdog => ({ command, span: text.span(region.from, region.to), testNumber: region.testNumber, captures: [], undos: [] }));
    const operations: Operation[] = [];
    for (const r of recovered) {
      const at = regions.findIndex((region) => region.from <= r.from && r.from < region.to);
      const ops = operationsOf(r, text, command);
      const region = regions[at];
      if (!region) operations.push(...ops);
      else if (r.from < region.forkAt && ops.every((op) => op.effect.action === 'save')) found[at].captures.push(...ops);
      else if (r.from >= region.waitEnd && r.from < region.childTo) found[at].undos.push(...ops);
      // Its pgrep and the like are its own machinery; anything else it does stays in the block's story.
      else operations.push(...ops.filter((op) => op.effect.action !== 'other'));
    }
    blocks.push({ command, operations });
    watchdogs.push(...found);
  }
  const operations = blocks.flatMap((b) => b.operations);
  for (const w of watchdogs) {
    w.standDown = operations.find((op) => watchdogStoodDown(op.text) === w.testNumber && before(w.span, op.span));
  }
  const followed = followChanges(operations);
  for (const story of followed.stories) coverByWatchdog(story, watchdogs, ast, lines);
  return { blocks, operations, ...followed, watchdogs };
}

/** `a` starts before `b` in the script. */
function before(a: SourceSpan, b: SourceSpan): boolean {
  return a.line < b.line || (a.line === b.line && a.from < b.from);
}

/**
 * A watchdog covers a change when it undoes that very change (removes what was added, or writes
 * back a value it read before the change), is running before runtest can stop the test after
 * the change, and is not stood down while runtest can still stop it before the script's undo.
 */
function coverByWatchdog(story: ChangeStory, watchdogs: Watchdog[], ast: ScriptAst, lines: ScriptLines): void {
  if (story.undoKind === 'toggle' || !watchdogs.length) return;
  const change = story.change;
  let miss: ChangeStory['watchdogMiss'];
  for (const w of watchdogs) {
    const undo = w.undos.find((u) => undoes(u, story));
    let why: string | undefined;
    if (!undo) why = 'it does not undo this change';
    else if (change.effect.action === 'set' && !w.captures.some((c) => c.effect.resource === story.resource && before(c.span, change.span))) {
      why = `it does not read the old value of ${story.resource.replace(/^sysctl /, '')} before line ${change.span.line + 1} changes it`;
    } else if (!before(w.span, change.span) && stopPoints(ast, lines, change.command, w.command).length) {
      why = 'it starts only after commands that can stop the test';
    } else if (w.standDown && (story.undo ? before(w.standDown.span, story.undo.span) && stopPoints(ast, lines, w.standDown.command, story.undo.command).length : true)) {
      why = `it is stood down at line ${w.standDown.span.line + 1}, while the change is still in place`;
    }
    if (!why) {
      story.watchdog = { watchdog: w, undo: undo! };
      story.watchdogMiss = undefined;
      return;
    }
    if (!miss || (undo && miss.why === 'it does not undo this change')) miss = { watchdog: w, why };
  }
  story.watchdogMiss = miss;
}

function undoes(op: Operation, story: ChangeStory): boolean {
  const { action, resource, valueIsSaved } = op.effect;
  if (!resource) return false;
  if (story.change.effect.action === 'add') {
    return action === 'remove' && (resource === story.resource || (resource.endsWith(' *') && (story.resource === resource.slice(0, -2) || story.resource.startsWith(resource.slice(0, -1)))));
  }
  return action === 'set' && resource === story.resource && !!valueIsSaved;
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
