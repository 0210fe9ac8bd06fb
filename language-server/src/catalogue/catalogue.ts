/**
 * The runtest command catalogue: every form runtest's dispatcher knows, in its match order,
 * and every command kind those forms accept. Parser, checks, hover, completion, the grammar
 * test and the CLI all read this table; nothing else lists command names.
 *
 * Facts come from Exim's test/runtest (sub run_command and the main loop); descriptions are ours.
 */
import { perlRegex } from '../syntax/perlRegex';

/** What runtest does with the lines after the command line. */
export type BlockKind =
  | 'none' //          no block: the next line is the next command
  | 'stdin' //         lines up to `****` are substituted and fed to the command's stdin
  | 'ignored' //       lines up to `****` are read and thrown away (daemons, background)
  | 'server-script' // lines up to `****` are sent, unsubstituted, to bin/server as its script
  | 'file-content'; // lines up to `****` are written, unsubstituted, into a file

/** Whether a return-code line in front of the command is compared with its exit status. */
export type RcPolicy =
  | 'checked' //     run_command returns 1 or 2: the status is compared
  | 'always-zero' // checked, but the shell pipeline ends with `echo`, so the status is always 0
  | 'never'; //      run inline or not waited for: the status is never looked at

export interface DispatchForm {
  /** Position in runtest's dispatcher (16b is the sudo half of 16). */
  id: string;
  /** runtest's own regex, with Perl's ASCII `\s`. */
  pattern: RegExp;
}

export interface CommandKind {
  /** The kind's name, written as in the reference's frequency table (`exim`, `sudo rm`, `###`). */
  name: string;
  form: string;
  syntax: string;
  block: BlockKind;
  rc: RcPolicy;
  /** The word to type (completion); undefined for kinds reached only through another word. */
  word?: string;
  /** Conventionally placed at the head of a script, before any `need_*` line. */
  preamble?: boolean;
  description: string;
}

export const dispatchForms: readonly DispatchForm[] = [
  { id: '1', pattern: perlRegex('^dbmbuild\\s+(\\S+)\\s+(\\S+)') },
  { id: '2', pattern: perlRegex('^dump\\s+(\\S+)') },
  { id: '3', pattern: perlRegex('^###\\s') },
  { id: '4', pattern: perlRegex('^echo\\s+(.*)$') },
  { id: '5', pattern: perlRegex('^exim_lock\\s+(.*)$') },
  { id: '6', pattern: perlRegex('^exinext\\s+(.*)') },
  { id: '7', pattern: perlRegex('^exigrep\\s+(.*)') },
  { id: '8', pattern: perlRegex('^exiqgrep(\\s+.*)?') },
  { id: '9', pattern: perlRegex('^eximstats\\s+(.*)') },
  { id: '10', pattern: perlRegex('^exim_id_update(\\s+.*)?$') },
  { id: '11', pattern: perlRegex('^gnutls') },
  { id: '12', pattern: perlRegex('^killdaemon') },
  { id: '13', pattern: perlRegex('^millisleep\\s+(.*)$') },
  { id: '14', pattern: perlRegex('^munge\\s+(.*)$') },
  { id: '15', pattern: perlRegex('^sleep\\s+(.*)$') },
  { id: '16', pattern: perlRegex('^(ln|ls|du|mkdir|mkfifo|touch|cp|cat)\\s') },
  { id: '16b', pattern: perlRegex('^sudo\\s(mkdir|rmdir|rm|mv|cp|chown|chmod)\\s') },
  { id: '17', pattern: perlRegex('^cat2\\s') },
  { id: '18', pattern: perlRegex('^server\\s+(.*)$') },
  { id: '19', pattern: perlRegex('^(cat)?write\\s+(\\S+)(?:\\s+(.*))?\\s*$') },
  { id: '20', pattern: perlRegex('^(?:client|(sudo\\s+)?perl\\b)') },
  // runtest writes the env part as (?i:[A-Z\d_]+=\S+\s+): case-insensitive letters.
  { id: '21', pattern: perlRegex('^((?:[A-Za-z\\d_]+=\\S+\\s+)+)?(\\d+)?\\s*(sudo(?:\\s+-u\\s+(\\w+))?\\s+)?exim(_\\S+)?\\s+(.*)$') },
  { id: '22', pattern: perlRegex('^background$') },
];

