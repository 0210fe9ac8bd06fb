/** Findings (runtest line numbers) → LSP diagnostics (editor positions). */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { severityOf, type Finding, type Severity } from './checks/rules';
import type { ScriptLines } from './syntax/lines';

const lspSeverity: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'exim-test';

export function toDiagnostic(finding: Finding, lines: ScriptLines): Diagnostic {
  const last = finding.lastLine ?? finding.line;
  const start = lines.position(finding.line, finding.from ?? 0);
  const end = last !== finding.line
    ? lines.lineRange(last).end
    : finding.to !== undefined ? lines.position(finding.line, finding.to) : lines.lineRange(finding.line).end;
  const diagnostic: Diagnostic = { range: { start, end }, severity: lspSeverity[severityOf(finding.code)], code: finding.code, source: DIAGNOSTIC_SOURCE, message: finding.message };
  if (finding.data !== undefined) diagnostic.data = finding.data;
  return diagnostic;
}
