/**
 * Splits a `/bin/sh -c` string into simple commands: words (quotes removed, with their place in
 * the string), redirections, and how each command is joined to the one before (`;`, `&&`, `||`,
 * `|`). A `[ … ]`/`test` before `&&` becomes the guard of the command it protects.
 */

export interface ShellWord {
  text: string;
  /** Index range in the shell string. */
  from: number;
  to: number;
  /** Holds `$…` or a backtick: its value is known only when it runs. */
  dynamic: boolean;
}

export interface Redirect {
  op: '>' | '>>' | '<' | '>&' | '<&';
  fd?: number;
  target: ShellWord;
}

export interface SimpleCommand {
  words: ShellWord[];
  redirects: Redirect[];
  from: number;
  to: number;
  /** How it joins the command before it. */
  joinedBy?: ';' | '&&' | '||' | '|' | '&';
  /** `[ -e X ] && cmd`: the test that must succeed first. */
  guard?: SimpleCommand;
}

type Token = { kind: 'word'; word: ShellWord } | { kind: 'op'; op: string; from: number; to: number };

export function splitShell(text: string): SimpleCommand[] {
  const commands: SimpleCommand[] = [];
  let current: SimpleCommand | undefined;
  let joinedBy: SimpleCommand['joinedBy'];
  const tokens = tokenizeShell(text);
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind === 'op' && [';', '&&', '||', '|', '&', '\n'].includes(t.op)) {
      if (current) commands.push(current);
      current = undefined;
      joinedBy = t.op === '\n' ? ';' : t.op as SimpleCommand['joinedBy'];
      continue;
    }
    if (!current) {
      const start = t.kind === 'word' ? t.word.from : t.from;
      current = { words: [], redirects: [], from: start, to: start, joinedBy };
      const before = commands[commands.length - 1];
      if (joinedBy === '&&' && before && isTest(before)) current.guard = before;
    }
    if (t.kind === 'op') {
      const m = /^(\d*)(>>|>&|<&|>|<)$/.exec(t.op);
      const target = tokens[k + 1];
      if (m && target?.kind === 'word') {
        current.redirects.push({ op: m[2] as Redirect['op'], fd: m[1] ? Number(m[1]) : undefined, target: target.word });
        current.to = target.word.to;
        k++;
      }
      continue;
    }
    current.words.push(t.word);
    current.to = t.word.to;
  }
  if (current) commands.push(current);
  return commands;
}

export function isTest(command: SimpleCommand): boolean {
  const first = command.words[0]?.text;
  return first === '[' || first === 'test' || first === '[[';
}

function tokenizeShell(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t') { i++; continue; }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) { while (i < text.length && text[i] !== '\n') i++; continue; }
    const op = /^(?:\d*(?:>>|>&|<&|>|<)|&&|\|\||[;&|\n])/.exec(text.slice(i));
    if (op && !(/^\d/.test(op[0]) && i > 0 && !/\s/.test(text[i - 1]))) {
      tokens.push({ kind: 'op', op: op[0], from: i, to: i + op[0].length });
      i += op[0].length;
      continue;
    }
    const word = readWord(text, i);
    tokens.push({ kind: 'word', word });
    i = word.to;
  }
  return tokens;
}

function readWord(text: string, from: number): ShellWord {
  let value = '';
  let dynamic = false;
  let i = from;
  while (i < text.length && !/[\s;&|<>]/.test(text[i])) {
    const c = text[i];
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      const stop = end < 0 ? text.length : end;
      value += text.slice(i + 1, stop);
      i = stop + 1;
    } else if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length) { value += text[i + 1]; i += 2; continue; }
        if (text[i] === '$' || text[i] === '`') {
          dynamic = true;
          const end = skipSubstitution(text, i);
          value += text.slice(i, end);
          i = end;
          continue;
        }
        value += text[i++];
      }
      i++;
    } else if (c === '\\' && i + 1 < text.length) {
      value += text[i + 1];
      i += 2;
    } else if (c === '$' || c === '`') {
      dynamic = true;
      const end = skipSubstitution(text, i);
      value += text.slice(i, end);
      i = end;
    } else {
      value += c;
      i++;
    }
  }
  return { text: value, from, to: Math.min(i, text.length), dynamic };
}

/** The end of `$(…)`, `${…}`, `` `…` `` or `$name` starting at `at`. */
function skipSubstitution(text: string, at: number): number {
  if (text[at] === '`') {
    const end = text.indexOf('`', at + 1);
    return end < 0 ? text.length : end + 1;
  }
  const open = text[at + 1];
  if (open === '(' || open === '{') {
    const close = open === '(' ? ')' : '}';
    let depth = 0;
    for (let i = at + 1; i < text.length; i++) {
      if (text[i] === open) depth++;
      else if (text[i] === close && --depth === 0) return i + 1;
    }
    return text.length;
  }
  let i = at + 1;
  while (i < text.length && /\w/.test(text[i])) i++;
  return Math.max(i, at + 1);
}
