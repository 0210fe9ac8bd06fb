/**
 * What the `sudo perl` blocks leave behind: changes never undone, undone to a guessed value, or
 * undone only after commands that can stop the test; undos of nothing; repeated changes; empty
 * or unterminated blocks; netem without a word about kernels that lack it.
 */
import type { Command, ScriptAst } from '../syntax/ast';
import type { ScriptLines } from '../syntax/lines';
import type { SourceSpan } from '../sudo/blockText';
import { restoreAdvice, saveStatement } from '../sudo/restorePlan';
import { analyseSudo, type ChangeStory, type Operation, type SudoAnalysis } from '../sudo/sudoAnalysis';
import { stopPoints } from '../sudo/stopPoints';
import { watchdogUndoOf } from '../sudo/watchdog';
import { checkDaemons } from './daemonChecks';
import type { Finding, RuleCode } from './rules';
import type { ScenarioContext } from './scenarioContext';
import { checkTfoRequirements } from './tfoChecks';

export { stopPoints, type StopPoint } from '../sudo/stopPoints';

/** Every check of this family; what `lint.ts` calls. */
export function checkScenario(ast: ScriptAst, lines: ScriptLines, context?: ScenarioContext, analysis = analyseSudo(ast, lines)): Finding[] {
  return [...checkSudo(ast, lines, analysis), ...checkDaemons(ast, lines), ...(context ? checkTfoRequirements(ast, analysis, context) : [])]
    .sort((a, b) => a.line - b.line || (a.from ?? 0) - (b.from ?? 0));
}

export function checkSudo(ast: ScriptAst, lines: ScriptLines, analysis = analyseSudo(ast, lines)): Finding[] {
  const findings: Finding[] = [];
  for (const story of analysis.stories) checkStory(ast, lines, story, findings);
  for (const op of analysis.orphanUndos) {
    findings.push(at('undo-without-change', op.span, `This ${op.effect.summary}, but nothing earlier in the script changed it, so it undoes a change made elsewhere (another test, or by hand) or does nothing.`, { resource: op.effect.resource }));
  }
  for (const story of analysis.stories) {
    for (const op of story.repeats) {
      findings.push(at('change-repeated', op.span, `The same change again: line ${story.change.span.line + 1} already ${story.change.effect.summary}, and nothing undid it in between${story.change.effect.kind === 'qdisc' ? ' (a second `tc qdisc add` fails with "File exists")' : ''}.`, { resource: story.resource }));
    }
  }
  for (const command of ast.commands) if (command.kind === 'sudo perl') checkBlockShape(command, lines, findings);
  checkNetem(ast, lines, analysis, findings);
  return findings;
}

function checkStory(ast: ScriptAst, lines: ScriptLines, story: ChangeStory, findings: Finding[]): void {
  if (story.undoKind === 'toggle') return;
  const change = story.change;
  const where = platformNote(change);
  if (!story.undo) {
    findings.push(at('change-never-undone', change.span,
      `This ${change.effect.summary}${where}, and nothing later in the script undoes it: the machine keeps it after the test, for every later test and afterwards. To fix, ${restoreAdvice(story)}.`,
      { resource: story.resource }));
    return;
  }
  const undo = story.undo;
  if (story.undoKind === 'fixed-value') {
    findings.push(at('undo-restores-fixed-value', undo.span,
      `This ${undo.effect.summary}, a value written into the script, not the value it had before line ${change.span.line + 1} ${change.effect.summary.replace(/^sets/, 'set')}: a machine configured otherwise is left changed. Save the value first (\`${saveStatement(story.resource)}\` before line ${change.span.line + 1}) and restore it from there.`,
      { resource: story.resource }));
  }
  const stops = stopPoints(ast, lines, change.command, undo.command);
  if (stops.length && !story.watchdog) {
    const first = stops[0];
    const miss = story.watchdogMiss ? ` The watchdog at line ${story.watchdogMiss.watchdog.span.line + 1} does not help: ${story.watchdogMiss.why}.` : watchdogUndoOf(story) ? ' The quick fix adds a watchdog: a root process that undoes it once runtest has left the test, should the run stop early.' : '';
    findings.push(at('undo-only-at-end', change.span,
      `This ${change.effect.summary}${where}; it is undone only at line ${undo.span.line + 1}, after ${stops.length} command${stops.length > 1 ? 's' : ''} that can stop the test early (first: line ${first.line + 1}, \`${first.text}\`${first.why}). An aborted run — q at runtest's prompt, Ctrl-C, a runtest error — leaves it in place, and nothing in runtest's cleanup undoes it.${miss}`,
      { resource: story.resource, undoLine: undo.span.line }));
  }
}

