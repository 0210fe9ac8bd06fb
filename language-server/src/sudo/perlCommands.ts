/**
 * The system commands a Perl program runs: `system(…)`/`exec(…)` in their string and list forms,
 * backticks and `qx`, `open(FH, "-|", …)` pipes, and plain Perl writes to files
 * (`open(my $f, '>', '/proc/sys/…'); print $f 1`). Each keeps where it is, and which side of an
 * `if (/^FreeBSD/) {…} else {…}` test on `uname -s` it sits on.
 */
import { tokenizePerl, type PerlString, type PerlToken } from './perlTokens';

/** A recovered piece of text with the source offset of each character. */
export interface Piece {
  text: string;
  offsets: number[];
  /** Holds a Perl variable, so its value is known only when it runs. */
  dynamic: boolean;
}

/** `{ os: 'FreeBSD', negated: false }` inside `if (/^FreeBSD/) {…}`; negated in its `else`. */
export interface Platform {
  os: string;
  negated: boolean;
}

export interface RecoveredCommand {
  via: 'system' | 'exec' | 'backticks' | 'open-pipe' | 'perl-write' | 'perl-read';
  /** One string for the shell (`system("a && b")`, backticks, a piped open). */
  shell?: Piece;
  /** A list run without a shell (`system("tc", "qdisc", …)`). */
  argv?: Piece[];
  /** A Perl file write or read: the path, and for a write the value printed. */
  file?: { path: Piece; value?: Piece };
  /** The whole Perl statement, `system(…);` included, as offsets into the block text. */
  from: number;
  to: number;
  platform?: Platform;
}

const OS_NAMES = /\b(FreeBSD|Linux|Darwin|OpenBSD|NetBSD|SunOS|Solaris)\b/i;

export function recoverCommands(src: string): RecoveredCommand[] {
  const tokens = tokenizePerl(src);
  const found: RecoveredCommand[] = [];
  const stack: { platform?: Platform; condition?: Platform }[] = [];
  const handles = new Map<string, Piece>();
  let pendingCondition: Platform | undefined;
  let lastClosedCondition: Platform | undefined;
  const platform = () => stack.length ? stack[stack.length - 1].platform : undefined;

  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.type === 'punct' && t.text === '{') {
      stack.push({ platform: pendingCondition ?? platform(), condition: pendingCondition });
      pendingCondition = undefined;
      continue;
    }
    if (t.type === 'punct' && t.text === '}') {
      lastClosedCondition = stack.pop()?.condition;
      continue;
    }
    if (t.type === 'word' && (t.text === 'if' || t.text === 'unless' || t.text === 'elsif') && tokens[k + 1]?.text === '(') {
      const close = matching(tokens, k + 1);
      const condition = tokens.slice(k + 2, close).map((c) => c.text).join(' ');
      const os = OS_NAMES.exec(condition);
      const negated = (t.text === 'unless') !== (/!~|^!/.test(condition));
      pendingCondition = os ? { os: canonicalOs(os[1]), negated } : undefined;
      k = close;
      continue;
    }
    if (t.type === 'word' && t.text === 'else' && tokens[k + 1]?.text === '{') {
      pendingCondition = lastClosedCondition ? { ...lastClosedCondition, negated: !lastClosedCondition.negated } : undefined;
      continue;
    }
    if (t.type === 'command') {
      found.push({ via: 'backticks', shell: pieceOfString(t.string!), from: t.from, to: t.to, platform: platform() });
      continue;
    }
    if (t.type !== 'word' || tokens[k - 1]?.text === '->' || tokens[k - 1]?.text === '&') continue;
    if (t.text === 'system' || t.text === 'exec') {
      const call = readCall(tokens, k, src);
      const command: RecoveredCommand = { via: t.text, from: t.from, to: call.statementEnd, platform: platform() };
      if (call.args.length === 1) command.shell = call.args[0];
      else if (call.args.length > 1) command.argv = call.args;
      if (call.args.length) found.push(command);
      k = call.lastToken;
    } else if (t.text === 'open') {
      const call = readCall(tokens, k, src);
      k = call.lastToken;
      const opened = readOpen(call.args, call.handle);
      if (!opened) continue;
      const base = { from: t.from, to: call.statementEnd, platform: platform() };
      if (opened.pipe) found.push({ via: 'open-pipe', ...base, ...opened.pipe });
      else if (opened.write && call.handle) handles.set(call.handle, opened.write);
      else if (opened.read) found.push({ via: 'perl-read', ...base, file: { path: opened.read } });
    } else if (t.text === 'print' || t.text === 'printf') {
      const call = readCall(tokens, k, src, true);
      k = call.lastToken;
      const path = call.handle !== undefined ? handles.get(call.handle) : undefined;
      if (path) found.push({ via: 'perl-write', file: { path, value: call.args[0] }, from: t.from, to: call.statementEnd, platform: platform() });
    }
  }
  return found;
}

function canonicalOs(name: string): string {
  return OS_NAMES.exec(name)![1].replace(/^freebsd$/i, 'FreeBSD').replace(/^linux$/i, 'Linux');
}

/** The index of the bracket that closes the one at `open`. */
export function matching(tokens: PerlToken[], open: number): number {
  const opener = tokens[open].text;
  const closer = opener === '(' ? ')' : opener === '[' ? ']' : '}';
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    if (tokens[k].text === opener) depth++;
    else if (tokens[k].text === closer && --depth === 0) return k;
  }
  return tokens.length - 1;
}

