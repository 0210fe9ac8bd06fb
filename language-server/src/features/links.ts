/**
 * Links from a script to the files runtest pairs with it (confs/NNNN on each exim command;
 * log/stdout/stderr/NNNN on the title), to `DIR/aux-fixed/…` and `DIR/aux-var/…` files, and
 * go-to-definition from `-DNAME` macros, `-DSERVER=server`, TESTNUM and the title into the conf;
 * from a REQUIRES file to the folder's scripts.
 */
import * as path from 'node:path';
import type { DocumentLink, Location, Position, Range } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
import type { Command, ScriptAst } from '../syntax/ast';
import { decodeScriptBytes, type ScriptLines } from '../syntax/lines';
import { companionFiles, locateScript, storedSymlinkTarget } from '../testTree';
import type { Workspace } from '../workspace';

const AUX_PATH = /\bDIR\/(aux-fixed|aux-var)\/([^\s'"`;,()<>|*?]+)/g;

export async function documentLinks(filePath: string, ast: ScriptAst | undefined, lines: ScriptLines, workspace: Workspace): Promise<DocumentLink[]> {
  const location = locateScript(filePath);
  if (!ast || !location.testRoot || !location.testNumber) return [];
  const links: DocumentLink[] = [];
  const files = companionFiles(location.testRoot, location.testNumber);
  const conf = await confPath(location.testRoot, location.testNumber, workspace);
  if (conf) {
    for (const c of ast.commands) {
      const word = c.exim ? eximWord(c, lines) : undefined;
      if (word) links.push(link(word, conf, `Configuration: confs/${path.posix.basename(files.conf)}`));
    }
  }
  if (ast.hasTitle) {
    const expected: [string, string][] = [];
    for (const [key, label] of [['log', 'Expected main log'], ['stdout', 'Expected stdout'], ['stderr', 'Expected stderr']] as const) {
      if (await workspace.exists(files[key])) expected.push([files[key], `${label}: ${key}/${location.testNumber}`]);
    }
    titleRanges(lines, expected.length).forEach((range, i) => links.push(link(range, expected[i][0], expected[i][1])));
  }
  links.push(...await auxLinks(ast, lines, location.testRoot, location.testNumber, workspace));
  return links;
}

export async function definition(filePath: string, ast: ScriptAst | undefined, lines: ScriptLines, position: Position, workspace: Workspace): Promise<Location[]> {
  const location = locateScript(filePath);
  if (location.kind === 'requires') {
    const folder = path.posix.dirname(filePath);
    const names = (await workspace.listDir(folder)) ?? [];
    return names.filter((n) => /^\d{4}$/.test(n)).map((n) => ({ uri: fileUri(path.posix.join(folder, n)), range: startRange() }));
  }
  if (!ast || !location.testRoot || !location.testNumber) return [];
  const conf = await confPath(location.testRoot, location.testNumber, workspace);
  if (!conf) return [];
  const line = lines.lineAt(position);
  if (line === 0 && ast.hasTitle) return [{ uri: fileUri(conf), range: startRange() }];
  const text = lines.lines[line] ?? '';
  const word = wordAt(text, position.character);
  if (!word) return [];
  const macro = /^-D([A-Za-z_]\w*)/.exec(word)?.[1];
  if (macro) {
    const confText = decodeScriptBytes((await workspace.readFile(conf)) ?? new Uint8Array());
    const at = macroLine(confText, macro);
    return [{ uri: fileUri(conf), range: at === undefined ? startRange() : lineRange(confText, at) }];
  }
  if (word === 'TESTNUM' || word === location.testNumber) return [{ uri: fileUri(conf), range: startRange() }];
  return [];
}

/** confs/NNNN, or the conf a symlink stored as text names (`confs/4027` holding `4020`). */
async function confPath(testRoot: string, testNumber: string, workspace: Workspace): Promise<string | undefined> {
  const conf = companionFiles(testRoot, testNumber).conf;
  const bytes = await workspace.readFile(conf);
  if (!bytes) return undefined;
  const target = storedSymlinkTarget(decodeScriptBytes(bytes).trim());
  if (target && /^\d{4}$/.test(target)) {
    const linked = path.posix.join(testRoot, 'confs', target);
    if (await workspace.exists(linked)) return linked;
  }
  return conf;
}

/** The first line that defines or tests the macro: `NAME =`, `.ifdef NAME`, `.ifndef NAME`, `.if … NAME`. */
export function macroLine(confText: string, name: string): number | undefined {
  const lines = confText.split('\n');
  const defines = new RegExp(`^\\s*${name}\\s*==?`);
  const tests = new RegExp(`^\\s*\\.(?:ifn?def|if|elifn?def|elif)\\b.*\\b${name}\\b`);
  const uses = new RegExp(`\\b${name}\\b`);
  for (const pattern of [defines, tests, uses]) {
    const at = lines.findIndex((l) => pattern.test(l));
    if (at >= 0) return at;
  }
  return undefined;
}

function eximWord(command: Command, lines: ScriptLines): Range | undefined {
  const text = lines.lines[command.line];
  const m = /\bexim(_\S+)?(?=\s)/.exec(text);
  return m ? lines.lineRange(command.line, m.index, m.index + m[0].length) : undefined;
}

/** The title's words shared out between the links, the last taking the rest of the line. */
function titleRanges(lines: ScriptLines, count: number): Range[] {
  const title = lines.lines[0];
  const words = [...title.matchAll(/[^\s#]\S*/g)].map((m) => [m.index!, m.index! + m[0].length]);
  // Too few words: share out the characters instead.
  const pieces = words.length >= count ? words : Array.from({ length: Math.min(count, title.length) }, (_, i) => [i, i + 1]);
  return pieces.slice(0, count).map(([from, to], i) => lines.lineRange(0, from, i === count - 1 ? pieces[pieces.length - 1][1] : to));
}

async function auxLinks(ast: ScriptAst, lines: ScriptLines, testRoot: string, testNumber: string, workspace: Workspace): Promise<DocumentLink[]> {
  const links: DocumentLink[] = [];
  const auxVarBuilt = await workspace.exists(path.posix.join(testRoot, 'aux-var'));
  const seen = new Set<number>();
  for (const c of ast.commands) {
    const last = c.block ? c.block.endLine - 1 : c.lastLine;
    for (let line = c.line; line <= last; line++) {
      if (seen.has(line)) continue;
      seen.add(line);
      for (const m of (lines.lines[line] ?? '').matchAll(AUX_PATH)) {
        const rest = m[2].replace(/[.:]+$/, '').replace(/\bTESTNUM\b/g, testNumber);
        const folder = m[1] === 'aux-var' && !auxVarBuilt ? 'aux-var-src' : m[1];
        const target = path.posix.join(testRoot, folder, rest);
        if (!(await workspace.exists(target))) continue;
        const end = m.index! + 'DIR/'.length + m[1].length + 1 + m[2].replace(/[.:]+$/, '').length;
        links.push(link(lines.lineRange(line, m.index!, end), target, `${folder}/${rest}`));
      }
    }
  }
  return links;
}

function link(range: Range, target: string, tooltip: string): DocumentLink {
  return { range, target: fileUri(target), tooltip };
}

function fileUri(filePath: string): string {
  return URI.file(filePath).toString();
}

function startRange(): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

function lineRange(text: string, line: number): Range {
  return { start: { line, character: 0 }, end: { line, character: (text.split('\n')[line] ?? '').length } };
}

function wordAt(text: string, character: number): string | undefined {
  for (const m of text.matchAll(/\S+/g)) {
    if (m.index! <= character && character <= m.index! + m[0].length) return m[0];
  }
  return undefined;
}
