/**
 * The TextMate grammar against Exim's real scripts (../shared/corpus): wherever the exact parser
 * finds a command, the grammar scopes that line as the same command; blocks end where runtest's
 * blocks end; nothing runtest accepts is marked invalid; and Perl in `sudo perl` blocks is Perl.
 */
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { IGrammar } from 'vscode-textmate';
import { decodeScriptBytes, ScriptLines } from '../../language-server/src/syntax/lines';
import type { ScriptAst } from '../../language-server/src/syntax/ast';
import { parseScript } from '../../language-server/src/syntax/parser';
import { storedSymlinkTarget } from '../../language-server/src/testTree';
import { sharedDir } from '../support/paths';
import { commandWords, describeTokens, hasScope, loadGrammar, startsCommand, tokenizeLines, type Token } from '../unit/syntaxes/textmate';

interface Script { rel: string; lines: string[]; ast: ScriptAst }

async function corpusScripts(): Promise<Script[]> {
  const root = sharedDir('corpus', 'exim-test', 'scripts');
  const scripts: Script[] = [];
  for (const dir of (await fs.readdir(root)).sort()) {
    for (const name of (await fs.readdir(path.join(root, dir))).sort()) {
      if (!/^\d{4}$/.test(name)) continue;
      const full = path.join(root, dir, name);
      if (!(await fs.lstat(full)).isFile()) continue;
      const text = decodeScriptBytes(await fs.readFile(full));
      // Six scripts are symlinks, stored here as their target's name.
      if (storedSymlinkTarget(text) !== undefined) continue;
      const lines = new ScriptLines(text);
      scripts.push({ rel: `${dir}/${name}`, lines: lines.lines, ast: parseScript(lines) });
    }
  }
  return scripts;
}

/** The scope every data line of a kind's block carries. */
function bodyScope(kind: string): string {
  if (kind.startsWith('client')) return 'meta.block.client-script';
  if (kind === 'perl' || kind === 'sudo perl') return 'meta.embedded.block.perl';
  if (kind === 'server') return 'meta.block.server-script';
  if (kind === 'write' || kind === 'catwrite') return 'meta.block.file-content';
  if (kind === 'background') return 'comment.block.ignored';
  return 'meta.block.stdin';
}

class Mismatches {
  readonly all: string[] = [];
  add(script: Script, line: number, what: string, tokens: readonly Token[]): void {
    this.all.push(`${script.rel}:${line + 1} ${what}: ${JSON.stringify(script.lines[line])}\n      ${describeTokens(tokens)}`);
  }
  assertNone(what: string): void {
    if (this.all.length === 0) return;
    const shown = this.all.slice(0, 20).map((m) => `  ${m}`).join('\n');
    assert.fail(`${this.all.length} ${what}${this.all.length > 20 ? ' (first 20)' : ''}:\n${shown}`);
  }
}

describe('exim-test grammar over the Exim corpus', function () {
  this.timeout(120_000);
  let grammar: IGrammar;
  let scripts: Script[];
  const tokens = new Map<string, Token[][]>();

  before(async () => {
    [grammar, scripts] = await Promise.all([loadGrammar('source.exim-test'), corpusScripts()]);
    for (const script of scripts) tokens.set(script.rel, tokenizeLines(grammar, script.lines));
  });

  it('scopes every command the parser finds as that command', () => {
    const mismatches = new Mismatches();
    let commands = 0;
    for (const script of scripts) {
      const lines = tokens.get(script.rel)!;
      for (const command of script.ast.commands) {
        commands++;
        const line = lines[command.line];
        if (!startsCommand(line)) mismatches.add(script, command.line, `${command.kind} is not a command line`, line);
        else if (commandWords(line) !== command.kind) mismatches.add(script, command.line, `${command.kind} reads as "${commandWords(line)}"`, line);
      }
    }
    mismatches.assertNone('command lines the grammar does not scope as the parser reads them');
    assert.equal(scripts.length, 1069);
    assert.equal(commands, 6981);
  });

  it('keeps every block line in its block and ends each block at its terminator', () => {
    const mismatches = new Mismatches();
    for (const script of scripts) {
      const lines = tokens.get(script.rel)!;
      for (const command of script.ast.commands) {
        const block = command.block;
        if (!block) continue;
        const scope = bodyScope(command.kind);
        for (let i = block.firstLine; i < block.endLine; i++) {
          if (script.lines[i].length > 0 && !hasScope(lines[i][0], scope)) mismatches.add(script, i, `not in ${scope}`, lines[i]);
        }
        if (block.terminatorLine !== undefined && !hasScope(lines[block.terminatorLine][0], 'keyword.operator.terminator')) {
          mismatches.add(script, block.terminatorLine, 'terminator not scoped as one', lines[block.terminatorLine]);
        }
      }
    }
    mismatches.assertNone('block lines out of place');
  });

  it('scopes the lines between commands and marks nothing invalid', () => {
    const mismatches = new Mismatches();
    const expected = { comment: 'comment.line.number-sign', flag: 'keyword.other.flag', need: 'keyword.control.need' } as const;
    for (const script of scripts) {
      const lines = tokens.get(script.rel)!;
      if (!hasScope(lines[0][0], 'comment.line.number-sign.title')) mismatches.add(script, 0, 'title', lines[0]);
      for (const skipped of script.ast.skipped) {
        if (skipped.kind === 'blank') continue;
        if (!hasScope(lines[skipped.line][0], expected[skipped.kind])) mismatches.add(script, skipped.line, skipped.kind, lines[skipped.line]);
      }
      lines.forEach((line, i) => {
        if (line.some((t) => hasScope(t, 'invalid'))) mismatches.add(script, i, 'invalid', line);
      });
    }
    mismatches.assertNone('lines scoped wrongly');
  });

  it('tokenises the system calls in 1090\'s sudo perl blocks as Perl', () => {
    const script = scripts.find((s) => s.rel === '1090-TCP-Fast-Open/1090');
    assert.ok(script, '1090-TCP-Fast-Open/1090 is missing from the corpus');
    const lines = tokens.get(script.rel)!;
    const sudoPerl = script.ast.commands.filter((c) => c.kind === 'sudo perl');
    assert.equal(sudoPerl.length, 4);
    const mismatches = new Mismatches();
    let calls = 0;
    for (const command of sudoPerl) {
      for (let i = command.block!.firstLine; i < command.block!.endLine; i++) {
        for (const t of lines[i].filter((t) => t.text === 'system')) {
          calls++;
          if (!hasScope(t, 'source.perl') || !hasScope(t, 'support.function.perl')) mismatches.add(script, i, 'system is not Perl', lines[i]);
        }
      }
      const end = lines[command.block!.terminatorLine!];
      if (end.some((t) => hasScope(t, 'source.perl'))) mismatches.add(script, command.block!.terminatorLine!, '**** still in Perl', end);
    }
    mismatches.assertNone('Perl mismatches');
    assert.equal(calls, 8);
  });
});