const fileCommand = (word: string, what: string): CommandKind => ({
  name: word, form: '16', word, syntax: `${word} ARGS`, block: 'none', rc: 'checked',
  description: `Runs \`${word}\` through the shell as the calling user (${what}); output is appended to test-stdout and test-stderr.`,
});

const sudoFileCommand = (word: string, what: string): CommandKind => ({
  name: `sudo ${word}`, form: '16b', syntax: `sudo ${word} ARGS`, block: 'none', rc: 'checked',
  description: `Runs \`${word}\` as root through sudo (${what}). Globs are expanded by the calling shell before sudo runs.`,
});

const client = (word: string, what: string): CommandKind => ({
  name: word, form: '20', word, syntax: `${word} [options] IP PORT [IFACE] [CERT] [KEY]`, block: 'stdin', rc: 'checked',
  description: `Runs bin/${word} (${what}): a scripted SMTP client. The block is its script: \`??? text\` expects a reply, other lines are sent.`,
});

export const commandCatalogue: readonly CommandKind[] = [
  { name: 'dbmbuild', form: '1', word: 'dbmbuild', syntax: 'dbmbuild IN OUT', block: 'none', rc: 'always-zero',
    description: 'Builds a DBM file from a text file with exim_dbmbuild and records its output and exit code in test-stdout.' },
  { name: 'dump', form: '2', word: 'dump', syntax: 'dump DBNAME', block: 'none', rc: 'checked',
    description: 'Dumps one of the spool hints databases (retry, callout, seen, misc, wait-smtp…) into test-stdout with exim_dumpdb; retry, callout and seen dumps are sorted.' },
  { name: '###', form: '3', word: '###', syntax: '### text', block: 'none', rc: 'never',
    description: 'A verbose comment: the line (after substitution) is written into test-stdout, test-stderr and their server variants, so it becomes part of the expected output.' },
  { name: 'echo', form: '4', word: 'echo', syntax: 'echo text', block: 'none', rc: 'never',
    description: "Prints the text on runtest's terminal only; nothing is compared." },
  { name: 'exim_lock', form: '5', word: 'exim_lock', syntax: 'exim_lock [options] FILE', block: 'none', rc: 'never',
    description: 'Starts exim_lock in the background, holding the lock until the next non-daemon exim command has finished.' },
  { name: 'exinext', form: '6', word: 'exinext', syntax: 'exinext ARGS', block: 'none', rc: 'always-zero',
    description: "Runs exinext against the test's configuration; its output and exit code go to test-stdout." },
  { name: 'exigrep', form: '7', word: 'exigrep', syntax: 'exigrep ARGS', block: 'none', rc: 'always-zero',
    description: "Runs exigrep over the test's main log; output goes to test-stdout." },
  { name: 'exiqgrep', form: '8', word: 'exiqgrep', syntax: 'exiqgrep [ARGS]', block: 'none', rc: 'always-zero',
    description: "Runs exiqgrep against the test's queue; output goes to test-stdout." },
  { name: 'eximstats', form: '9', word: 'eximstats', syntax: 'eximstats ARGS', block: 'none', rc: 'always-zero',
    description: "Runs eximstats over the test's main log; output goes to test-stdout." },
  { name: 'exim_id_update', form: '10', word: 'exim_id_update', syntax: 'exim_id_update [ARGS]', block: 'none', rc: 'always-zero',
    description: "Runs exim_id_update as root over the test spool's input directory; output goes to test-stdout and test-stderr." },
  { name: 'gnutls', form: '11', word: 'gnutls', syntax: 'gnutls', block: 'none', rc: 'checked', preamble: true,
    description: 'Copies the saved GnuTLS DH parameters into the spool (as root, owned by the Exim user) so Exim does not generate them.' },
  { name: 'killdaemon', form: '12', word: 'killdaemon', syntax: 'killdaemon', block: 'none', rc: 'always-zero',
    description: 'Stops the daemon started earlier (an `exim -DSERVER=server -bd`, a wait-mode exim or a `background` process) with SIGTERM and waits for it.' },
  { name: 'millisleep', form: '13', word: 'millisleep', syntax: 'millisleep MS', block: 'none', rc: 'never',
    description: 'Sleeps for MS milliseconds, silently.' },
  { name: 'munge', form: '14', word: 'munge', syntax: 'munge NAME', block: 'none', rc: 'never', preamble: true,
    description: 'Chooses one of runtest\'s named extra output normalisations for this test. Only the last `munge` counts; an unknown name is silently ignored.' },
  { name: 'sleep', form: '15', word: 'sleep', syntax: 'sleep SECONDS', block: 'none', rc: 'never',
    description: 'Sleeps; for anything but 1 second runtest shows a dot per second.' },
  fileCommand('ln', 'make a link'),
  fileCommand('ls', 'list files'),
  fileCommand('du', 'disk usage'),
  fileCommand('mkdir', 'make a directory'),
  fileCommand('mkfifo', 'make a named pipe'),
  fileCommand('touch', 'create or touch a file'),
  fileCommand('cp', 'copy files'),
  fileCommand('cat', 'show a file'),
  sudoFileCommand('mkdir', 'make a directory'),
  sudoFileCommand('rmdir', 'remove a directory'),
  sudoFileCommand('rm', 'remove files'),
  sudoFileCommand('mv', 'move files'),
  sudoFileCommand('cp', 'copy files'),
  sudoFileCommand('chown', 'change ownership'),
  sudoFileCommand('chmod', 'change modes'),
  { name: 'cat2', form: '17', word: 'cat2', syntax: 'cat2 FILE', block: 'none', rc: 'checked',
    description: "Replaces test-stderr with the contents of FILE (cat's own errors go to the terminal)." },
  { name: 'server', form: '18', word: 'server', syntax: 'server [options] PORT|/socket [count]', block: 'server-script', rc: 'never',
    description: 'Starts bin/server, a scripted SMTP server, in the background. The block is its script, sent without substitution; it is reaped, and its status checked, after the next exim command.' },
  { name: 'write', form: '19', word: 'write', syntax: 'write FILE [NxM[=lead]]…', block: 'file-content', rc: 'never',
    description: 'Writes the block, unsubstituted, into FILE. Each NxM spec adds N lines of M bytes; lines before a `++++` line come first.' },
  { name: 'catwrite', form: '19', word: 'catwrite', syntax: 'catwrite FILE [NxM[=lead]]…', block: 'file-content', rc: 'never',
    description: 'Like write, and also copies what it writes into test-stdout between two `==========` lines.' },
  client('client', 'plain TCP'),
  client('client-ssl', 'OpenSSL build'),
  client('client-gnutls', 'GnuTLS build'),
  client('client-anytls', 'whichever TLS library runtest chose'),
  { name: 'perl', form: '20', word: 'perl', syntax: 'perl [args]', block: 'stdin', rc: 'checked',
    description: 'Runs the block as a Perl program as the calling user; output goes to test-stdout and test-stderr.' },
  { name: 'sudo perl', form: '20', syntax: 'sudo perl [args]', block: 'stdin', rc: 'checked',
    description: 'Runs the block as a Perl program as root: the only place a script changes the machine (tc, sysctl, /proc/sys…).' },
  { name: 'exim', form: '21', word: 'exim', syntax: '[ENV=value …] [SECONDS] exim ARGS', block: 'stdin', rc: 'checked',
    description: "Runs the test's Exim with `-C test-config` (made from confs/NNNN). The block is its stdin. With `-DSERVER=server` (and no `-DNOTDAEMON`) it starts a daemon instead: the block is ignored and `killdaemon` stops it." },
  { name: 'sudo exim', form: '21', syntax: '[ENV=value …] [SECONDS] sudo [-u USER] exim ARGS', block: 'stdin', rc: 'checked',
    description: "Runs the test's Exim as root (or as USER with -u), otherwise like `exim`." },
  { name: 'exim_msgdate', form: '21', word: 'exim_msgdate', syntax: 'exim_msgdate ARGS', block: 'stdin', rc: 'checked',
    description: 'Runs the exim_msgdate utility (message-id to date) from the test build.' },
  { name: 'exim_exim', form: '21', word: 'exim_exim', syntax: 'exim_exim ARGS', block: 'stdin', rc: 'checked',
    description: 'Runs the copy of Exim that is setuid to the Exim user rather than root.' },
  { name: 'background', form: '22', word: 'background', syntax: 'background', block: 'ignored', rc: 'never',
    description: 'Starts the next line as a shell command in the background (mysqld, redis-server…); later lines up to `****` are ignored. `killdaemon` stops it.' },
];

