/**
 * Reads a script exactly as runtest's main loop and `run_command` do. Never throws: anything
 * runtest would reject becomes an `unrecognised` command with the reason attached.
 */
import { commandCatalogue, commandKind, dispatchForms, needDirectives, scriptFlags, type CommandKind } from '../catalogue/catalogue';
import type { Block, Command, EximInvocation, Rejection, ReturnCodeLine, ScriptAst, SkippedLine } from './ast';
import { ScriptLines } from './lines';
import { isPerlSpace, perlRegex, stripTrailingSpace } from './perlRegex';

const RETURN_CODE = perlRegex('^(~)?(\\d+)\\s*(?:([A-Z]+)=(\\S+))?$');
const COMMENT_OR_BLANK = perlRegex('^(?:#(?!##\\s)|\\s*$)');
const SIZED_SEPARATOR = perlRegex('^\\+{4}\\s*$');
const flagNames = scriptFlags.map((f) => f.name);
const needNames = needDirectives.map((n) => n.name);
const formsById = new Map(dispatchForms.map((f) => [f.id, f]));

export function parseScript(input: string | ScriptLines): ScriptAst {
  const lines = typeof input === 'string' ? new ScriptLines(input) : input;
  const text = lines.lines;
  const count = lines.count;
  const ast: ScriptAst = { lineCount: count, hasTitle: false, title: '', commands: [], skipped: [] };
  if (count === 0) return ast;
  ast.hasTitle = text[0].startsWith('#');
  ast.title = ast.hasTitle ? stripTrailingSpace(text[0].slice(1)).trim() : '';

  let i = 1;
  while (i < count) {
    const skipped = classifyBetweenCommands(text[i], i, lines.withNewline(i));
    if (skipped) {
      ast.skipped.push(skipped);
      i++;
      continue;
    }
    const command = readCommand(text, count, i);
    ast.commands.push(command);
    i = nextLineAfter(command, count);
  }
  return ast;
}

/** runtest's skip loop: flags, `need_*` lines, comments and blank lines come between commands. */
export function classifyBetweenCommands(line: string, index: number, withNewline = line + '\n'): SkippedLine | undefined {
  const first = line.charCodeAt(0);
  if (first === 110 /* n */ || first === 114 /* r */ || first === 115 /* s */) {
    const flag = flagNames.find((f) => line.startsWith(f));
    if (flag) return { line: index, kind: 'flag', name: flag };
    const need = needNames.find((n) => line.startsWith(n));
    if (need) return { line: index, kind: 'need', name: need };
  }
  if (first === 35 /* # */ || line.length === 0 || isPerlSpace(first)) {
    // runtest sees the LF: `###` then LF is not a comment, because `##` is followed by whitespace.
    if (COMMENT_OR_BLANK.test(withNewline)) return { line: index, kind: first === 35 ? 'comment' : 'blank' };
  }
  return undefined;
}

function nextLineAfter(command: Command, count: number): number {
  if (command.block) return command.block.terminatorLine !== undefined ? command.block.terminatorLine + 1 : count;
  return Math.min(count, command.lastLine + 1);
}

function readCommand(text: string[], count: number, start: number): Command {
  let line = start;
  let returnCode: ReturnCodeLine | undefined;
  const rc = RETURN_CODE.exec(text[line]);
  if (rc) {
    returnCode = { line, negated: rc[1] === '~', code: Number(rc[2]) };
    if (rc[3] !== undefined) returnCode.env = { name: rc[3], value: rc[4] };
    line++;
    if (line >= count) {
      return { kind: 'unrecognised', returnCode, line: start, lastLine: start, text: text[start], rejection: { reason: 'eof-after-return-code' } };
    }
  }

  // Continuation: the `\` is dropped and the next line joins with its own whitespace trimmed.
  let joined = stripTrailingSpace(text[line]);
  let lastLine = line;
  while (joined.endsWith('\\')) {
    joined = joined.slice(0, -1);
    if (lastLine + 1 < count) {
      lastLine++;
      joined += stripTrailingSpace(text[lastLine]).replace(/^[\t\n\v\f\r ]+/, '');
    }
  }

  const command: Command = { kind: 'unrecognised', returnCode, line, lastLine, text: joined };
  const dispatched = dispatch(joined);
  if (!dispatched) {
    command.rejection = explainRejection(joined, text[line]);
    return command;
  }
  command.kind = dispatched.kind;
  command.entry = dispatched.entry;
  command.exim = dispatched.exim;
  readBlock(command, text, count, dispatched.match);
  return command;
}

interface Dispatched {
  kind: string;
  entry: CommandKind;
  match: RegExpExecArray;
  exim?: EximInvocation;
}

/** The first form whose regex matches wins, as in runtest's if-chain. */
export function dispatch(line: string): Dispatched | undefined {
  for (const form of dispatchForms) {
    const match = form.pattern.exec(line);
    if (!match) continue;
    return classify(form.id, match, line);
  }
  return undefined;
}

