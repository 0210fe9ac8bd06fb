/**
 * A test that uses TCP Fast Open must be skipped on an Exim built without it: its folder's
 * REQUIRES needs `support TCP_Fast_Open`. TFO use is `hosts_try_fastopen` with a host list in
 * the conf (macros resolved, `-DNAME=` on the script's exim lines winning), a `tcp_fastopen`
 * sysctl in a sudo block, or `server -tfo`.
 */
import type { ScriptAst } from '../syntax/ast';
import type { SudoAnalysis } from '../sudo/sudoAnalysis';
import type { Finding } from './rules';
import type { ScenarioContext } from './scenarioContext';

export const TFO_REQUIREMENT = 'support TCP_Fast_Open';

interface Use {
  line: number;
  from?: number;
  to?: number;
  what: string;
}

export function checkTfoRequirements(ast: ScriptAst, analysis: SudoAnalysis, context: ScenarioContext): Finding[] {
  if (!context.requiresPath) return [];
  if (context.requiresText !== undefined && context.requiresText.split('\n').some((l) => l.trimEnd() === TFO_REQUIREMENT)) return [];
  const use = firstUse(ast, analysis, context.confText);
  if (!use) return [];
  return [{ code: 'tfo-not-required', line: use.line, from: use.from, to: use.to, data: { requiresPath: context.requiresPath, line: TFO_REQUIREMENT },
    message: `${use.what} uses TCP Fast Open, but ${context.requiresText === undefined ? 'this folder has no REQUIRES' : 'the folder\'s REQUIRES lacks'} \`${TFO_REQUIREMENT}\`: on an Exim built without TFO the test runs and fails instead of being skipped.` }];
}

function firstUse(ast: ScriptAst, analysis: SudoAnalysis, confText: string | undefined): Use | undefined {
  const uses: Use[] = [];
  for (const op of analysis.operations) {
    if (op.effect.resource && /tcp_fastopen$|fastopen\.(client|server)_enable$/.test(op.effect.resource) && op.effect.action === 'set') {
      uses.push({ line: op.span.line, from: op.span.from, to: op.span.endLine === op.span.line ? op.span.to : undefined, what: `This sysctl (${op.effect.resource.slice(7)})` });
    }
  }
  for (const c of ast.commands) {
    if (c.kind === 'server' && /(^|\s)-tfo(\s|$)/.test(c.text)) uses.push({ line: c.line, to: c.text.length, what: '`server -tfo`' });
  }
  const exims = ast.commands.filter((c) => c.exim);
  if (confText !== undefined && exims.length) {
    const enabling = confEnablesTfo(confText, exims.map((c) => c.exim!.args));
    if (enabling) {
      const at = exims.find((c) => enabling.macro && c.exim!.args.includes(`-D${enabling.macro}=`)) ?? exims[0];
      uses.push({ line: at.line, to: at.text.length, what: `The conf (\`hosts_try_fastopen = ${enabling.value}\`${enabling.macro ? ` with -D${enabling.macro}` : ''})` });
    }
  }
  return uses.sort((a, b) => a.line - b.line)[0];
}

/** A `hosts_try_fastopen` whose value, with macros expanded, is a non-empty host list. */
export function confEnablesTfo(confText: string, eximArgs: string[]): { value: string; macro?: string } | undefined {
  const macros = new Map<string, string>();
  for (const line of confText.split('\n')) {
    const m = /^\s*([A-Z][A-Za-z0-9_]*)\s*==?\s*(.*?)\s*$/.exec(line);
    if (m && !macros.has(m[1])) macros.set(m[1], m[2]);
  }
  const commandLine = new Map<string, string>();
  for (const args of eximArgs) {
    for (const m of args.matchAll(/(?:^|\s)-D([A-Za-z_][A-Za-z0-9_]*)(?:=(\S*))?/g)) commandLine.set(m[1], m[2] ?? '');
  }
  for (const line of confText.split('\n')) {
    const m = /^\s*hosts_try_fastopen\s*=\s*(.*?)\s*$/.exec(line);
    if (!m) continue;
    let macro: string | undefined;
    const value = m[1].replace(/\b[A-Z][A-Za-z0-9_]*\b/g, (name) => {
      if (commandLine.has(name)) { macro = name; return commandLine.get(name)!; }
      return macros.get(name) ?? name;
    }).trim();
    // An empty list or `:` turns TFO off; an expansion decides per message, so we cannot tell.
    if (value === '' || value === ':' || value.includes('$')) continue;
    return { value: m[1], macro };
  }
  return undefined;
}
