/**
 * `perl -c` on the `sudo perl` blocks of a script, after runtest's substitutions (DIR/,
 * HOSTIPV4, TESTNUM…), as runtest would feed them to Perl.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ScriptLines } from '../../../language-server/src/syntax/lines';
import { parseScript } from '../../../language-server/src/syntax/parser';

export interface PerlBlock {
  /** runtest's 1-based line of the `sudo perl` command. */
  line: number;
  program: string;
}

export function sudoPerlBlocks(text: string): PerlBlock[] {
  const lines = new ScriptLines(text);
  return parseScript(lines).commands
    .filter((c) => c.kind === 'sudo perl' && c.block)
    .map((c) => ({ line: c.line + 1, program: lines.lines.slice(c.block!.firstLine, c.block!.endLine).join('\n') }));
}

/** Plausible values for runtest's tokens (reference §4). */
export function substituteTokens(program: string, testNumber = '9000'): string {
  return program
    .replace(/\bCALLER_UID\b/g, '1000').replace(/\bCALLER_GID\b/g, '1000').replace(/\bCALLERGROUP\b/g, 'tester').replace(/\bCALLER\b/g, 'tester')
    .replace(/\bDIR\//g, '/srv/exim/test/')
    .replace(/\bEXIMUSER\b/g, 'exim').replace(/\bEXIMGROUP\b/g, 'exim')
    .replace(/\bHOSTIPV4\b/g, '192.0.2.10').replace(/\bHOSTIPV6\b/g, '2001:db8::10').replace(/\bHOSTNAME\b/g, 'myhost.example.org')
    .replace(/(\b|_)PORT_D\b/g, (_m, before: string) => `${before}1225`).replace(/\bPORT_D2\b/g, '1226').replace(/\bPORT_D3\b/g, '1227').replace(/\bPORT_D4\b/g, '1228')
    .replace(/\bPORT_N\b/g, '1223').replace(/\bPORT_S\b/g, '1224').replace(/\bPORT_DYNAMIC\b/g, '1024')
    .replace(/\bTESTNUM\b/g, testNumber)
    .replace(/(\b|_)V4NET([._])/g, (_m, before: string, after: string) => `${before}224${after}`).replace(/\bV6NET:/g, 'ff00:')
    .replace(/\bMAILGROUP\b/g, 'mail').replace(/\bCLAMSOCKET\b/g, '');
}

/** What `perl -c` says about the program: `- syntax OK` when it compiles. */
export function perlCheck(program: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sudo-perl-'));
  try {
    const file = path.join(dir, 'block.pl');
    writeFileSync(file, `${program}\n`);
    const run = spawnSync('perl', ['-c', file], { encoding: 'utf8', timeout: 30_000 });
    const output = `${run.stdout ?? ''}${run.stderr ?? ''}`.trim();
    return { ok: run.status === 0 && /syntax OK/.test(output), output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every `sudo perl` block of the script that `perl -c` rejects, with what it said. */
export function perlSyntaxErrors(text: string, testNumber?: string): string[] {
  return sudoPerlBlocks(text).flatMap((b) => {
    const { ok, output } = perlCheck(substituteTokens(b.program, testNumber));
    return ok ? [] : [`sudo perl at line ${b.line}: ${output}`];
  });
}
