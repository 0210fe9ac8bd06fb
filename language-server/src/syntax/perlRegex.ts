/**
 * runtest matches byte strings without `unicode_strings`, so Perl's `\s` there is ASCII
 * whitespace only. JavaScript's `\s` also matches U+00A0 and friends, which a latin-1 byte 0xA0
 * becomes when we decode a script. Patterns copied from runtest go through this function.
 */
const PERL_SPACE = '[\\t\\n\\v\\f\\r ]';
const PERL_NON_SPACE = '[^\\t\\n\\v\\f\\r ]';

export function perlRegex(source: string, flags = ''): RegExp {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\' && i + 1 < source.length) {
      const next = source[i + 1];
      if (next === 's') { out += PERL_SPACE; i++; continue; }
      if (next === 'S') { out += PERL_NON_SPACE; i++; continue; }
      out += ch + next;
      i++;
      continue;
    }
    out += ch;
  }
  // Perl's `.` matches a CR; JavaScript's does not unless dotAll is on. Lines never hold a LF.
  return new RegExp(out, flags.includes('s') ? flags : flags + 's');
}

export function isPerlSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

/** Perl's `s/\s+$//`. */
export function stripTrailingSpace(text: string): string {
  let end = text.length;
  while (end > 0 && isPerlSpace(text.charCodeAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}
