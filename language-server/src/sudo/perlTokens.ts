/**
 * Just enough of Perl's lexer to find the system commands in a `sudo perl` block: string
 * literals (with the source offset of every decoded character), backticks and `qx`, regex
 * literals (so `/^FreeBSD/` is not read as division), words, variables and punctuation.
 * Offsets are into the block's text (its lines joined with `\n`).
 */

export interface PerlString {
  /** The decoded value (escapes resolved, no interpolation). */
  value: string;
  /** Source offset of each decoded character, plus one past the last. */
  offsets: number[];
  /** Double-quoted, backtick or qq/qx: `$x` and `@x` would be interpolated. */
  interpolates: boolean;
  /** It interpolates and holds an unescaped `$name` or `@name`: its value is known only at run time. */
  hasVariables: boolean;
}

export type PerlTokenType = 'word' | 'variable' | 'number' | 'string' | 'command' | 'regex' | 'punct';

export interface PerlToken {
  type: PerlTokenType;
  text: string;
  from: number;
  to: number;
  /** For `string` (quoted text) and `command` (backticks, qx). */
  string?: PerlString;
}

const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };
/** After these, a `/` starts a regex rather than a division. */
const REGEX_AFTER = new Set(['(', ',', '=~', '!~', '{', '}', ';', '!', '&&', '||', '=', 'and', 'or', 'not', 'if', 'unless', 'elsif', 'split', 'grep', 'return']);

export function tokenizePerl(src: string): PerlToken[] {
  const tokens: PerlToken[] = [];
  let i = 0;
  const last = () => tokens[tokens.length - 1];
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '#') { while (i < src.length && src[i] !== '\n') i++; continue; }
    const start = i;
    if (c === '"' || c === "'" || c === '`') {
      const { str, end } = readQuoted(src, i + 1, c, c !== "'");
      tokens.push({ type: c === '`' ? 'command' : 'string', text: src.slice(start, end), from: start, to: end, string: str });
      i = end;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < src.length && /[\w:]/.test(src[j])) j++;
      const word = src.slice(i, j);
      const quoteLike = /^(q|qq|qx|qw)$/.test(word) ? quoteDelimiter(src, j) : undefined;
      if (quoteLike !== undefined) {
        const open = src[quoteLike];
        const close = CLOSERS[open] ?? open;
        const { str, end } = readQuoted(src, quoteLike + 1, close, word !== 'q' && word !== 'qw', open !== close ? open : undefined);
        tokens.push({ type: word === 'qx' ? 'command' : 'string', text: src.slice(start, end), from: start, to: end, string: str });
        i = end;
        continue;
      }
      tokens.push({ type: 'word', text: word, from: i, to: j });
      i = j;
      continue;
    }
    if ((c === '$' || c === '@' || c === '%') && i + 1 < src.length && /[\w:#{$_!]/.test(src[i + 1])) {
      let j = i + 1;
      if (src[j] === '#') j++;
      if (/[\w:]/.test(src[j] ?? '')) while (j < src.length && /[\w:]/.test(src[j])) j++;
      else j++;
      tokens.push({ type: 'variable', text: src.slice(i, j), from: i, to: j });
      i = j;
      continue;
    }
    if (/\d/.test(c)) {
      let j = i;
      while (j < src.length && /[\w.]/.test(src[j])) j++;
      tokens.push({ type: 'number', text: src.slice(i, j), from: i, to: j });
      i = j;
      continue;
    }
    if (c === '/' && (tokens.length === 0 || REGEX_AFTER.has(last().text))) {
      const { end } = readQuoted(src, i + 1, '/', false);
      let j = end;
      while (j < src.length && /[a-z]/.test(src[j])) j++;
      tokens.push({ type: 'regex', text: src.slice(i, j), from: i, to: j });
      i = j;
      continue;
    }
    const two = src.slice(i, i + 2);
    const op = ['=~', '!~', '&&', '||', '=>', '->', '==', '!=', '<=', '>='].includes(two) ? two : c;
    tokens.push({ type: 'punct', text: op, from: i, to: i + op.length });
    i += op.length;
  }
  return tokens;
}

/** The offset of a quote-like operator's opening delimiter, or undefined if `q…` is a plain word. */
function quoteDelimiter(src: string, at: number): number | undefined {
  let j = at;
  while (j < src.length && (src[j] === ' ' || src[j] === '\t')) j++;
  const d = src[j];
  if (d === undefined || /[\w\s,;=)]/.test(d)) return undefined;
  if (d === '#' && j !== at) return undefined;
  return j;
}

function readQuoted(src: string, from: number, close: string, interpolates: boolean, open?: string): { str: PerlString; end: number } {
  let value = '';
  const offsets: number[] = [];
  let depth = 0;
  let hasVariables = false;
  let i = from;
  for (; i < src.length; i++) {
    const c = src[i];
    if (c === '\\' && i + 1 < src.length) {
      const next = src[i + 1];
      const decoded = interpolates ? escapeValue(next) : next === '\\' || next === close || next === open ? next : `\\${next}`;
      for (const ch of decoded) { value += ch; offsets.push(i); }
      i++;
      continue;
    }
    if (interpolates && (c === '$' || c === '@') && /[\w{:]/.test(src[i + 1] ?? '')) hasVariables = true;
    if (open !== undefined && c === open) depth++;
    else if (c === close) {
      if (depth === 0) break;
      depth--;
    }
    value += c;
    offsets.push(i);
  }
  offsets.push(i);
  return { str: { value, offsets, interpolates, hasVariables }, end: Math.min(src.length, i + 1) };
}

function escapeValue(ch: string): string {
  switch (ch) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case '0': return '\0';
    default: return ch;
  }
}
