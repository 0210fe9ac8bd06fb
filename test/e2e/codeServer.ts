// One code-server (VS Code 1.100's web build, from npm) with a profile of its own: user data,
// extensions, HOME and XDG dirs all live in one folder, so a run touches nothing of the user's.
// code-server and everything it starts (extension host, language server, pty host, shells) run in
// their own process group, which is always killed at the end: on stop(), on process exit, on
// SIGINT/SIGTERM/SIGHUP, and on the next start if a previous run was killed with -9.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

/** The repository root, seen from this file compiled into out/test/e2e/. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const e2eDir = path.join(repoRoot, 'test', 'e2e');
/** Where install-code-server.sh puts it (E2E_CACHE moves the cache, as it does for that script). */
export const codeServerBin = process.env.E2E_CODE_SERVER
  ?? path.join(process.env.E2E_CACHE ?? path.join(e2eDir, '.cache'), 'code-server', 'node_modules', '.bin', 'code-server');

/** VS Code user settings for a quiet, trusted, deterministic workbench. */
const userSettings = {
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.editor.enablePreview': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'terminal.integrated.gpuAcceleration': 'off',
  'terminal.integrated.defaultProfile.linux': 'bash',
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'editor.minimap.enabled': false,
  'editor.stickyScroll.enabled': false,
  // Otherwise words already in the file would be offered and hide a missing completion provider.
  'editor.wordBasedSuggestions': 'off',
  'editor.hover.delay': 300,
};

export interface Profile {
  root: string;
  userData: string;
  extensions: string;
  env: NodeJS.ProcessEnv;
}

/** Creates (or reuses) a profile folder; `fresh` wipes it first. */
export function makeProfile(root: string, fresh: boolean): Profile {
  killStaleGroup(root);
  if (fresh) fs.rmSync(root, { recursive: true, force: true });
  const home = path.join(root, 'home');
  const profile: Profile = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    env: {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, '.config'),
      XDG_CACHE_HOME: path.join(home, '.cache'),
      XDG_DATA_HOME: path.join(home, '.local', 'share'),
    },
  };
  for (const dir of [path.join(profile.userData, 'User'), profile.extensions, home]) fs.mkdirSync(dir, { recursive: true });
  const settings = path.join(profile.userData, 'User', 'settings.json');
  if (!fs.existsSync(settings)) fs.writeFileSync(settings, JSON.stringify(userSettings, null, 2));
  return profile;
}

/** `code-server --install-extension`, into the profile's own extensions dir. */
export function installExtension(profile: Profile, vsix: string): void {
  if (!fs.existsSync(codeServerBin)) throw new Error(`no code-server at ${codeServerBin}: run test/e2e/install-code-server.sh`);
  if (!fs.existsSync(vsix)) throw new Error(`no extension package at ${vsix}: run npm run package`);
  const out = execFileSync(codeServerBin, [
    '--user-data-dir', profile.userData, '--extensions-dir', profile.extensions, '--force', '--install-extension', vsix,
  ], { env: profile.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (!/successfully installed/i.test(out)) throw new Error(`installing ${vsix} failed:\n${out}`);
}

export interface CodeServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  host?: string;
  port?: number;
  folder?: string;
}

/** Starts code-server in its own process group and resolves once it answers /healthz. */
export async function startCodeServer(profile: Profile, options: StartOptions = {}): Promise<CodeServer> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? await freePort(host);
  const logFile = path.join(profile.root, 'code-server.log');
  const log = fs.openSync(logFile, 'w');
  const child = spawn(codeServerBin, [
    '--bind-addr', `${host}:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--ignore-last-opened',
    '--user-data-dir', profile.userData, '--extensions-dir', profile.extensions,
    ...(options.folder ? [options.folder] : []),
  ], { detached: true, env: profile.env, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  const pgid = child.pid;
  if (pgid === undefined) throw new Error(`could not start ${codeServerBin}`);
  const pgidFile = path.join(profile.root, pgidFileName);
  fs.writeFileSync(pgidFile, String(pgid));
  liveGroups.set(pgid, pgidFile);
  let exited: string | undefined;
  child.on('exit', (code, signal) => { exited = `code-server exited (${signal ?? code}); see ${logFile}`; });

  const url = `http://${host}:${port}`;
  const stop = () => killGroup(pgid);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) { await stop(); throw new Error(exited); }
    if (await answers(`${url}/healthz`)) return { url, pid: pgid, stop };
    if (Date.now() > deadline) { await stop(); throw new Error(`code-server did not answer on ${url} within 60 s`); }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

async function answers(url: string): Promise<boolean> {
  try { return (await fetch(url)).ok; } catch { return false; }
}

function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

// ---- process-group bookkeeping
const pgidFileName = 'code-server.pgid';
/** Process groups still running, with the file that records each for killStaleGroup(). */
const liveGroups = new Map<number, string>();

function groupAlive(pgid: number): boolean {
  try { process.kill(-pgid, 0); return true; } catch { return false; }
}

/** SIGTERM the whole group, give it 5 s, then SIGKILL what is left. */
async function killGroup(pgid: number): Promise<void> {
  const pgidFile = liveGroups.get(pgid);
  if (pgidFile === undefined) return;
  liveGroups.delete(pgid);
  try { process.kill(-pgid, 'SIGTERM'); } catch { /* already gone */ }
  const deadline = Date.now() + 5000;
  while (groupAlive(pgid) && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 100));
  try { process.kill(-pgid, 'SIGKILL'); } catch { /* already gone */ }
  fs.rmSync(pgidFile, { force: true });
}

function killAllNow(): void {
  for (const [pgid, pgidFile] of liveGroups) {
    try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ }
    fs.rmSync(pgidFile, { force: true });
  }
  liveGroups.clear();
}

/** A previous run killed with -9 cannot clean up: kill its group if it still runs in this profile. */
function killStaleGroup(root: string): void {
  const file = path.join(root, pgidFileName);
  if (!fs.existsSync(file)) return;
  const pgid = Number(fs.readFileSync(file, 'utf8'));
  fs.rmSync(file);
  if (!Number.isInteger(pgid) || pgid <= 1 || !groupAlive(pgid)) return;
  const ours = fs.readdirSync('/proc').filter(d => /^\d+$/.test(d)).some(pid => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      return pgrp === pgid && fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(root);
    } catch { return false; }
  });
  if (ours) { try { process.kill(-pgid, 'SIGKILL'); } catch { /* gone */ } }
}

process.on('exit', killAllNow);
for (const [signal, number] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]] as const) {
  process.once(signal, () => { killAllNow(); process.exit(128 + number); });
}
