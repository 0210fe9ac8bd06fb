/**
 * Quick fixes for the diagnostics of the checks: close a block, save and restore what the sudo
 * blocks change, stop a daemon, drop or add `sudo`, add the TFO line to REQUIRES.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import { commandKind } from '../catalogue/catalogue';
import type { Command, ScriptAst } from '../syntax/ast';
import { ScriptLines } from '../syntax/lines';
import { classifyBetweenCommands, dispatch, parseScript } from '../syntax/parser';
import { analyseSudo } from '../sudo/sudoAnalysis';
import { restoreEdits } from './restoreEdits';
import { appendCommands, insertLines } from './scriptEdits';

export interface CodeActionContext {
  /** The script folder's REQUIRES: its URI, and its text (undefined when it does not exist). */
  requires?: { uri: string; text?: string };
}

const RESTORE_CODES = new Set(['change-never-undone', 'undo-restores-fixed-value', 'undo-only-at-end']);

export function codeActions(uri: string, text: string, diagnostics: Diagnostic[], context: CodeActionContext = {}): CodeAction[] {
  const lines = new ScriptLines(text);
  const ast = parseScript(lines);
  const actions: CodeAction[] = [];
  const restoreFor = diagnostics.filter((d) => RESTORE_CODES.has(String(d.code)));
  if (restoreFor.length) {
    const { edits, watchdog } = restoreEdits(ast, lines, analyseSudo(ast, lines), testNumberOf(uri));
    const title = `Save and restore every change the sudo blocks leave behind${watchdog ? ', with a watchdog in case the run stops early' : ''}`;
    if (edits.length) actions.push(fix(title, uri, edits, restoreFor, true));
  }
  for (const d of diagnostics) {
    const line = lines.lineAt(d.range.start);
    const command = ast.commands.find((c) => (c.returnCode?.line ?? c.line) <= line && line <= c.lastLine);
    switch (d.code) {
      case 'block-runs-to-eof': case 'block-ends-at-eof': case 'sudo-perl-to-eof':
        if (command?.block) actions.push(fix('Insert the missing `****`', uri, [insertLines(lines, terminatorLineFor(command, lines), '****')], [d], d.code !== 'block-ends-at-eof'));
        break;
      case 'daemon-never-stopped':
        if (command) actions.push(fix('Insert `killdaemon`', uri, [killdaemonEdit(ast, command, lines)], [d], true));
        break;
      case 'sudo-refused':
        if (command) actions.push(dropSudo(uri, command, lines, d));
        break;
      case 'sudo-required':
        if (command) actions.push(fix('Add `sudo`', uri, [{ range: { start: lines.position(command.line, 0), end: lines.position(command.line, 0) }, newText: 'sudo ' }], [d], true));
        break;
      case 'tfo-not-required':
        if (context.requires) actions.push(addRequirement(context.requires, 'support TCP_Fast_Open', d));
        break;
    }
  }
  return actions;
}

/** The test number of a script named `NNNN`; runtest's `TESTNUM` token otherwise. */
function testNumberOf(uri: string): string {
  return /(?:^|[/\\])(\d{4})$/.exec(uri)?.[1] ?? 'TESTNUM';
}

function fix(title: string, uri: string, edits: TextEdit[], diagnostics: Diagnostic[], isPreferred: boolean): CodeAction {
  return { title, kind: CodeActionKind.QuickFix, diagnostics, isPreferred, edit: { changes: { [uri]: edits } } };
}

/** Before the first block line that runtest would otherwise take as a command, and the comments leading to it. */
function terminatorLineFor(command: Command, lines: ScriptLines): number {
  const block = command.block!;
  for (let i = block.firstLine; i < block.endLine; i++) {
    const text = lines.lines[i];
    const skipped = classifyBetweenCommands(text, i);
    const commandLike = skipped?.kind === 'flag' || skipped?.kind === 'need' || (!skipped && dispatch(text.replace(/[\t\n\v\f\r ]+$/, '')) !== undefined);
    if (!commandLike) continue;
    let at = i;
    while (at > block.firstLine && /^(#|\s*$)/.test(lines.lines[at - 1])) at--;
    return at;
  }
  return block.endLine;
}

function killdaemonEdit(ast: ScriptAst, daemon: Command, lines: ScriptLines): TextEdit {
  const next = ast.commands.find((c) => c.line > daemon.line && ((c.exim && (c.exim.daemon || c.exim.waitMode)) || c.kind === 'background'));
  return next ? insertLines(lines, next.returnCode?.line ?? next.line, 'killdaemon') : appendCommands(ast, lines, 'killdaemon');
}

function dropSudo(uri: string, command: Command, lines: ScriptLines, d: Diagnostic): CodeAction {
  const m = /^sudo\s+(?:-u\s+\S+\s+)?/.exec(command.text)!;
  const rest = command.text.slice(m[0].length);
  const word = rest.split(/\s+/)[0];
  if (commandKind(word)) {
    const range = { start: lines.position(command.line, 0), end: lines.position(command.line, m[0].length) };
    return fix(`Drop \`sudo\`: runtest runs \`${word}\` only as the calling user`, uri, [{ range, newText: '' }], [d], true);
  }
  const perl = rest.replace(/[\\"$@]/g, (c) => `\\${c}`);
  const range = lines.span(command.line, command.lastLine);
  return fix(`Run it as root inside a \`sudo perl\` block`, uri, [{ range, newText: `sudo perl\nsystem("${perl}");\n****` }], [d], true);
}

function addRequirement(requires: { uri: string; text?: string }, line: string, d: Diagnostic): CodeAction {
  const title = `Add \`${line}\` to REQUIRES`;
  if (requires.text === undefined) {
    const edit: WorkspaceEdit = { documentChanges: [
      { kind: 'create', uri: requires.uri, options: { ignoreIfExists: true } },
      { textDocument: { uri: requires.uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `${line}\n` }] },
    ] };
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit };
  }
  const edit = insertLines(new ScriptLines(requires.text), Number.MAX_SAFE_INTEGER, line);
  return { title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: { changes: { [requires.uri]: [edit] } } };
}
