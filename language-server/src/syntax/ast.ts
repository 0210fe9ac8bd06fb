/**
 * The script as runtest reads it. Line numbers are 0-based indexes into the `\n`-split lines
 * (runtest's own line count minus one); `lines.ts` maps them to LSP positions.
 */
import type { BlockKind, CommandKind } from '../catalogue/catalogue';

export interface ReturnCodeLine {
  line: number;
  /** `~N`: anything but N is expected. */
  negated: boolean;
  code: number;
  env?: { name: string; value: string };
}

export interface Block {
  role: BlockKind;
  /** First data line (the line after the command, or after `background`'s command line). */
  firstLine: number;
  /** The `****` line, or undefined when the block ran to end of file. */
  terminatorLine?: number;
  /** Exclusive end of the data lines (the terminator line, or the line count at EOF). */
  endLine: number;
  /** write/catwrite with size specs: the `++++` line, when there is one before `****`. */
  sizedSeparatorLine?: number;
}

export interface EximInvocation {
  env: string[];
  waitSeconds?: number;
  sudo: boolean;
  sudoUser?: string;
  /** `_msgdate` for exim_msgdate, `_exim` for exim_exim, '' for exim itself. */
  special: string;
  args: string;
  /** `-DSERVER=server` without `-DNOTDAEMON`: runtest starts a daemon and does not wait. */
  daemon: boolean;
  /** `-DSERVER=wait:PORT`: inetd-style wait mode. */
  waitMode: boolean;
}

export interface Command {
  /** The catalogue kind name (`exim`, `sudo rm`, `client-anytls`…) or `unrecognised`. */
  kind: string;
  /** The catalogue entry that describes it; for an unknown `exim_X` the `exim` entry. */
  entry?: CommandKind;
  returnCode?: ReturnCodeLine;
  /** First and last line of the command text (continuations included). */
  line: number;
  lastLine: number;
  /** The joined command text as runtest dispatches it, before substitution. */
  text: string;
  block?: Block;
  exim?: EximInvocation;
  /** `background`: the one command line it starts. */
  backgroundLine?: number;
  /** write/catwrite size specs, e.g. `3x50=lead`. */
  sizeSpecs?: string[];
  /** Why runtest rejects the line (only for `unrecognised`). */
  rejection?: Rejection;
}

export type Rejection =
  | { reason: 'indented'; wouldBe?: string }
  | { reason: 'stray-terminator' }
  | { reason: 'bare-verbose-comment' }
  | { reason: 'needs-sudo'; word: string }
  | { reason: 'sudo-refused'; word: string }
  | { reason: 'missing-arguments'; kind: string }
  | { reason: 'eof-after-return-code' }
  | { reason: 'return-code-with-cr' }
  | { reason: 'unknown' };

export interface SkippedLine {
  line: number;
  kind: 'comment' | 'blank' | 'flag' | 'need';
  /** The flag or need name, for those kinds. */
  name?: string;
}

export interface ScriptAst {
  lineCount: number;
  /** Line 0 starts with `#`. */
  hasTitle: boolean;
  title: string;
  commands: Command[];
  /** Lines between commands: comments, blank lines, flags and `need_*` lines. */
  skipped: SkippedLine[];
}
