/**
 * Background processes a script starts and must end: Exim daemons (stopped by `killdaemon`)
 * and `server`s (collected by runtest after the next exim command).
 */
import type { Command, ScriptAst } from '../syntax/ast';
import type { ScriptLines } from '../syntax/lines';
import type { Finding } from './rules';

export function checkDaemons(ast: ScriptAst, lines: ScriptLines): Finding[] {
  return [...checkDaemonLifetimes(ast, lines), ...checkServers(ast)];
}

/** `-oP FILE` of a daemon start, when it names one. */
function pidFileOf(command: Command): string | undefined {
  return /(?:^|\s)-oP\s+(\S+)/.exec(command.exim?.args ?? '')?.[1];
}

/** killdaemon reads spool/exim-daemon.* (rt:2992); a daemon whose pid file is elsewhere escapes it. */
function killdaemonFinds(daemon: Command): boolean {
  if (!daemon.exim?.daemon) return true;
  const pidFile = pidFileOf(daemon);
  return pidFile === undefined || /(?:^|\/)spool\/exim-daemon\.[^/]*$/.test(pidFile);
}

/** A root Perl block that kills the pid read from the daemon's own pid file stops it too. */
function perlKills(block: Command, daemon: Command, lines: ScriptLines): boolean {
  const pidFile = pidFileOf(daemon) ?? 'exim-daemon.pid';
  const text = lines.lines.slice(block.block?.firstLine ?? 0, block.block?.endLine ?? 0).join('\n');
  return /\bkill\b/.test(text) && !/\bkill\s*\(?\s*["']?-?(HUP|USR1|0)\b/.test(text) && text.includes(pidFile.replace(/^.*\//, ''));
}

function checkDaemonLifetimes(ast: ScriptAst, lines: ScriptLines): Finding[] {
  const findings: Finding[] = [];
  let running: Command | undefined;
  const report = (daemon: Command, why: string) => {
    findings.push({ code: 'daemon-never-stopped', line: daemon.line, to: daemon.text.length, lastLine: daemon.lastLine !== daemon.line ? daemon.lastLine : undefined,
      message: `This ${daemon.kind === 'background' ? '`background` process' : 'daemon'} is never stopped: ${why}. runtest does not stop it when the test ends, so it keeps its port and the next test's daemon cannot listen.${killdaemonFinds(daemon) ? '' : ` (\`killdaemon\` would not find it either: its pid file ${pidFileOf(daemon)} is not spool/exim-daemon.*.)`}`,
      data: { daemonLine: daemon.line } });
  };
  for (const command of ast.commands) {
    const starts = (command.exim && (command.exim.daemon || command.exim.waitMode)) || command.kind === 'background';
    if (starts) {
      if (running) report(running, `the next one starts at line ${command.line + 1} with no \`killdaemon\` in between`);
      running = command;
    } else if (running && command.kind === 'killdaemon' && killdaemonFinds(running)) {
      running = undefined;
    } else if (running && command.kind === 'sudo perl' && perlKills(command, running, lines)) {
      running = undefined;
    }
  }
  if (running) report(running, 'no `killdaemon` follows it before the end of the script');
  return findings;
}

function checkServers(ast: ScriptAst): Finding[] {
  const findings: Finding[] = [];
  let pending: Command | undefined;
  const report = (server: Command, why: string) => {
    findings.push({ code: 'server-never-reaped', line: server.line, to: server.text.length,
      message: `runtest collects a \`server\` (and checks its exit status) only when the next exim command finishes; ${why}, so its status is never checked.` });
  };
  for (const command of ast.commands) {
    if (command.kind === 'server') {
      if (pending) report(pending, `the next \`server\` at line ${command.line + 1} comes before any exim command`);
      pending = command;
    } else if (command.exim && !command.exim.daemon && !command.exim.waitMode) {
      pending = undefined;
    }
  }
  if (pending) report(pending, 'no exim command follows this one');
  return findings;
}