function classify(formId: string, match: RegExpExecArray, line: string): Dispatched | undefined {
  const byName = (name: string): Dispatched | undefined => {
    const entry = commandKind(name);
    return entry ? { kind: name, entry, match } : undefined;
  };
  switch (formId) {
    case '16': return byName(match[1]);
    case '16b': return byName(`sudo ${match[1]}`);
    case '19': return byName(match[1] ? 'catwrite' : 'write');
    case '20': {
      if (line.startsWith('client')) {
        const word = /^\S*/.exec(line)![0];
        const entry = commandKind(word) ?? commandKind('client')!;
        return { kind: word, entry, match };
      }
      return byName(match[1] ? 'sudo perl' : 'perl');
    }
    case '21': {
      const exim = eximInvocation(match);
      const kind = `${exim.sudo ? 'sudo ' : ''}exim${exim.special}`;
      const entry = commandKind(kind) ?? commandKind(exim.sudo ? 'sudo exim' : 'exim')!;
      return { kind, entry, match, exim };
    }
    default: {
      const entry = commandCatalogue.find((k) => k.form === formId)!;
      return { kind: entry.name, entry, match };
    }
  }
}

function eximInvocation(match: RegExpExecArray): EximInvocation {
  const args = match[6];
  // runtest tests these on the full shell command, where the args sit between spaces.
  const padded = ` ${args} `;
  const exim: EximInvocation = {
    env: match[1] ? match[1].trim().split(/[\t\n\v\f\r ]+/) : [],
    sudo: match[3] !== undefined,
    special: match[5] ?? '',
    args,
    daemon: /[\t\n\v\f\r ]-DSERVER=server[\t\n\v\f\r ]/.test(padded) && !/[\t\n\v\f\r ]-DNOTDAEMON[\t\n\v\f\r ]/.test(padded),
    waitMode: /[\t\n\v\f\r ]-DSERVER=wait:(?:\d+|PORT_\w+)[\t\n\v\f\r ]/.test(padded),
  };
  if (match[2] !== undefined) exim.waitSeconds = Number(match[2]);
  if (match[4] !== undefined) exim.sudoUser = match[4];
  return exim;
}

function readBlock(command: Command, text: string[], count: number, match: RegExpExecArray): void {
  const entry = command.entry!;
  let role = entry.block;
  if (command.exim && (command.exim.daemon || command.exim.waitMode)) role = 'ignored';
  if (role === 'none') return;
  let first = command.lastLine + 1;
  if (command.kind === 'background') {
    // The one command line is read raw: no continuation, no stripping.
    command.backgroundLine = first < count ? first : undefined;
    first = Math.min(count, first + 1);
  }
  const block: Block = { role, firstLine: first, endLine: count };
  let from = first;
  if (entry.form === '19' && match[3] !== undefined && match[3].trim() !== '') {
    command.sizeSpecs = match[3].trim().split(/[\t\n\v\f\r ]+/);
    for (let i = first; i < count; i++) {
      if (isTerminator(text[i])) break;
      if (SIZED_SEPARATOR.test(text[i])) {
        block.sizedSeparatorLine = i;
        from = i + 1;
        break;
      }
    }
  }
  for (let i = from; i < count; i++) {
    if (isTerminator(text[i])) {
      block.terminatorLine = i;
      block.endLine = i;
      break;
    }
  }
  command.block = block;
}

/** `^\*{4}\s*$`: exactly four stars in column 1, then only whitespace. */
export function isTerminator(line: string): boolean {
  if (line.length < 4 || line.charCodeAt(0) !== 42 || line.charCodeAt(1) !== 42 || line.charCodeAt(2) !== 42 || line.charCodeAt(3) !== 42) return false;
  for (let i = 4; i < line.length; i++) if (!isPerlSpace(line.charCodeAt(i))) return false;
  return true;
}

function explainRejection(line: string, raw: string): Rejection {
  if (line.length > 0 && isPerlSpace(line.charCodeAt(0))) {
    const trimmed = line.replace(/^[\t\n\v\f\r ]+/, '');
    const would = dispatch(trimmed);
    return { reason: 'indented', wouldBe: would?.kind ?? (trimmed.startsWith('#') ? 'comment' : undefined) };
  }
  if (isTerminator(line)) return { reason: 'stray-terminator' };
  if (line === '###') return { reason: 'bare-verbose-comment' };
  if (raw.endsWith('\r') && RETURN_CODE.test(line)) return { reason: 'return-code-with-cr' };
  const words = line.split(/[\t\n\v\f\r ]+/);
  if (words[0] === 'sudo' && words.length > 1) {
    const word = words[1] === '-u' ? words[3] ?? '' : words[1];
    const sudoKind = commandKind(`sudo ${word}`);
    if (sudoKind) return { reason: 'missing-arguments', kind: sudoKind.name };
    return { reason: 'sudo-refused', word };
  }
  const word = words[0];
  if (!commandKind(word) && commandKind(`sudo ${word}`)) return { reason: 'needs-sudo', word };
  const known = commandKind(word);
  if (known) return { reason: 'missing-arguments', kind: known.name };
  return { reason: 'unknown' };
}

export function formPattern(id: string): RegExp | undefined {
  return formsById.get(id)?.pattern;
}
