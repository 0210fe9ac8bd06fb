/**
 * The places between two commands where runtest can stop a test before it reaches the second:
 * a command whose failure stops the script at a prompt, and a `need_*` line that ends it.
 */
import type { Command, ScriptAst } from '../syntax/ast';
import type { ScriptLines } from '../syntax/lines';

export interface StopPoint {
  line: number;
  text: string;
  why: string;
}

/** Commands between two blocks whose failure stops the script at a prompt, and `need_*` lines. */
export function stopPoints(ast: ScriptAst, lines: ScriptLines, after: Pick<Command, 'line'>, before: Pick<Command, 'line'>): StopPoint[] {
  const stops: StopPoint[] = [];
  for (const c of ast.commands) {
    if (c.line <= after.line || c.line >= before.line) continue;
    const daemon = c.exim && (c.exim.daemon || c.exim.waitMode);
    // Perl ends with status 0 however its system() calls fare, unless it dies or exits.
    const quietPerl = (c.kind === 'perl' || c.kind === 'sudo perl') && !/\b(die|exit)\b/.test(lines.lines.slice(c.block?.firstLine ?? 0, c.block?.endLine ?? 0).join('\n'));
    if (c.entry?.rc === 'checked' && !daemon && !quietPerl) {
      stops.push({ line: c.line, text: c.text.length > 50 ? `${c.text.slice(0, 47)}…` : c.text, why: c.returnCode ? ', whose return code is checked' : c.exim ? ', whose exit status runtest checks' : '' });
    }
  }
  for (const s of ast.skipped) {
    if (s.kind === 'need' && s.line > after.line && s.line < before.line) {
      stops.push({ line: s.line, text: s.name!, why: ', which ends the script when unmet' });
    }
  }
  return stops.sort((a, b) => a.line - b.line);
}
