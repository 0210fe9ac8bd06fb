/** What runtest does with a REQUIRES file. */
import { requiresDirectives, runningServices } from '../catalogue/catalogue';
import type { RequiresAst } from '../syntax/requiresParser';
import type { Finding } from './rules';

export function checkRequires(ast: RequiresAst): Finding[] {
  const findings: Finding[] = [];
  for (const entry of ast.lines) {
    if (!entry.directive) {
      findings.push({ code: 'unknown-requires-line', line: entry.line, to: entry.text.length,
        message: `runtest stops the whole run here: "Unknown line in REQUIRES" — REQUIRES has no comments, and the known directives are ${requiresDirectives.map((d) => d.keyword).join(', ')}.` });
      continue;
    }
    const argument = entry.argument ?? '';
    if (entry.directive.argument !== undefined && (argument === '' || /^[\t\n\v\f\r ]/.test(argument))) {
      findings.push({ code: 'requires-spacing', line: entry.line, to: entry.text.length,
        message: `"${entry.directive.keyword}" must be followed by exactly one space and then the ${entry.directive.argument}; runtest would look up "${argument}", which is never met.` });
      continue;
    }
    if (entry.directive.keyword === 'running' && !runningServices.includes(argument)) {
      findings.push({ code: 'requires-never-met', line: entry.line, from: entry.argumentStart, to: entry.text.length,
        message: `runtest only probes for ${runningServices.join(', ')}: "running ${argument}" is never met, so every test in this folder is always omitted.` });
    }
  }
  return findings;
}
