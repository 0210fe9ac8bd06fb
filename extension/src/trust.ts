// Workspace Trust: in an untrusted workspace the extension edits and checks, but runs nothing:
// no runtest, no tcpdump, no restore commands (package.json: untrustedWorkspaces "limited").
// Pure, so the refusal is unit-tested; callers pass `vscode.workspace.isTrusted`.

export type GuardedAction = 'run' | 'capture' | 'restore';

const what: Record<GuardedAction, string> = {
  run: 'run runtest',
  capture: 'start a packet capture',
  restore: 'run restore commands with sudo',
};

/** The message to show instead of acting, or undefined when the action may go ahead. */
export function untrustedRefusal(isTrusted: boolean, action: GuardedAction): string | undefined {
  if (isTrusted) return undefined;
  return `Exim Test will not ${what[action]} in an untrusted workspace: the scripts, confs and runtest in it would run with your sudo rights. Trust the workspace (Workspaces: Manage Workspace Trust) to ${what[action]}.`;
}
