// A packet capture around one run: tcpdump under `sudo -n` (never a password prompt), started
// before runtest and stopped with SIGINT, which makes tcpdump flush and close the file.
import * as path from 'node:path';
import { promises as fsp } from 'node:fs';
import type { ResultPromise } from 'execa' with { 'resolution-mode': 'import' };
import { findProgram } from '../run/findProgram';
import { tcpdumpArgs, type TcpdumpRequest } from './captureFilter';

export interface CaptureRequest extends TcpdumpRequest {
  /** false when already root: sudo is then not needed. */
  useSudo: boolean;
  readyTimeoutMs?: number;
}

export type CaptureFailureReason = 'tcpdump-missing' | 'sudo-refused' | 'failed';

export type CaptureStart =
  | { ok: true; capture: RunningCapture }
  | { ok: false; reason: CaptureFailureReason; message: string };

export interface CaptureSummary {
  /** From tcpdump's `N packets captured`. */
  packets?: number;
  exitCode?: number;
  stderr: string;
}

export interface RunningCapture {
  file: string;
  argv: string[];
  stop(): Promise<CaptureSummary>;
}

/** tcpdump lives in /usr/sbin, which is often not on a user's PATH. */
export function findTcpdump(searchPath = process.env.PATH ?? ''): Promise<string | undefined> {
  return findProgram('tcpdump', [searchPath, '/usr/sbin', '/sbin', '/usr/local/sbin'].join(path.delimiter));
}

export async function startCapture(request: CaptureRequest): Promise<CaptureStart> {
  const tcpdump = await findTcpdump();
  if (tcpdump === undefined) {
    return { ok: false, reason: 'tcpdump-missing', message: 'tcpdump is not installed (apt-get install tcpdump), so this run has no capture.' };
  }
  const { execa } = await import('execa');
  const argv = request.useSudo ? ['sudo', '-n', tcpdump, ...tcpdumpArgs(request)] : [tcpdump, ...tcpdumpArgs(request)];
  const subprocess = execa(argv[0], argv.slice(1), { reject: false, stdin: 'ignore', stdout: 'ignore', stderr: 'pipe', cleanup: true, buffer: false });
  let stderr = '';
  const ready = new Promise<boolean>((resolve) => {
    subprocess.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (/listening on /.test(stderr)) resolve(true);
    });
    subprocess.once('exit', () => resolve(false));
    setTimeout(() => resolve(false), request.readyTimeoutMs ?? 5000);
  });
  if (!(await ready)) {
    subprocess.kill('SIGKILL');
    await subprocess;
    return { ok: false, ...classifyFailure(stderr, request.useSudo) };
  }
  let stopped: Promise<CaptureSummary> | undefined;
  return {
    ok: true,
    capture: {
      file: request.file,
      argv,
      stop: () => (stopped ??= settle(request.file).then(() => stopCapture(subprocess, () => stderr))),
    },
  };
}

/**
 * Waits until the file has stopped growing (tcpdump -U writes each packet as it takes it):
 * SIGINT makes tcpdump leave its loop at once, and packets it has not read yet are lost.
 */
async function settle(file: string, quietMs = 500, maxMs = 3000): Promise<void> {
  const sizeOf = () => fsp.stat(file).then((s) => s.size, () => -1);
  const deadline = Date.now() + maxMs;
  let size = await sizeOf();
  let quietSince = Date.now();
  while (Date.now() < deadline && Date.now() - quietSince < quietMs) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await sizeOf();
    if (now !== size) {
      size = now;
      quietSince = Date.now();
    }
  }
}

async function stopCapture(subprocess: ResultPromise, stderr: () => string): Promise<CaptureSummary> {
  const finished = Promise.resolve(subprocess).then((result) => result.exitCode);
  const within = (ms: number) => Promise.race([finished, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms))]);
  subprocess.kill('SIGINT');
  let exitCode = await within(5000);
  if (exitCode === 'timeout') {
    subprocess.kill('SIGTERM');
    exitCode = await within(2000);
  }
  if (exitCode === 'timeout') {
    subprocess.kill('SIGKILL');
    exitCode = await finished;
  }
  const packets = /(\d+) packets? captured/.exec(stderr());
  return { exitCode: exitCode ?? undefined, stderr: stderr(), ...(packets ? { packets: Number(packets[1]) } : {}) };
}

export function classifyFailure(stderr: string, useSudo: boolean): { reason: CaptureFailureReason; message: string } {
  const said = stderr.trim().split('\n').slice(-3).join(' ');
  if (useSudo && /password is required|a terminal is required|not in the sudoers|not allowed to execute|may not run sudo/i.test(stderr)) {
    return { reason: 'sudo-refused', message: `sudo will not run tcpdump without a password (${said}), so this run has no capture. Allow it in sudoers (NOPASSWD) to capture.` };
  }
  return { reason: 'failed', message: `tcpdump did not start (${said || 'no message'}), so this run has no capture.` };
}
