// Starts runs: trust, the test tree, sudo, capture, the terminal, then the results folder handed
// to the language server. Editor commands and the Test Explorer both come through here.
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { attachResultsRequest } from '../../../language-server/src/protocol';
import { captureFilter, testPorts } from '../capture/captureFilter';
import { startCapture } from '../capture/tcpdumpCapture';
import { untrustedRefusal } from '../trust';
import { findProgram } from './findProgram';
import { finishRun, prepareRun, type FinishedRun, type PreparedRun } from './runPipeline';
import { RunTerminals } from './runTerminals';
import { mergeOptions, portbaseOf } from './runtestOptions';
import { readRunSettings } from './runSettings';
import { checkSudo } from './sudoPreflight';
import { describeSelection, selectionAbort } from './testSelection';
import { checkTestTree, listScriptFolders, nodeTreeProbe } from './testTreeCheck';
import { followFile, type Follower } from './transcriptFollower';
import type { RunRequest } from './runRequests';
import { TRANSCRIPT_FILE, writeJsonAtomically, type RunSpec } from './runSpec';

export interface RunHooks {
  /** Test Explorer runs: -CONTINUE, no focus, terminal closes at the end. */
  nonInteractive?: boolean;
  onOutput?: (text: string) => void;
  token?: vscode.CancellationToken;
}

export type RunStart = { ok: true; finished: FinishedRun } | { ok: false; message: string };

export class RunService implements vscode.Disposable {
  lastRequest: RunRequest | undefined;
  lastRun: FinishedRun | undefined;
  private readonly activeTrees = new Set<string>();
  private readonly saidOnce = new Set<string>();
  private readonly terminals: RunTerminals;

  constructor(private readonly context: vscode.ExtensionContext, private readonly client: LanguageClient | undefined) {
    this.terminals = new RunTerminals(context.asAbsolutePath(path.join('dist', 'runWrapper.js')));
  }

  async start(request: RunRequest, hooks: RunHooks = {}): Promise<RunStart> {
    const refused = untrustedRefusal(vscode.workspace.isTrusted, 'run');
    if (refused !== undefined) return this.refuse(refused, hooks);
    const settings = readRunSettings((key) => vscode.workspace.getConfiguration('eximTest', vscode.Uri.file(request.scriptPath)).get(key));
    const check = await checkTestTree(request.scriptPath, settings, nodeTreeProbe, process.getuid?.());
    const errors = check.problems.filter((p) => p.severity === 'error');
    if (check.tree === undefined || errors.length > 0) return this.refuse(errors.map((p) => p.message).join(' '), hooks);
    for (const warning of check.problems.filter((p) => p.severity === 'warning')) this.sayOnce(warning.message);
    const treeRoot = check.tree.root;
    if (this.activeTrees.has(treeRoot)) return this.refuse(`A run is still going on in ${treeRoot}: runtest shares spool/ and test-* there, so wait for it to end.`, hooks);
    this.activeTrees.add(treeRoot);
    let follower: Follower | undefined;
    let prepared: PreparedRun | undefined;
    try {
      const folders = await listScriptFolders(treeRoot);
      const abort = selectionAbort(folders, request.selection);
      if (abort !== undefined) return this.refuse(`Not started: ${abort}.`, hooks);
      const sudo = await checkSudo();
      const options = mergeOptions(request.ignoreDefaults ? [] : settings.defaultOptions, request.options);
      const capture = settings.capture.enabled && untrustedRefusal(vscode.workspace.isTrusted, 'capture') === undefined;
      prepared = await prepareRun({
        storageRoot: (this.context.storageUri ?? this.context.globalStorageUri).fsPath,
        treeRoot,
        folders,
        selection: request.selection,
        options: request.options,
        ignoreDefaults: request.ignoreDefaults,
        nonInteractive: hooks.nonInteractive ?? false,
        settings,
        sudo,
        // util-linux script(1); the BSDs' script takes other options (see docs/running-tests.md).
        scriptProgram: process.platform === 'linux' ? await findProgram('script') : undefined,
        holdOpen: !hooks.nonInteractive,
        ...(capture ? {
          startCapture: (file: string) => startCapture({
            iface: settings.capture.interface,
            file,
            filter: captureFilter(testPorts(portbaseOf(options)), settings.capture.extraFilter),
            user: os.userInfo().username,
            useSudo: process.getuid?.() !== 0,
          }),
        } : {}),
      });
      for (const warning of prepared.warnings) this.sayOnce(warning);
      if (hooks.onOutput !== undefined) follower = followFile(path.join(prepared.runDir, TRANSCRIPT_FILE), hooks.onOutput);
      this.lastRequest = request;
      const exit = await this.terminals.run(
        { name: `Exim Test: ${describeSelection(request.selection)}`, specFile: prepared.specFile, exitStatusFile: prepared.exitStatusFile, cwd: treeRoot, focus: !hooks.nonInteractive || sudo !== 'ready', policy: settings.terminalPolicy },
        (terminal) => hooks.token?.onCancellationRequested(() => RunTerminals.interrupt(terminal)),
      );
      await follower?.stop();
      follower = undefined;
      const finished = await finishRun(prepared, exit);
      this.lastRun = finished;
      await this.attach(finished);
      return { ok: true, finished };
    } finally {
      await follower?.stop();
      await prepared?.capture?.stop(); // already stopped by finishRun, unless something threw first
      this.activeTrees.delete(treeRoot);
    }
  }

  /** Runs undo commands with sudo in a terminal, after the user has seen them (leftoverPrompt.ts). */
  async runRestore(finished: FinishedRun, treeRoot: string, commands: string[][]): Promise<void> {
    const refused = untrustedRefusal(vscode.workspace.isTrusted, 'restore');
    if (refused !== undefined) {
      void vscode.window.showErrorMessage(refused);
      return;
    }
    const spec: RunSpec = {
      kind: 'restore',
      commands: commands.map((argv) => ({ program: 'sudo', args: argv, cwd: treeRoot, env: {} })),
      notes: [`Undoing what test ${finished.stop?.testNumber ?? finished.testNumber} left in place (its own undo block never ran).`],
      exitStatusFile: path.join(finished.runDir, 'restore-exit-status.json'),
      holdOpen: true,
    };
    const specFile = path.join(finished.runDir, 'restore-spec.json');
    await writeJsonAtomically(specFile, spec);
    await this.terminals.run({ name: 'Exim Test: restore', specFile, exitStatusFile: spec.exitStatusFile, cwd: treeRoot, focus: true, policy: 'newPerRun' });
  }

  private async attach(finished: FinishedRun): Promise<void> {
    if (this.client === undefined) return;
    try {
      await this.client.sendRequest(attachResultsRequest, { scriptUri: vscode.Uri.file(finished.scriptFile).toString(), folder: finished.runDir });
    } catch (error) {
      this.sayOnce(`The language server could not take the results of ${finished.runDir}: ${(error as Error).message}`);
    }
  }

  private refuse(message: string, hooks: RunHooks): RunStart {
    if (!hooks.nonInteractive) void vscode.window.showErrorMessage(message);
    return { ok: false, message };
  }

  /** A missing tcpdump, a refused sudo, running as root: said once per session, not at every run. */
  private sayOnce(message: string): void {
    if (this.saidOnce.has(message)) return;
    this.saidOnce.add(message);
    void vscode.window.showWarningMessage(message);
  }

  dispose(): void {
    this.terminals.dispose();
  }
}
