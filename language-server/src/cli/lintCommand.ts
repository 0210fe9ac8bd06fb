import { severityOf, type Finding } from '../checks/rules';
import { lintFile } from '../lint';
import { NodeWorkspace } from '../workspace';
import { findFiles, readFoundFile } from './findFiles';

type Write = (text: string) => void;

export interface FileReport {
  file: string;
  diagnostics: { line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }[];
}

export async function runLint(args: string[], out: Write, err: Write): Promise<number> {
  const json = takeOption(args, '--format') === 'json';
  const hints = takeFlag(args, '--hints');
  if (args.length === 0) { err('exim-test lint: give at least one file or folder\n'); return 2; }
  const { files, missing } = await findFiles(args);
  for (const m of missing) err(`exim-test lint: ${m}: no such file or folder\n`);
  const workspace = new NodeWorkspace();
  const reports: FileReport[] = [];
  let errors = 0;
  for (const file of files) {
    const text = await readFoundFile(file);
    if (text === undefined) continue;
    const findings = (await lintFile(file, text, workspace)).filter((f) => hints || severityOf(f.code) !== 'hint');
    findings.sort((a, b) => a.line - b.line || (a.from ?? 0) - (b.from ?? 0));
    errors += findings.filter((f) => severityOf(f.code) === 'error').length;
    reports.push({ file, diagnostics: findings.map(toReport) });
  }
  if (json) out(JSON.stringify(reports.filter((r) => r.diagnostics.length > 0), null, 2) + '\n');
  else for (const r of reports) for (const d of r.diagnostics) out(`${r.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.code}]\n`);
  return errors > 0 || missing.length > 0 ? 1 : 0;
}

function toReport(f: Finding): FileReport['diagnostics'][number] {
  return { line: f.line + 1, column: (f.from ?? 0) + 1, endLine: (f.lastLine ?? f.line) + 1, endColumn: (f.to ?? f.from ?? 0) + 1, severity: severityOf(f.code), code: f.code, message: f.message };
}

export function takeOption(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at === -1) return undefined;
  const value = args[at + 1];
  args.splice(at, 2);
  return value;
}

export function takeFlag(args: string[], name: string): boolean {
  const at = args.indexOf(name);
  if (at === -1) return false;
  args.splice(at, 1);
  return true;
}
