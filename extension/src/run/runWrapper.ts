// The process a run's terminal runs (bundled as dist/runWrapper.js; no `vscode` here).
//
//   terminal ─► node runWrapper.js <run-spec.json>                       (outer)
//                 └─► script -q -e -f -c <FIXED TEXT> <transcript file>  (util-linux: a pty + typescript)
//                       └─► /bin/sh -c <FIXED TEXT> ─► node runWrapper.js --inner   (inner)
//                             └─► runtest ARGV...                        (argv from run-spec.json)
//
// util-linux `script` (2.38 on Debian 12) only takes a command string for `-c`, run by $SHELL.
// That string is the constant INNER_COMMAND below; it names no file and no setting: paths reach
// the inner wrapper through the environment and runtest's argv through run-spec.json, so no file
// name is ever parsed by a shell. runtest reads its answers from /dev/tty, which is script's pty,
// fed from this terminal; the typescript holds exactly what the terminal showed, never the input
// (no -I/-B), so a sudo password typed there is not recorded.
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import { displayCommand } from './runtestInvocation';
import { writeJsonAtomically, type CommandSpec, type ExitStatusRecord, type RunSpec } from './runSpec';

export const INNER_COMMAND = 'exec "$VSCODE_EXIM_NODE" "$VSCODE_EXIM_WRAPPER" --inner';
const ENV_SPEC = 'VSCODE_EXIM_RUN_SPEC';
const ENV_NODE = 'VSCODE_EXIM_NODE';
const ENV_WRAPPER = 'VSCODE_EXIM_WRAPPER';
const ENV_USER_SHELL = 'VSCODE_EXIM_USER_SHELL';
const say = (line: string): void => void process.stdout.write(`\x1b[36m[Exim Test]\x1b[0m ${line}\n`);

/** runtest's environment: the terminal's, minus the wrapper's own variables, plus the spec's. */
export function runtestEnvironment(base: NodeJS.ProcessEnv, command: CommandSpec): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  if (ENV_USER_SHELL in env) {
    if (env[ENV_USER_SHELL]) env.SHELL = env[ENV_USER_SHELL];
    else delete env.SHELL;
  }
  for (const name of [ENV_SPEC, ENV_NODE, ENV_WRAPPER, ENV_USER_SHELL, 'ELECTRON_RUN_AS_NODE']) delete env[name];
  return { ...env, ...command.env };
}

function waitForExit(child: ChildProcess): Promise<{ status: number | null; error?: string }> {
  return new Promise((resolve) => {
    child.once('error', (error) => resolve({ status: null, error: error.message }));
    child.once('exit', (code, signal) => resolve({ status: code ?? 128 + signalNumber(signal) }));
  });
}

function signalNumber(signal: NodeJS.Signals | null): number {
  const numbers: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15 };
  return signal === null ? 0 : numbers[signal] ?? 0;
}

async function runDirect(command: CommandSpec): Promise<{ status: number | null; error?: string }> {
  const child = spawn(command.program, command.args, { cwd: command.cwd, stdio: 'inherit', env: runtestEnvironment(process.env, command) });
  return waitForExit(child);
}

async function runUnderScript(spec: RunSpec, specFile: string): Promise<{ status: number | null; error?: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SHELL: '/bin/sh',
    [ENV_USER_SHELL]: process.env.SHELL ?? '',
    [ENV_SPEC]: specFile,
    [ENV_NODE]: process.execPath,
    [ENV_WRAPPER]: __filename,
  };
  const child = spawn(spec.scriptProgram as string, ['-q', '-e', '-f', '-c', INNER_COMMAND, spec.transcriptFile as string], { stdio: 'inherit', env });
  return waitForExit(child);
}

async function outer(specFile: string): Promise<number> {
  const spec = JSON.parse(await fsp.readFile(specFile, 'utf8')) as RunSpec;
  process.on('SIGINT', () => undefined); // Ctrl-C belongs to runtest; wait for it to end.
  for (const note of spec.notes) say(note);
  const startedAt = new Date().toISOString();
  let result: { status: number | null; error?: string } = { status: 0 };
  let transcript = false;
  if (spec.kind === 'restore') {
    for (const command of spec.commands) {
      say(`$ ${displayCommand([command.program, ...command.args])}`);
      const one = await runDirect(command);
      if (one.status !== 0) result = one;
      if (one.error) say(`could not start it: ${one.error}`);
    }
  } else {
    const command = spec.commands[0];
    say(`${displayCommand([command.program, ...command.args])}   (in ${command.cwd})`);
    if (spec.scriptProgram && spec.transcriptFile) {
      result = await runUnderScript(spec, specFile);
      transcript = result.error === undefined;
      if (!transcript) say(`${spec.scriptProgram} could not start (${result.error}): running runtest without a transcript.`);
    }
    if (!transcript) result = await runDirect(command);
  }
  const record: ExitStatusRecord = { exitStatus: result.status, startedAt, endedAt: new Date().toISOString(), transcript };
  if (result.error && !transcript) record.error = result.error;
  await writeJsonAtomically(spec.exitStatusFile, record);
  say(result.status === null ? `could not start: ${result.error}` : `${spec.kind === 'restore' ? 'restore' : 'runtest'} exited with status ${result.status}.`);
  if (spec.holdOpen && process.stdin.isTTY) {
    say('Press any key to close this terminal.');
    process.stdin.setRawMode(true);
    await new Promise((resolve) => process.stdin.once('data', resolve));
  }
  // runtest's status is in exit-status.json; a non-zero exit here would only add VS Code's
  // "terminal process terminated with exit code" notice to a run that already said how it ended.
  return 0;
}

async function inner(): Promise<number> {
  const spec = JSON.parse(await fsp.readFile(process.env[ENV_SPEC] as string, 'utf8')) as RunSpec;
  process.on('SIGINT', () => undefined); // runtest, in the same process group, handles it.
  const result = await runDirect(spec.commands[0]);
  if (result.error) process.stdout.write(`[Exim Test] could not start runtest: ${result.error}\n`);
  return result.status ?? 127;
}

if (require.main === module) {
  const run = process.argv[2] === '--inner' ? inner() : outer(process.argv[2]);
  run.then(
    (status) => process.exit(status),
    (error) => {
      process.stderr.write(`[Exim Test] ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(127);
    },
  );
}
