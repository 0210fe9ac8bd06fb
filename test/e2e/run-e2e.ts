import { execFileSync } from 'node:child_process';
// The end-to-end run, loaded by mocha as a root-hook plugin (test/e2e/.mocharc.json): ONE
// code-server and ONE Chromium page for all scenarios in test/e2e/scenarios/*.e2e.ts.
// A scenario is a mocha suite declared with scenario(); its screenshots go to output/<name>/.
//
// Env: E2E_VSIX (default dist/exim-test-scripts.vsix), E2E_OUTPUT (default test/e2e/output),
//      E2E_CODE_SERVER, E2E_CHROMIUM (binaries).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { e2eDir, installExtension, makeProfile, repoRoot, startCodeServer, type CodeServer } from './codeServer';
import { launchChromium, Workbench } from './harness';

export const outputDir = process.env.E2E_OUTPUT ?? path.join(e2eDir, 'output');
const runDir = path.join(outputDir, '.run');
/** A copy of test/e2e/workspace: scenarios may edit files without touching the repository. */
const workspaceDir = path.join(runDir, 'workspace');
const vsix = process.env.E2E_VSIX ?? path.join(repoRoot, 'dist', 'exim-test-scripts.vsix');

let server: CodeServer | undefined;
let browser: BrowserContext | undefined;
let workbench: Workbench | undefined;

/** The shared workbench; only valid inside a scenario's hooks and tests. */
export function wb(): Workbench {
  if (!workbench) throw new Error('the workbench is not running (did the root beforeAll fail?)');
  return workbench;
}

/** The absolute path of a file in the run's copy of the sample workspace. */
export function workspacePath(relativePath: string): string {
  return path.join(workspaceDir, relativePath);
}

/** Declares a scenario. It starts on a workbench with no editor and no panel open. */
export function scenario(name: string, body: () => void): void {
  describe(name, function () {
    before(async function () {
      this.timeout(60_000);
      wb().startScenario(path.join(outputDir, name));
      await wb().reset();
    });
    afterEach(async function () {
      if (this.currentTest?.state === 'failed') await wb().shot('failed').catch(() => undefined);
    });
    body();
  });
}

function seconds(from: number, to: number): string {
  return `${((to - from) / 1000).toFixed(1)} s`;
}

export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    this.timeout(240_000);
    const t0 = Date.now();
    fs.rmSync(runDir, { recursive: true, force: true });
    fs.cpSync(path.join(e2eDir, 'workspace'), workspaceDir, { recursive: true });
    execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'sample-results.mjs'), workspaceDir], { stdio: 'ignore' });
    const profile = makeProfile(path.join(runDir, 'code-server'), true);
    installExtension(profile, vsix);
    const installed = Date.now();
    server = await startCodeServer(profile);
    const started = Date.now();
    browser = await launchChromium(path.join(runDir, 'chromium'));
    const page = browser.pages()[0] ?? await browser.newPage();
    const consoleLog = path.join(runDir, 'browser-console.log');
    page.on('console', message => {
      if (message.type() === 'error' || message.type() === 'warning') fs.appendFileSync(consoleLog, `[${message.type()}] ${message.text()}\n`);
    });
    page.on('pageerror', error => fs.appendFileSync(consoleLog, `[pageerror] ${error.message}\n`));
    workbench = new Workbench(page);
    workbench.startScenario(path.join(outputDir, 'startup'));
    await workbench.openFolder(server.url, workspaceDir);
    console.log(`    e2e: extension installed ${seconds(t0, installed)}, code-server answering ${seconds(installed, started)},`
      + ` workbench ready ${seconds(started, Date.now())} (${server.url}); output in ${path.relative(repoRoot, outputDir)}`);
  },

  async afterAll(this: Mocha.Context): Promise<void> {
    this.timeout(30_000);
    await browser?.close().catch(() => undefined);
    await server?.stop();
    browser = undefined;
    server = undefined;
    workbench = undefined;
  },
};
