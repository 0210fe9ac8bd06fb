/**
 * Every diagnostic the checks can raise: its stable code, severity and what it is about.
 * The checks decide when; this table decides how loud.
 */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Rule {
  severity: Severity;
  summary: string;
}

export const rules = {
  // runtest aborts the whole run
  'missing-title': { severity: 'error', summary: 'Line 1 must be a `#` title comment.' },
  'unrecognised-command': { severity: 'error', summary: 'A line runtest does not recognise as a command.' },
  'indented-command': { severity: 'error', summary: 'Only exim commands may be indented.' },
  'stray-terminator': { severity: 'error', summary: 'A `****` with no block open.' },
  'bare-verbose-comment': { severity: 'error', summary: 'A `###` line with no text.' },
  'sudo-refused': { severity: 'error', summary: '`sudo` before a command that runtest does not run with sudo.' },
  'sudo-required': { severity: 'error', summary: 'A command runtest accepts only with `sudo`.' },
  'missing-arguments': { severity: 'error', summary: 'A command word without the arguments its form needs.' },
  'eof-after-return-code': { severity: 'error', summary: 'The file ends right after a return-code line.' },
  'unknown-requires-line': { severity: 'error', summary: 'A REQUIRES line runtest does not know.' },
  // quiet traps
  'block-runs-to-eof': { severity: 'warning', summary: 'A block with no `****` swallows lines that look like commands.' },
  'block-ends-at-eof': { severity: 'hint', summary: 'The last block ends at end of file, which runtest accepts.' },
  'unknown-munge': { severity: 'warning', summary: 'runtest silently ignores an unknown munge name.' },
  'unchecked-return-code': { severity: 'warning', summary: 'A return-code line on a command whose status runtest never checks.' },
  'return-code-always-zero': { severity: 'warning', summary: 'A non-zero return code expected from a command whose status is always 0.' },
  'sized-write-without-separator': { severity: 'warning', summary: 'A sized write with no `++++`: the sized lines are not written.' },
  'need-after-command': { severity: 'warning', summary: 'A `need_*` line after commands that already ran.' },
  'missing-conf': { severity: 'warning', summary: 'An exim command with no confs/NNNN: runtest aborts when it gets there.' },
  'data-prefix-stripped': { severity: 'warning', summary: 'A data line starting `:xxx:` loses that prefix.' },
  'requires-never-met': { severity: 'warning', summary: 'A REQUIRES line that can never be met: the folder is always omitted.' },
  'stored-symlink': { severity: 'information', summary: 'A symlinked script that this checkout stored as a text file.' },
  'requires-spacing': { severity: 'warning', summary: 'A REQUIRES keyword must be followed by exactly one space.' },
  // sudo blocks and scenario
  'change-never-undone': { severity: 'warning', summary: 'A sudo block changes the machine and nothing later in the script undoes it.' },
  'undo-restores-fixed-value': { severity: 'warning', summary: 'An undo that writes a fixed value instead of the value found before the change.' },
  'undo-only-at-end': { severity: 'warning', summary: 'A change undone only after commands that can stop the test: an aborted run leaves it in place.' },
  'undo-without-change': { severity: 'warning', summary: 'An undo with no change before it in the script.' },
  'change-repeated': { severity: 'warning', summary: 'The same change made again while the first is still in place.' },
  'sudo-perl-empty': { severity: 'warning', summary: 'A `sudo perl` with no program: it does nothing.' },
  'sudo-perl-to-eof': { severity: 'warning', summary: 'A `sudo perl` block with no `****`: the rest of the script runs as root Perl.' },
  'daemon-never-stopped': { severity: 'warning', summary: 'An Exim daemon that no `killdaemon` stops.' },
  'server-never-reaped': { severity: 'warning', summary: 'A `server` with no exim command after it, so runtest never collects it.' },
  'tfo-not-required': { severity: 'warning', summary: 'TCP Fast Open is used but REQUIRES lacks `support TCP_Fast_Open`.' },
  'netem-unchecked': { severity: 'information', summary: '`tc … netem` with nothing said or checked about kernels without netem.' },
} as const satisfies Record<string, Rule>;

export type RuleCode = keyof typeof rules;

/** A check's result in runtest's own line numbering (0-based line, columns in that line). */
export interface Finding {
  code: RuleCode;
  line: number;
  from?: number;
  to?: number;
  /** Last line of a finding that spans lines. */
  lastLine?: number;
  message: string;
  /** Extra facts for code actions. */
  data?: unknown;
}

export function severityOf(code: RuleCode): Severity {
  return rules[code].severity;
}