interface Call {
  args: Piece[];
  /** `print FH …`, `open(FH, …)`: the filehandle word or variable. */
  handle?: string;
  lastToken: number;
  statementEnd: number;
}

const ENDS_ARGS = new Set(['or', 'and', 'if', 'unless', '||', '&&', '==', '!=']);

/** The arguments of `name(…)` or `name …;`, split at top-level commas. */
function readCall(tokens: PerlToken[], at: number, src: string, printLike = false): Call {
  let k = at + 1;
  let end: number;
  if (tokens[k]?.text === '(') {
    end = matching(tokens, k);
    k++;
  } else {
    end = k;
    while (end < tokens.length && tokens[end].text !== ';' && tokens[end].text !== '}' && !ENDS_ARGS.has(tokens[end].text)) end++;
  }
  const argTokens = tokens.slice(k, end);
  let handle: string | undefined;
  let rest = argTokens;
  if (printLike) {
    // `print FH "x"` / `print $fh "x"` / `print {$fh} "x"`: a handle is not followed by a comma.
    const h = rest[0]?.text === '{' ? rest[1] : rest[0];
    const after = rest[0]?.text === '{' ? rest[3] : rest[1];
    if (h && (h.type === 'word' || h.type === 'variable') && after && after.text !== ',' && after.type !== 'punct') {
      handle = h.text;
      rest = rest.slice(rest[0].text === '{' ? 3 : 1);
    }
  } else {
    const first = splitArgs(argTokens)[0] ?? [];
    const h = first[first.length - 1];
    if (h && (h.type === 'word' || h.type === 'variable')) handle = h.text.replace(/^\*/, '');
  }
  let statementEnd = (tokens[end] ?? tokens[tokens.length - 1])?.to ?? src.length;
  let s = end;
  if (tokens[end]?.text === ')') s = end + 1;
  while (s < tokens.length && tokens[s].text !== ';' && tokens[s].text !== '}' && tokens[s].text !== '{') s++;
  if (tokens[s]?.text === ';') statementEnd = tokens[s].to;
  else if (tokens[end]?.text !== ')') statementEnd = tokens[end - 1]?.to ?? statementEnd;
  const args = splitArgs(rest).map((arg) => pieceOf(arg, src));
  return { args, handle, lastToken: Math.max(at, tokens[s]?.text === ';' ? s : end - 1), statementEnd };
}

function splitArgs(tokens: PerlToken[]): PerlToken[][] {
  const args: PerlToken[][] = [];
  let current: PerlToken[] = [];
  let depth = 0;
  for (const t of tokens) {
    if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
    if (t.text === ')' || t.text === ']' || t.text === '}') depth--;
    if (depth === 0 && (t.text === ',' || t.text === '=>')) {
      args.push(current);
      current = [];
      continue;
    }
    current.push(t);
  }
  if (current.length) args.push(current);
  return args;
}

/** A string literal as it is; concatenations and variables as their source text, marked dynamic. */
function pieceOf(tokens: PerlToken[], src: string): Piece {
  if (tokens.length === 1 && tokens[0].type === 'string') return pieceOfString(tokens[0].string!);
  if (tokens.length === 1 && tokens[0].type === 'number') return plainPiece(tokens[0], src, false);
  const from = tokens[0]?.from ?? 0;
  const to = tokens[tokens.length - 1]?.to ?? from;
  return { text: src.slice(from, to), offsets: Array.from({ length: to - from + 1 }, (_, i) => from + i), dynamic: true };
}

function plainPiece(t: PerlToken, src: string, dynamic: boolean): Piece {
  return { text: src.slice(t.from, t.to), offsets: Array.from({ length: t.to - t.from + 1 }, (_, i) => t.from + i), dynamic };
}

function pieceOfString(s: PerlString): Piece {
  return { text: s.value, offsets: s.offsets, dynamic: s.hasVariables };
}

interface Opened {
  pipe?: { shell?: Piece; argv?: Piece[] };
  write?: Piece;
  read?: Piece;
}

const TWO_ARG = /^(\s*)(\+?>>?|\+?<|\|)?(\s*)(.*?)(\s*)(\|)?\s*$/s;

function readOpen(args: Piece[], handle: string | undefined): Opened | undefined {
  if (!handle || args.length < 2) return undefined;
  if (args.length >= 3) {
    const mode = args[1].text.trim();
    const rest = args.slice(2);
    if (mode === '-|' || mode === '|-') return { pipe: rest.length === 1 ? { shell: rest[0] } : { argv: rest } };
    if (/^\+?>/.test(mode) || mode === '+<') return { write: rest[0] };
    if (mode === '<') return { read: rest[0] };
    return undefined;
  }
  const spec = args[1];
  const m = TWO_ARG.exec(spec.text);
  if (!m) return undefined;
  const start = m[1].length + (m[2]?.length ?? 0) + m[3].length;
  const inner: Piece = { text: m[4], offsets: spec.offsets.slice(start, start + m[4].length + 1), dynamic: spec.dynamic };
  if (m[2] === '|' || m[6] === '|') return { pipe: { shell: inner } };
  if (m[2] && m[2] !== '<' && m[2] !== '+<') return { write: inner };
  return { read: inner };
}