/** Flags found anywhere by runtest's pre-scan (prefix match in column 1). */
export const scriptFlags: readonly { name: string; description: string }[] = [
  { name: 'no_message_check', description: 'Do not compare delivered mail with mail/NNNN.*.' },
  { name: 'no_msglog_check', description: 'Do not compare leftover message logs with msglog/NNNN.*.' },
  { name: 'no_munge', description: 'Compare raw output, without munging.' },
  { name: 'no_stderr_check', description: 'Do not compare stderr with stderr/NNNN.' },
  { name: 'no_stdout_check', description: 'Do not compare stdout with stdout/NNNN.' },
  { name: 'rmfiltertest', description: 'Drop the repetitive filter-test lines from stdout before comparing.' },
  { name: 'sortlog', description: 'Sort each run of delivery lines in the main log before comparing.' },
];

/** Skip checks: when unmet, runtest stops the script and skips every comparison. */
export const needDirectives: readonly { name: string; description: string }[] = [
  { name: 'need_ipv4', description: 'Skip the test when the host has no usable IPv4 address.' },
  { name: 'need_ipv6', description: 'Skip the test when the host has no usable IPv6 address; also marks the test as IPv6 for munging.' },
  { name: 'need_largefiles', description: 'Skip the test when Exim was built without large-file support.' },
  { name: 'need_move_frozen_messages', description: 'Skip the test when Exim lacks move_frozen_messages support.' },
];

