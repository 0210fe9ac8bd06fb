/**
 * A REQUIRES file as runtest reads it: one directive a line, blank lines skipped, trailing
 * whitespace stripped, the keyword anchored in column 1 and followed by exactly one space.
 * There are no comments.
 */
import { requiresDirectives, type RequiresDirective } from '../catalogue/catalogue';
import { ScriptLines } from './lines';
import { stripTrailingSpace } from './perlRegex';

export interface RequiresLine {
  line: number;
  text: string;
  directive?: RequiresDirective;
  argument?: string;
  /** Column where the argument starts. */
  argumentStart?: number;
}

export interface RequiresAst {
  lines: RequiresLine[];
}

// Longest keyword first, so `not feature` is not read as an unknown `not`.
const byLength = [...requiresDirectives].sort((a, b) => b.keyword.length - a.keyword.length);

export function parseRequires(input: string | ScriptLines): RequiresAst {
  const lines = typeof input === 'string' ? new ScriptLines(input) : input;
  const result: RequiresAst = { lines: [] };
  for (let i = 0; i < lines.count; i++) {
    const text = stripTrailingSpace(lines.lines[i]);
    if (text.length === 0) continue;
    const entry: RequiresLine = { line: i, text };
    for (const directive of byLength) {
      if (directive.argument === undefined ? text === directive.keyword : text.startsWith(directive.keyword + ' ')) {
        entry.directive = directive;
        if (directive.argument !== undefined) {
          entry.argumentStart = directive.keyword.length + 1;
          entry.argument = text.slice(entry.argumentStart);
        }
        break;
      }
    }
    result.lines.push(entry);
  }
  return result;
}
