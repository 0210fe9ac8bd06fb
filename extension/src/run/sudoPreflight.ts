// runtest starts with `sudo true` (rt:3841) and dies when that fails. Before a run the
// extension asks `sudo -n true`, which never prompts: when it fails, the terminal says so before
// runtest starts, and the password is typed into the terminal, to sudo. The extension never
// asks for, stores or logs a password.

export type SudoState = 'ready' | 'needs-password' | 'missing';

export async function checkSudo(): Promise<SudoState> {
  const { execa } = await import('execa');
  const result = await execa('sudo', ['-n', 'true'], { reject: false, stdin: 'ignore', timeout: 10_000 });
  if (result.exitCode === 0) return 'ready';
  return (result as { code?: string }).code === 'ENOENT' ? 'missing' : 'needs-password';
}

/** The line the terminal prints before runtest starts, or undefined when there is nothing to say. */
export function sudoNote(state: SudoState): string | undefined {
  switch (state) {
    case 'ready':
      return undefined;
    case 'needs-password':
      return 'sudo needs a password on this machine: runtest (`sudo true`) will ask for it in this terminal. Type it here; the extension never sees it.';
    case 'missing':
      return 'sudo is not installed: runtest needs sudo access to root and will stop with "Test for sudo failed".';
  }
}
