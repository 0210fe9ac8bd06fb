/**
 * The watchdog: a detached root process that a `sudo perl` block forks to put the machine back
 * when runtest stops a test before the script's own undo runs (q at a prompt, Ctrl-C, a runtest
 * error, an unmet need_*). The script's undo is an ordinary later command, so without it an
 * aborted run leaves e.g. a 50 ms netem delay on lo for every later test.
 *
 * How it knows: runtest runs each test with the process title `[runtest NNNN]` (`local $0` in
 * its test loop; sudo resets the environment, so EXIM_TEST_NUMBER is no use as root). The child
 * loops on `pgrep -f '^\[runtest NNNN\]'`; once runtest has moved on to another test or ended,
 * it undoes every change, with the old values read before the first change and kept in its own
 * memory (the DIR/test-saved-* files are gone once the next test starts). The script's own
 * undo stands it down afterwards (`pkill -f '^\[runtest NNNN watchdog\]'`), so a test that runs
 * to its end never races the next one; a second undo would be harmless anyway.
 *
 * This file writes that Perl, and recognises it (or a hand-written one of the same shape: a
 * forked child whose loop waits on pgrep for `[runtest NNNN]` and then runs the undos).
 */
import { matching, type RecoveredCommand } from './perlCommands';
import { tokenizePerl, type PerlToken } from './perlTokens';
import { sysctlNameOf } from './restorePlan';
import { splitShell } from './shellCommands';
import type { ChangeStory, Watchdog } from './sudoAnalysis';
import { isLinuxSysctl, procPathOfSysctl } from './systemChanges';

// ---------------------------------------------------------------------------------------------
// Recognition

/** Where a watchdog sits in a block's Perl text (offsets into it). */
export interface WatchdogRegion {
  /** The whole of it: the bare `{ … }` around the fork, or the fork statement to the child's end. */
  from: number;
  to: number;
  /** The `fork`: what comes before it (in the region) runs in the parent, e.g. reading old values. */
  forkAt: number;
  /** The child's branch. */
  childFrom: number;
  childTo: number;
  /** The end of the loop that waits for runtest; the child's commands after it are its undos. */
  waitEnd: number;
  /** `1090`, or `TESTNUM` (runtest substitutes it in perl blocks). */
  testNumber: string;
}

/** `^\[runtest 1090\]` as pgrep gets it (and as a Perl single-quoted string keeps it). */
const RUNTEST_TITLE = /\\?\[runtest (\d{4}|TESTNUM)\\?\]/;
const WATCHDOG_TITLE = /\\?\[runtest (\d{4}|TESTNUM) watchdog\\?\]/;

export function findWatchdogs(src: string, recovered: RecoveredCommand[]): WatchdogRegion[] {
  const tokens = tokenizePerl(src);
  const regions: WatchdogRegion[] = [];
  tokens.forEach((t, f) => {
    if (t.type !== 'word' || t.text !== 'fork' || tokens[f - 1]?.text === '->') return;
    const pid = tokens[f - 1]?.text === '=' && tokens[f - 2]?.type === 'variable' ? tokens[f - 2].text : undefined;
    if (!pid) return;
    const child = childBranch(tokens, f, pid);
    if (!child) return;
    const [open, close] = child;
    for (const r of recovered) {
      if (r.from <= tokens[open].from || r.from >= tokens[close].from) continue;
      const testNumber = runtestWaitedFor(r);
      const at = tokens.findIndex((x) => x.from === r.from);
      const end = testNumber !== undefined && at >= 0 ? loopEnd(tokens, at) : undefined;
      if (end === undefined) continue;
      const bare = enclosingBareBlock(tokens, f);
      const from = bare !== undefined ? tokens[bare].from : tokens[statementStart(tokens, f)].from;
      const to = bare !== undefined ? tokens[matching(tokens, bare)].to : tokens[close].to;
      regions.push({ from, to, forkAt: t.from, childFrom: tokens[open].from, childTo: tokens[close].to, waitEnd: tokens[end].to, testNumber: testNumber! });
      return;
    }
  });
  return regions;
}

