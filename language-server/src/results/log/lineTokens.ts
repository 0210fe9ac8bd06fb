// Splitting the body of a log line into elements. Exim separates elements by single spaces;
// a value in double quotes (C="…", T="…", DN="…") may contain spaces, and inside it Exim
// writes `\"` and `\\` (deliver.c: "quote \ and \"").

export interface LineToken {
  text: string;
  /** Offset of the token in the string that was split. */
  start: number;
}

export function splitLogTokens(text: string): LineToken[] {
  const tokens: LineToken[] = [];
  let index = 0;
  while (index < text.length) {
    while (index < text.length && isSpace(text.charCodeAt(index))) index++;
    if (index >= text.length) break;
    const start = index;
    index = indexOutsideQuotes(text, start, (at) => isSpace(text.charCodeAt(at)));
    tokens.push({ text: text.slice(start, index), start });
  }
  return tokens;
}

/** `"a \"b\""` → `a "b"`; a value without surrounding quotes is returned as it is. */
export function unquoteLogValue(value: string): string {
  if (value.length < 2 || !value.startsWith('"') || !value.endsWith('"') || endsWithEscape(value)) {
    return value;
  }
  let result = '';
  for (let index = 1; index < value.length - 1; index++) {
    const char = value[index];
    if (char === '\\' && index + 1 < value.length - 1) {
      index++;
      result += value[index];
    } else {
      result += char;
    }
  }
  return result;
}

/** Index of the first `: ` (or a final `:`) outside double quotes, or -1. */
export function findColonOutsideQuotes(text: string, from = 0): number {
  const colon = indexOutsideQuotes(
    text,
    from,
    (at) => text.charCodeAt(at) === COLON && (at + 1 === text.length || isSpace(text.charCodeAt(at + 1))),
  );
  return colon < text.length ? colon : -1;
}

/** The first index from `from` outside double quotes where `isStop` holds, else `text.length`. */
function indexOutsideQuotes(text: string, from: number, isStop: (index: number) => boolean): number {
  let inQuotes = false;
  for (let index = from; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inQuotes) {
      if (code === BACKSLASH) index++;
      else if (code === QUOTE) inQuotes = false;
    } else if (code === QUOTE) {
      inQuotes = true;
    } else if (isStop(index)) {
      return index;
    }
  }
  return text.length;
}

// `"…\"` was never closed: its last quote is escaped.
function endsWithEscape(value: string): boolean {
  let backslashes = 0;
  for (let index = value.length - 2; index > 0 && value[index] === '\\'; index--) backslashes++;
  return backslashes % 2 === 1;
}

const BACKSLASH = 0x5c;
const QUOTE = 0x22;
const COLON = 0x3a;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09;
}
