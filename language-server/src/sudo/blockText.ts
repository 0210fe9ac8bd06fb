/**
 * The Perl program of a `sudo perl` block as one string, and the way back from an offset in it
 * to runtest's line and column.
 */
import type { Command } from '../syntax/ast';
import type { ScriptLines } from '../syntax/lines';

/** A stretch of the script in runtest's numbering: `[line:from, endLine:to)`. */
export interface SourceSpan {
  line: number;
  from: number;
  endLine: number;
  to: number;
}

export class BlockText {
  readonly text: string;
  private readonly starts: number[] = [];

  constructor(readonly firstLine: number, lineTexts: readonly string[]) {
    let offset = 0;
    for (const line of lineTexts) {
      this.starts.push(offset);
      offset += line.length + 1;
    }
    this.text = lineTexts.join('\n');
  }

  static of(command: Command, lines: ScriptLines): BlockText {
    const block = command.block;
    if (!block) return new BlockText(command.lastLine + 1, []);
    return new BlockText(block.firstLine, lines.lines.slice(block.firstLine, block.endLine));
  }

  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return { line: this.firstLine + lo, column: offset - (this.starts[lo] ?? 0) };
  }

  span(from: number, to: number): SourceSpan {
    const start = this.at(from);
    const end = this.at(Math.max(from, to));
    return { line: start.line, from: start.column, endLine: end.line, to: end.column };
  }
}