function checkBlockShape(command: Command, lines: ScriptLines, findings: Finding[]): void {
  const block = command.block;
  if (!block) return;
  const hasArgs = command.text.replace(/^sudo\s+perl\b/, '').trim() !== '';
  const program = lines.lines.slice(block.firstLine, block.endLine).some((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  if (!hasArgs && !program) {
    findings.push({ code: 'sudo-perl-empty', line: command.line, to: command.text.length,
      message: '`sudo perl` with no program: runtest runs Perl as root on an empty block, which does nothing. Give it a program, or remove it.' });
  }
  if (block.terminatorLine === undefined && block.firstLine < block.endLine) {
    findings.push({ code: 'sudo-perl-to-eof', line: command.line, to: command.text.length,
      message: `This \`sudo perl\` block has no \`****\`: everything from line ${block.firstLine + 1} to the end of the file (${block.endLine - block.firstLine} line${block.endLine - block.firstLine > 1 ? 's' : ''}) is Perl run as root, not script commands.` });
  }
}

const NETEM_SAID = /netem|kernel-modules|sch_netem/i;

function checkNetem(ast: ScriptAst, lines: ScriptLines, analysis: SudoAnalysis, findings: Finding[]): void {
  const said = ast.skipped.some((s) => s.kind === 'comment' && NETEM_SAID.test(lines.lines[s.line]) && /kernel|module|install/i.test(lines.lines[s.line]));
  if (said) return;
  for (const block of analysis.blocks) {
    // A watchdog's `$pid == 0` and `system(…) == 0` check nothing about netem.
    const text = withoutWatchdogs(lines, block.command, analysis).join('\n');
    const checked = /modprobe\s+(-\S+\s+)*sch_netem|\bor\s+die\b|==\s*0|\$\?/.test(text);
    for (const op of block.operations) {
      if (!op.effect.netem || checked) continue;
      findings.push(at('netem-unchecked', op.span,
        'On a kernel without the netem qdisc (e.g. no kernel-modules-extra, or sch_netem blacklisted) this `tc` fails with an unhelpful RTNETLINK error that `system` ignores, and the test then fails on timing instead. Say so in a comment, or check the result (`system(…) == 0 or die "netem missing"`).'));
    }
  }
}

/** The block's lines with its watchdogs blanked out. */
function withoutWatchdogs(lines: ScriptLines, command: Command, analysis: SudoAnalysis): string[] {
  const block = command.block!;
  const text = lines.lines.slice(block.firstLine, block.endLine);
  for (const w of analysis.watchdogs.filter((x) => x.command === command)) {
    const { line, from, endLine, to } = w.span;
    for (let l = line; l <= endLine; l++) {
      const i = l - block.firstLine;
      const start = l === line ? from : 0;
      const end = l === endLine ? to : text[i].length;
      text[i] = text[i].slice(0, start) + text[i].slice(end);
    }
  }
  return text;
}

function platformNote(op: Operation): string {
  if (!op.platform) return '';
  return op.platform.negated ? ` (on systems other than ${op.platform.os})` : ` (on ${op.platform.os} only)`;
}

function at(code: RuleCode, span: SourceSpan, message: string, data?: unknown): Finding {
  const finding: Finding = { code, line: span.line, from: span.from, to: span.endLine === span.line ? span.to : undefined, message };
  if (span.endLine !== span.line) finding.lastLine = span.endLine;
  if (data !== undefined) finding.data = data;
  return finding;
}
