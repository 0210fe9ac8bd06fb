/**
 * runtest reads a script with Perl's `<SCRIPT>`: lines end at LF only, and a CR stays part of
 * the line. LSP clients also break lines at a lone CR, so a script with a raw CR inside a data
 * line (Exim's 0072 has one) numbers its lines differently in the editor. `ScriptLines` keeps
 * runtest's numbering and converts to LSP positions.
 */
import type { Position, Range } from 'vscode-languageserver-types';

export class ScriptLines {
  readonly lines: string[];
  /** Whether the last line ends with a LF (Perl then still sees `\n` at its end). */
  readonly endsWithNewline: boolean;
  /** For each runtest line, the LSP line it starts on; undefined when both numberings agree. */
  private readonly lspLineOf?: Int32Array;

  constructor(readonly text: string) {
    const lines = text.split('\n');
    this.endsWithNewline = text.endsWith('\n');
    // A final LF does not start another line.
    if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    this.lines = lines;
    if (hasLoneCarriageReturn(text)) {
      const map = new Int32Array(lines.length);
      let lsp = 0;
      for (let i = 0; i < lines.length; i++) {
        map[i] = lsp;
        lsp += 1 + countLoneCarriageReturns(lines[i]);
      }
      this.lspLineOf = map;
    }
  }

  /** The line as Perl's `<SCRIPT>` returns it, LF included, for regexes that can see it. */
  withNewline(line: number): string {
    return line < this.lines.length - 1 || this.endsWithNewline ? this.lines[line] + '\n' : this.lines[line];
  }

  get count(): number {
    return this.lines.length === 1 && this.lines[0] === '' && this.text === '' ? 0 : this.lines.length;
  }

  position(line: number, character: number): Position {
    if (!this.lspLineOf) return { line, character };
    const text = this.lines[line] ?? '';
    let lspLine = this.lspLineOf[line] ?? line;
    let start = 0;
    for (let i = 0; i < character && i < text.length; i++) {
      if (text.charCodeAt(i) === 13 && i + 1 < text.length) {
        lspLine++;
        start = i + 1;
      }
    }
    return { line: lspLine, character: character - start };
  }

  /** The range of a whole line, or of `[from, to)` within it. */
  lineRange(line: number, from = 0, to?: number): Range {
    const text = this.lines[line] ?? '';
    let end = to ?? text.length;
    if (to === undefined && text.endsWith('\r')) end--;
    return { start: this.position(line, from), end: this.position(line, Math.max(from, end)) };
  }

  /** From the start of `first` to the end of `last`. */
  span(first: number, last: number): Range {
    return { start: this.position(first, 0), end: this.lineRange(last).end };
  }

  /** The runtest line that holds an LSP position. */
  lineAt(position: Position): number {
    if (!this.lspLineOf) return position.line;
    const map = this.lspLineOf;
    let lo = 0;
    let hi = map.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (map[mid] <= position.line) lo = mid; else hi = mid - 1;
    }
    return lo;
  }
}

function hasLoneCarriageReturn(text: string): boolean {
  let at = text.indexOf('\r');
  while (at !== -1) {
    if (at + 1 < text.length && text.charCodeAt(at + 1) !== 10) return true;
    at = text.indexOf('\r', at + 1);
  }
  return false;
}

function countLoneCarriageReturns(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length - 1; i++) if (line.charCodeAt(i) === 13) n++;
  return n;
}

/** Bytes as runtest sees them: one character per byte, so nothing can fail to decode. */
export function decodeScriptBytes(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}