export const mungeNames: readonly string[] = [
  'dnssec', 'gnutls_unexpected', 'gnutls_handshake', 'gnutls_bad_clientcert', 'optional_events',
  'optional_ocsp', 'optional_cert_hostnames', 'loopback', 'scanfile_size', 'delay_1500',
  'tls_anycipher', 'optional_dsn_info', 'optional_config', 'sys_bindir', 'sync_check_data',
  'timeout_errno', 'peer_terminated_conn', 'perl_variants',
];

export interface SubstitutionToken {
  name: string;
  /** How runtest finds it; most tokens are whole words. */
  pattern: RegExp;
  meaning: string;
}

export const substitutionTokens: readonly SubstitutionToken[] = [
  { name: 'CALLER', pattern: /\bCALLER\b/, meaning: "the login name of the user running runtest" },
  { name: 'CALLERGROUP', pattern: /\bCALLERGROUP\b/, meaning: "the name of the caller's primary group" },
  { name: 'CALLER_UID', pattern: /\bCALLER_UID\b/, meaning: "the caller's numeric uid" },
  { name: 'CALLER_GID', pattern: /\bCALLER_GID\b/, meaning: "the caller's numeric gid" },
  { name: 'CLAMSOCKET', pattern: /\bCLAMSOCKET\b/, meaning: "clamd's socket from clamd.conf (empty if none)" },
  { name: 'DIR', pattern: /\bDIR\//, meaning: 'the absolute path of the test directory, followed by `/` (only replaced when a `/` follows)' },
  { name: 'EXIMUSER', pattern: /\bEXIMUSER\b/, meaning: "Exim's exim_user" },
  { name: 'EXIMGROUP', pattern: /\bEXIMGROUP\b/, meaning: "Exim's exim_group" },
  { name: 'HOSTIPV4', pattern: /\bHOSTIPV4\b/, meaning: "the host's first non-loopback IPv4 address" },
  { name: 'HOSTIPV6', pattern: /\bHOSTIPV6\b/, meaning: "the host's first non-loopback IPv6 address" },
  { name: 'HOSTNAME', pattern: /\bHOSTNAME\b/, meaning: "the host's fully qualified name" },
  { name: 'PORT_D', pattern: /(?:\b|_)PORT_D\b/, meaning: 'the daemon port, 1225 by default (portbase + 2); also replaced right after `_`' },
  { name: 'PORT_D2', pattern: /\bPORT_D2\b/, meaning: 'the second daemon port, 1226 by default (portbase + 3)' },
  { name: 'PORT_D3', pattern: /\bPORT_D3\b/, meaning: 'the third daemon port, 1227 by default (portbase + 4)' },
  { name: 'PORT_D4', pattern: /\bPORT_D4\b/, meaning: 'the fourth daemon port, 1228 by default (portbase + 5)' },
  { name: 'PORT_N', pattern: /\bPORT_N\b/, meaning: 'a port where nothing listens, 1223 by default (portbase)' },
  { name: 'PORT_S', pattern: /\bPORT_S\b/, meaning: 'the port for `server`, 1224 by default (portbase + 1)' },
  { name: 'PORT_DYNAMIC', pattern: /\bPORT_DYNAMIC\b/, meaning: 'a port runtest opens on 127.0.0.1 for this test before it starts' },
  { name: 'TESTNUM', pattern: /\bTESTNUM\b/, meaning: 'the test number, four digits (0 in REQUIRES)' },
  { name: 'V4NET', pattern: /(?:\b|_)V4NET(?=[._])/, meaning: 'the test IPv4 network prefix `224` (only before `.` or `_`)' },
  { name: 'V6NET', pattern: /\bV6NET(?=:)/, meaning: 'the test IPv6 network prefix `ff00` (only before `:`)' },
  { name: 'MAILGROUP', pattern: /\bMAILGROUP\b/, meaning: 'the group `mail`, or some existing group if there is none' },
];

/** The default port block; `-portbase N` moves it to N … N+5. */
export const defaultPorts: Readonly<Record<string, number>> = {
  PORT_N: 1223, PORT_S: 1224, PORT_D: 1225, PORT_D2: 1226, PORT_D3: 1227, PORT_D4: 1228,
};

export interface RequiresDirective {
  keyword: string;
  /** Takes an argument after exactly one space. */
  argument: string | undefined;
  description: string;
}

export const requiresDirectives: readonly RequiresDirective[] = [
  { keyword: 'support', argument: 'FEATURE', description: 'Met when FEATURE is listed in "Support for:" of `exim -bV`.' },
  { keyword: 'running', argument: 'SERVICE', description: 'Met when runtest found SERVICE running: IPv4, IPv6, SpamAssassin, ClamAV, redis or dovecot.' },
  { keyword: 'lookup', argument: 'NAME', description: 'Met when the lookup type is built in or loadable.' },
  { keyword: 'authenticator', argument: 'NAME', description: 'Met when the authenticator is built in.' },
  { keyword: 'authenticators', argument: 'NAME', description: 'Same as `authenticator`.' },
  { keyword: 'router', argument: 'NAME', description: 'Met when the router is built in.' },
  { keyword: 'transport', argument: 'NAME', description: 'Met when the transport (or transport/option) is built in.' },
  { keyword: 'malware', argument: 'NAME', description: 'Met when the malware scanner type is built in.' },
  { keyword: 'file', argument: 'PATH', description: 'Met when PATH is readable; `DIR/` is expanded.' },
  { keyword: 'feature', argument: 'MACRO', description: 'Met when the macro is defined in the test build (`exim -bP macro MACRO`).' },
  { keyword: 'not feature', argument: 'MACRO', description: 'Met when the macro is not defined.' },
  { keyword: 'ipv6-non-linklocal', argument: undefined, description: 'Met when the chosen IPv6 address is not link-local.' },
];

/** `running` accepts only what runtest probes for; anything else is never met. */
export const runningServices: readonly string[] = ['IPv4', 'IPv6', 'SpamAssassin', 'ClamAV', 'redis', 'dovecot'];

const kindsByName = new Map(commandCatalogue.map((k) => [k.name, k]));

export function commandKind(name: string): CommandKind | undefined {
  return kindsByName.get(name);
}
