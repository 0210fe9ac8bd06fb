// runtest's command-line options (GetOptions, rt:3786–3810) as the extension offers them, and
// how option lists are merged. Getopt::Long matches case-insensitively, with `-` or `--`, and
// accepts any unambiguous prefix, so `-keep`, `--KEEP` and `-ke` are the same option.

export interface RuntestOption {
  /** As written on runtest's command line. */
  flag: string;
  description: string;
  /** Options that take a value: what to ask, and the allowed answers when they are fixed. */
  value?: { prompt: string; choices?: readonly string[]; pattern?: RegExp };
}

/** The options offered by "Run Test with Options…", in the order shown. */
export const runtestOptions: readonly RuntestOption[] = [
  { flag: '-KEEP', description: 'keep spool/, test-* and eximdir/ after the run (only the last test survives)' },
  { flag: '-CONTINUE', description: 'answer every prompt with c; failures go to failed-summary.log and run-summary.log' },
  { flag: '-DEBUG', description: 'print >> traces; progress lines stop using \\r' },
  { flag: '-DIFF', description: 'compare with diff -u instead of bin/cf -exact' },
  { flag: '-UPDATE', description: 'answer u at comparison prompts: overwrites the expected files' },
  { flag: '-FLAVOUR', description: 'suffix of the expected files to prefer (e.g. openssl_1_1_1)', value: { prompt: 'Flavour for the expected files', pattern: /^[A-Za-z0-9_.]+$/ } },
  { flag: '-NOIPV4', description: 'pretend the host has no IPv4 address' },
  { flag: '-NOIPV6', description: 'pretend the host has no IPv6 address' },
  { flag: '-FAIL-ANY', description: 'exit status = number of failed tests' },
  { flag: '-VALGRIND', description: 'run exim under valgrind' },
  { flag: '-TLS', description: 'cross-library TLS: the named library is the client', value: { prompt: 'TLS library for the client', choices: ['openssl', 'gnutls'] } },
  { flag: '-SLOW', description: 'sleep 1 s before comparing' },
  { flag: '-PORTBASE', description: 'move the port block PORT_N…PORT_D4 to N…N+5', value: { prompt: 'First port of the block', pattern: /^\d{1,5}$/ } },
];

/** runtest's option names that take a value (GetOptions `=s`/`=i`), for reading option lists. */
const takesValue = ['tls', 'portbase', 'flavour', 'flavor', 'range', 'test'];

/** Every name runtest's GetOptions knows, negations of `!` options included. */
const runtestOptionNames = ['debug', 'diff', 'continue', 'update', 'ipv4', 'noipv4', 'ipv6', 'noipv6', 'keep', 'slow',
  'tls', 'portbase', 'valgrind', 'range', 'test', 'fail-any', 'nofail-any', 'flavor', 'flavour', 'help', 'man'];

/**
 * `--Keep` and `-ke` → `keep`; `-flavour=x` → `flavour`; an ambiguous or unknown name is returned
 * lower-cased as written; not an option → undefined.
 */
export function optionName(arg: string): string | undefined {
  const match = /^--?([A-Za-z][A-Za-z0-9-]*)(?:=.*)?$/.exec(arg);
  if (!match) return undefined;
  const written = match[1].toLowerCase();
  const alias = (name: string): string => (name === 'flavor' ? 'flavour' : name);
  if (runtestOptionNames.includes(written)) return alias(written);
  const candidates = new Set(runtestOptionNames.filter((name) => name.startsWith(written)).map(alias));
  return candidates.size === 1 ? [...candidates][0] : written;
}

/**
 * Later lists win: an option already present (by name) is dropped from the earlier list together
 * with its value. Unknown entries are kept as they are; runtest itself rejects them (exit 2).
 */
export function mergeOptions(...lists: ReadonlyArray<readonly string[]>): string[] {
  const merged: string[][] = [];
  for (const list of lists) {
    for (const group of optionGroups(list)) {
      const name = optionName(group[0]);
      const existing = name === undefined ? -1 : merged.findIndex((g) => optionName(g[0]) === name && name !== 'test');
      if (existing >= 0) merged.splice(existing, 1);
      merged.push(group);
    }
  }
  return merged.flat();
}

/** Splits an option list into groups: an option followed by its value when it takes one. */
export function optionGroups(list: readonly string[]): string[][] {
  const groups: string[][] = [];
  for (let i = 0; i < list.length; i++) {
    const arg = list[i];
    const name = optionName(arg);
    const needsValue = name !== undefined && !arg.includes('=') && takesValue.includes(name);
    const count = needsValue ? (name === 'range' ? 2 : 1) : 0;
    groups.push(list.slice(i, i + 1 + count));
    i += count;
  }
  return groups;
}

export function hasOption(list: readonly string[], name: string): boolean {
  return optionGroups(list).some((group) => optionName(group[0]) === name);
}

/** The value of `-PORTBASE N` (or `-portbase=N`) in an option list. */
export function portbaseOf(list: readonly string[]): number | undefined {
  for (const group of optionGroups(list)) {
    if (optionName(group[0]) !== 'portbase') continue;
    const raw = group[0].includes('=') ? group[0].slice(group[0].indexOf('=') + 1) : group[1];
    const value = Number(raw);
    if (raw !== undefined && Number.isInteger(value) && value > 0 && value < 65531) return value;
  }
  return undefined;
}