/** The test number whose runtest this command looks for with pgrep, if it does. */
export function runtestWaitedFor(r: RecoveredCommand): string | undefined {
  for (const words of commandWords(r)) {
    if (words[0]?.replace(/^.*\//, '') !== 'pgrep') continue;
    for (const w of words.slice(1)) {
      const m = RUNTEST_TITLE.exec(w);
      if (m && !/watchdog/.test(w)) return m[1];
    }
  }
  return undefined;
}

/** The test number of the watchdog an operation's text (`pkill -f ^\[runtest 1090 watchdog\]`) stands down. */
export function watchdogStoodDown(text: string): string | undefined {
  if (!/^(?:\S*\/)?pkill\s/.test(text)) return undefined;
  return WATCHDOG_TITLE.exec(text)?.[1];
}

function commandWords(r: RecoveredCommand): string[][] {
  if (r.argv) return [r.argv.map((p) => p.text)];
  if (r.shell) return splitShell(r.shell.text).map((c) => c.words.map((w) => w.text));
  return [];
}

/** The `{ … }` of the child: `if ($pid == 0) {…}`, `if (!$pid) {…}`, `unless ($pid) {…}`, or the `else` of `if ($pid) {…}`. */
function childBranch(tokens: PerlToken[], fork: number, pid: string): [number, number] | undefined {
  const v = pid.replace(/[$@%]/g, (c) => `\\${c}`);
  let depth = 0;
  for (let k = fork + 1; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.text === '{') depth++;
    if (t.text === '}' && --depth < 0) return undefined;
    if (depth !== 0 || t.type !== 'word' || (t.text !== 'if' && t.text !== 'unless') || tokens[k + 1]?.text !== '(') continue;
    const close = matching(tokens, k + 1);
    const condition = tokens.slice(k + 2, close).map((c) => c.text).join(' ');
    if (!new RegExp(`${v}\\b`).test(condition) || tokens[close + 1]?.text !== '{') continue;
    const body: [number, number] = [close + 1, matching(tokens, close + 1)];
    const isChild = t.text === 'if' ? new RegExp(`${v} == 0\\b|(!|\\bnot) ${v}\\b`).test(condition) : condition === pid;
    if (isChild) return body;
    const isParent = t.text === 'if' && new RegExp(`^(defined ${v} && )?${v}( > 0| != 0)?$`).test(condition);
    if (isParent && tokens[body[1] + 1]?.text === 'else' && tokens[body[1] + 2]?.text === '{') return [body[1] + 2, matching(tokens, body[1] + 2)];
    return undefined;
  }
  return undefined;
}

/** The token that ends the `while`/`until` loop holding the command at `at`, if it is in one. */
function loopEnd(tokens: PerlToken[], at: number): number | undefined {
  const start = statementStart(tokens, at);
  let loop: number | undefined;
  for (let k = start; k < at; k++) if (tokens[k].type === 'word' && (tokens[k].text === 'while' || tokens[k].text === 'until')) loop = k;
  if (loop === undefined) return undefined;
  if (tokens[loop + 1]?.text === '(') {
    const close = matching(tokens, loop + 1);
    if (close < at) return undefined;
    return tokens[close + 1]?.text === '{' ? matching(tokens, close + 1) : statementEnd(tokens, close);
  }
  return statementEnd(tokens, at);
}

function statementStart(tokens: PerlToken[], at: number): number {
  let k = at - 1;
  while (k >= 0 && ![';', '{', '}'].includes(tokens[k].text)) k--;
  return k + 1;
}

/** The `;` that ends the statement going on at `at` (bracketed groups skipped), or the last token. */
function statementEnd(tokens: PerlToken[], at: number): number {
  for (let k = at; k < tokens.length; k++) {
    if (tokens[k].text === '(' || tokens[k].text === '[' || tokens[k].text === '{') k = matching(tokens, k);
    else if (tokens[k].text === ';' || tokens[k].text === '}') return tokens[k].text === ';' ? k : k - 1;
  }
  return tokens.length - 1;
}

/** A `{` around `at` that opens a bare block (after `;`, `{`, `}` or at the start), if the innermost one does. */
function enclosingBareBlock(tokens: PerlToken[], at: number): number | undefined {
  const stack: number[] = [];
  for (let k = 0; k < at; k++) {
    if (tokens[k].text === '{') stack.push(k);
    else if (tokens[k].text === '}') stack.pop();
  }
  const inner = stack[stack.length - 1];
  if (inner === undefined) return undefined;
  return inner === 0 || [';', '{', '}'].includes(tokens[inner - 1].text) ? inner : undefined;
}

// ---------------------------------------------------------------------------------------------
// Writing one

/** How a watchdog undoes one change: a sysctl written back from the value read before, or a command. */
export interface WatchdogUndo {
  resource: string;
  sysctl?: { name: string; path: string };
  argv?: string[];
}

/** Words that go into a Perl single-quoted string as they are, and that pgrep/tc/ip take literally. */
const PLAIN = /^[\w.,:/@%+=-]+$/;

/** How a watchdog would undo the story's change; undefined when it cannot (no known undo, a value only known when it runs, a non-Linux sysctl). */
export function watchdogUndoOf(story: ChangeStory): WatchdogUndo | undefined {
  if (story.undoKind === 'toggle') return undefined;
  const name = sysctlNameOf(story.resource);
  if (name) {
    const path = procPathOfSysctl(name);
    return isLinuxSysctl(name) && PLAIN.test(path) ? { resource: story.resource, sysctl: { name, path } } : undefined;
  }
  const undo = story.change.effect.undo;
  if (story.change.effect.action !== 'add' || !undo) return undefined;
  const argv = undo.split(/\s+/).filter(Boolean);
  return argv.every((w) => PLAIN.test(w)) ? { resource: story.resource, argv } : undefined;
}

/**
 * The Perl of a watchdog for test `testNumber` (`TESTNUM` when unknown), to go before the first
 * change it undoes. Undos run in the order given.
 */
export function watchdogPerl(testNumber: string, undos: WatchdogUndo[]): string {
  const sysctls = undos.filter((u) => u.sysctl);
  const index = (u: WatchdogUndo) => sysctls.indexOf(u);
  const lines = [
    `# Watchdog: should runtest stop before this script's own undo (q at a prompt, Ctrl-C, a`,
    `# runtest error, an unmet need_*), put the machine back once runtest has left test ${testNumber}.`,
    `# It keeps the values found here, before any change. The script stands it down after its undo.`,
    '{',
    '  require POSIX;',
    '  # Let a watchdog left behind by an earlier test finish first.',
    `  for (1 .. 50) { last if system("pgrep -f '^\\\\[runtest [0-9]+ watchdog\\\\]' >/dev/null 2>&1") != 0; select(undef, undef, undef, 0.1); }`,
    ...(sysctls.length ? ['  my ($in, $out, @old);'] : []),
    ...sysctls.map((u) => `  open($in, '<', '${u.sysctl!.path}') and $old[${index(u)}] = <$in>;`),
    '  my $pid = fork();',
    '  if (defined $pid && $pid == 0) {',
    '    POSIX::setsid();',
    "    open(my $null, '+<', '/dev/null');",
    '    POSIX::dup2(fileno($null), $_) for 0 .. 2;',
    `    $0 = '[runtest ${testNumber} watchdog]';`,
    '    # No runtest to be seen now means pgrep or the process title does not work here: do nothing.',
    `    POSIX::_exit(0) if system('pgrep', '-f', '^\\[runtest ${testNumber}\\]') != 0;`,
    `    sleep 1 while system('pgrep', '-f', '^\\[runtest ${testNumber}\\]') == 0;`,
    ...undos.map((u) => u.sysctl
      ? `    if (defined $old[${index(u)}]) { open($out, '>', '${u.sysctl.path}'); print $out $old[${index(u)}]; close($out); }`
      : `    system(${u.argv!.map((w) => `'${w}'`).join(', ')});`),
    '    POSIX::_exit(0);',
    '  }',
    '}',
  ];
  return lines.join('\n');
}

/** The statement that stands the watchdog down, for the block that holds the script's last undo. */
export function standDownPerl(testNumber: string): string {
  return `# Everything is back: stand down the watchdog.\nsystem('pkill', '-f', '^\\[runtest ${testNumber} watchdog\\]');`;
}

/** In our words, what a watchdog does. */
export function describeWatchdog(w: Watchdog): string {
  const undos = w.undos.filter((op) => op.effect.resource).map((op) => op.effect.action === 'set'
    ? `puts ${op.effect.resource!.replace(/^sysctl /, '')} back to the value it read before the change`
    : op.effect.summary);
  const what = undos.length ? undos.join('; ') : 'undoes nothing we recognise';
  const test = w.testNumber === 'TESTNUM' ? 'this test' : `test ${w.testNumber}`;
  const down = w.standDown
    ? `. The script stands it down at line ${w.standDown.span.line + 1}, after its own undo, so it acts only if the run stops before that`
    : '. Nothing stands it down, so it acts after every run, also one that went to the end';
  return `starts a watchdog: a detached root process that waits while runtest is on ${test}, then ${what}${down}`;
}
