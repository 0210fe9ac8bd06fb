/** Hover: what a command, token, flag, return-code line or terminator means to runtest. */
import type { Hover } from 'vscode-languageserver-types';
import { defaultPorts, mungeNames, needDirectives, scriptFlags, substitutionTokens, type CommandKind } from '../catalogue/catalogue';
import type { Command, ScriptAst } from '../syntax/ast';
import type { ScriptLines } from '../syntax/lines';
import { isTerminator } from '../syntax/parser';
import { commandAt } from './commandAt';

const blockText: Record<CommandKind['block'], string> = {
  none: 'takes no data lines',
  stdin: 'the lines up to `****` are its stdin, with substitution',
  ignored: 'the lines up to `****` are read and ignored',
  'server-script': 'the lines up to `****` are the server script, sent without substitution',
  'file-content': 'the lines up to `****` are the file content, written without substitution',
};

const rcText: Record<CommandKind['rc'], string> = {
  checked: 'a return-code line before it is checked',
  'always-zero': 'its status is always 0 (runtest ends the pipeline with `echo`)',
  never: 'runtest never checks its status',
};

export function hover(ast: ScriptAst, lines: ScriptLines, line: number, character: number): Hover | undefined {
  const text = lines.lines[line];
  if (text === undefined) return undefined;
  const token = tokenHover(text, character);
  if (token) return token;

  const command = commandAt(ast, line);
  if (command) {
    if (command.returnCode?.line === line) return { contents: { kind: 'markdown', value: returnCodeText(command) } };
    if (line >= command.line && line <= command.lastLine) return commandHover(command);
    if (command.block?.terminatorLine === line) {
      return { contents: { kind: 'markdown', value: `Ends the block of \`${command.kind}\` (line ${command.line + 1}).` } };
    }
    if (command.block?.sizedSeparatorLine === line) {
      return { contents: { kind: 'markdown', value: 'Separates the lines written before the sized lines from those written after them.' } };
    }
    return undefined;
  }
  const skipped = ast.skipped.find((s) => s.line === line);
  if (skipped?.kind === 'flag') {
    const flag = scriptFlags.find((f) => f.name === skipped.name)!;
    return { contents: { kind: 'markdown', value: `**${flag.name}** — ${flag.description}\n\nFound by runtest's pre-scan anywhere in the file, even inside a block.` } };
  }
  if (skipped?.kind === 'need') {
    const need = needDirectives.find((n) => n.name === skipped.name)!;
    return { contents: { kind: 'markdown', value: `**${need.name}** — ${need.description} When unmet, runtest stops the script here and compares nothing.` } };
  }
  if (line === 0 && ast.hasTitle) return { contents: { kind: 'markdown', value: `Test title, printed by runtest as "${text.slice(2)}".` } };
  if (isTerminator(text)) return { contents: { kind: 'markdown', value: 'A `****` outside any block: runtest stops the whole run here.' } };
  return undefined;
}

function commandHover(command: Command): Hover {
  const entry = command.entry;
  if (!entry) return { contents: { kind: 'markdown', value: 'runtest does not recognise this line as a command and stops the whole run here.' } };
  const parts = [`**${command.kind}** — \`${entry.syntax}\``, entry.description, `Block: ${blockText[command.block?.role ?? entry.block]}. Status: ${rcText[entry.rc]}.`];
  const exim = command.exim;
  if (exim?.daemon) parts.push('Starts a **daemon** (`-DSERVER=server` without `-DNOTDAEMON`): runtest does not wait for it, logs go to `spool/log/servermainlog`; stop it with `killdaemon`.');
  if (exim?.waitMode) parts.push('Starts Exim in inetd-style **wait mode** on the socket runtest opened; stop it with `killdaemon`.');
  if (exim?.waitSeconds !== undefined) parts.push(`runtest waits ${exim.waitSeconds} s after feeding stdin before closing the pipe.`);
  if (command.kind === 'munge') {
    const name = command.text.replace(/^munge\s+/, '');
    parts.push(mungeNames.includes(name) ? `\`${name}\` is one of runtest's munges.` : `runtest has no munge \`${name}\`: it is ignored.`);
  }
  return { contents: { kind: 'markdown', value: parts.join('\n\n') } };
}

function returnCodeText(command: Command): string {
  const rc = command.returnCode!;
  const expect = rc.negated ? `any exit status except ${rc.code}` : `exit status ${rc.code}`;
  const env = rc.env ? ` It also sets \`${rc.env.name}=${rc.env.value}\` in the environment of this command only.` : '';
  return `Return-code line: runtest expects ${expect} from \`${command.kind}\` on the next line.${env}`;
}

function tokenHover(text: string, character: number): Hover | undefined {
  const word = wordAt(text, character);
  if (!word) return undefined;
  const msg = /^\$msg(\d+)$/.exec(word.text);
  if (msg) return { contents: { kind: 'markdown', value: `\`$msg${msg[1]}\` — the id of message ${msg[1]} on the queue, oldest first (from \`exim -bp\`); in exim arguments only.` } };
  const token = substitutionTokens.find((t) => t.name === word.text || (t.name === 'DIR' && word.text === 'DIR' && text[word.end] === '/'));
  if (!token) return undefined;
  const port = defaultPorts[token.name];
  const portText = port !== undefined ? ' `-portbase N` moves the whole port block.' : '';
  return { contents: { kind: 'markdown', value: `**${token.name}** — runtest replaces it with ${token.meaning}.${portText}` }, range: undefined };
}

function wordAt(text: string, character: number): { text: string; start: number; end: number } | undefined {
  const isWord = (c: string) => /[A-Za-z0-9_$]/.test(c);
  if (character > text.length) return undefined;
  let start = character;
  while (start > 0 && isWord(text[start - 1])) start--;
  let end = character;
  while (end < text.length && isWord(text[end])) end++;
  if (start === end) return undefined;
  // PORT_D also counts right after `_`: take the longest token suffix.
  const raw = text.slice(start, end);
  const suffix = /(?:PORT_(?:D[234]?|S|N|DYNAMIC)|V4NET)$/.exec(raw);
  if (suffix && suffix.index > 0) return { text: suffix[0], start: start + suffix.index, end };
  return { text: raw, start, end };
}
