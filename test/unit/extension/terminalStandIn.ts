// Plays the VS Code terminal for the run wrapper: starts `node runWrapper.js <spec>` the way
// the terminal does (an argv, no shell) and types answers on its stdin, which script(1)
// forwards to runtest's /dev/tty.
import { spawn } from 'node:child_process';
import * as path from 'node:path';

export const wrapperScript = path.resolve(__dirname, '../../../extension/src/run/runWrapper.js');

export interface TerminalSession {
  output: string;
  exitCode: number | null;
}

export function runInTerminalStandIn(specFile: string, answers: string[] = [], options: { interruptAfterMs?: number; timeoutMs?: number } = {}): Promise<TerminalSession> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [wrapperScript, specFile], { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('latin1')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('latin1')));
    for (const answer of answers) child.stdin.write(`${answer}\n`);
    if (options.interruptAfterMs !== undefined) setTimeout(() => child.stdin.write('\x03'), options.interruptAfterMs);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the wrapper did not finish; output so far:\n${output}`));
    }, options.timeoutMs ?? 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      child.stdin.end();
      resolve({ output, exitCode: code });
    });
  });
}
