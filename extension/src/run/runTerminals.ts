// The integrated terminals runs happen in. A terminal's process is the run wrapper, started as
// an argv (shellPath + shellArgs), never a shell command line. The end of a run is the wrapper's
// exit-status.json; a terminal closed before it was written ends the run with no status.
import * as vscode from 'vscode';
import { waitForExitStatus, type ExitStatusRecord } from './runSpec';
import type { TerminalPolicy } from './runSettings';

export interface TerminalJob {
  name: string;
  specFile: string;
  exitStatusFile: string;
  cwd: string;
  /** Focus the terminal: someone has to press RETURN and answer the prompts. */
  focus: boolean;
  policy: TerminalPolicy;
}

export class RunTerminals implements vscode.Disposable {
  private readonly closed = new WeakSet<vscode.Terminal>();
  private readonly running = new Set<vscode.Terminal>();
  private finished: vscode.Terminal[] = [];
  private readonly subscription: vscode.Disposable;

  constructor(private readonly wrapperScript: string) {
    this.subscription = vscode.window.onDidCloseTerminal((terminal) => this.closed.add(terminal));
  }

  /** Runs the job in a new terminal and resolves when the wrapper has written its exit status. */
  async run(job: TerminalJob, onStart?: (terminal: vscode.Terminal) => void): Promise<ExitStatusRecord | undefined> {
    if (job.policy === 'reuse') {
      for (const old of this.finished) old.dispose();
      this.finished = [];
    }
    const terminal = vscode.window.createTerminal({
      name: job.name,
      shellPath: process.execPath,
      shellArgs: [this.wrapperScript, job.specFile],
      cwd: job.cwd,
      // The extension host's executable is Electron in desktop VS Code: run it as plain Node.
      env: { ELECTRON_RUN_AS_NODE: '1' },
      iconPath: new vscode.ThemeIcon('beaker'),
      isTransient: true,
    });
    this.running.add(terminal);
    terminal.show(!job.focus);
    onStart?.(terminal);
    try {
      return await waitForExitStatus(job.exitStatusFile, () => this.closed.has(terminal));
    } finally {
      this.running.delete(terminal);
      if (!this.closed.has(terminal)) this.finished.push(terminal);
    }
  }

  /** Ctrl-C, typed into the terminal: runtest's SIGINT handler tidies up and dies (rt:144). */
  static interrupt(terminal: vscode.Terminal): void {
    terminal.sendText('\x03', false);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
