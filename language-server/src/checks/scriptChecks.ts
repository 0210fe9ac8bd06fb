/**
 * What runtest would do with a script: the errors that abort the whole run and the quiet traps.
 */
import { commandCatalogue, mungeNames } from '../catalogue/catalogue';
import type { Command, Rejection, ScriptAst } from '../syntax/ast';
import type { ScriptLines } from '../syntax/lines';
import { classifyBetweenCommands, dispatch } from '../syntax/parser';
import type { Finding } from './rules';

export interface ScriptContext {
  /** The test number from the file name (`1090`), when the file is named like a script. */
  testNumber?: string;
  /** Whether confs/NNNN exists; undefined when that cannot be known. */
  confExists?: boolean;
}

const ABORT = 'runtest stops the whole run here';
const DATA_PREFIX = /^(:[^\t\n\v\f\r ]+?:)/;
const knownDataPrefixes = new Set([':eval:', ':noeol:', ':sleep:', ':file:']);
const sudoWords = commandCatalogue.filter((k) => k.name.startsWith('sudo ')).map((k) => k.name.slice(5));

export function checkScript(ast: ScriptAst, lines: ScriptLines, context: ScriptContext = {}): Finding[] {
  const findings: Finding[] = [];
  if (ast.lineCount === 0 || !ast.hasTitle) {
    findings.push({ code: 'missing-title', line: 0, message: `${ABORT}: "Missing identifying comment" — line 1 must be a title starting with \`#\`.` });
  }
  let sawWorkingCommand = false;
  let commandIndex = 0;
  for (const skipped of ast.skipped) {
    while (commandIndex < ast.commands.length && ast.commands[commandIndex].line < skipped.line) {
      if (!ast.commands[commandIndex].entry?.preamble) sawWorkingCommand = true;
      commandIndex++;
    }
    if (skipped.kind === 'need' && sawWorkingCommand) {
      findings.push({ code: 'need-after-command', line: skipped.line, to: skipped.name!.length,
        message: `\`${skipped.name}\` comes after commands that have already run: when the requirement is not met runtest skips the test only from here, and what ran before stays done.` });
    }
  }
  for (const command of ast.commands) checkCommand(command, lines, context, findings);
  const firstExim = ast.commands.find((c) => c.exim);
  if (firstExim && context.confExists === false && context.testNumber) {
    findings.push({ code: 'missing-conf', line: firstExim.line, to: firstExim.text.length,
      message: `confs/${context.testNumber} does not exist: runtest aborts the whole run ("Couldn't open …/confs/${context.testNumber}") when it reaches this first exim command.` });
  }
  return findings;
}

function checkCommand(command: Command, lines: ScriptLines, context: ScriptContext, findings: Finding[]): void {
  if (command.kind === 'unrecognised') {
    findings.push(rejectionFinding(command, command.rejection ?? { reason: 'unknown' }));
    return;
  }
  const rc = command.returnCode;
  if (rc && command.entry) {
    const daemonLike = command.exim && (command.exim.daemon || command.exim.waitMode);
    if (command.entry.rc === 'never' || daemonLike) {
      findings.push({ code: 'unchecked-return-code', line: rc.line,
        message: `runtest never checks the exit status of ${daemonLike ? 'a daemon start' : `\`${command.kind}\``}: this return-code line has no effect${rc.env ? ' (its environment setting still applies)' : ''}.` });
    } else if (command.entry.rc === 'always-zero' && (rc.negated ? rc.code === 0 : rc.code !== 0)) {
      findings.push({ code: 'return-code-always-zero', line: rc.line,
        message: `\`${command.kind}\` always ends with status 0 (runtest appends an \`echo\` to it), so this expectation always fails.` });
    }
  }
  if (command.kind === 'munge') {
    const name = command.text.replace(/^munge[\t\n\v\f\r ]+/, '');
    if (!mungeNames.includes(name)) {
      const from = command.text.length - name.length;
      findings.push({ code: 'unknown-munge', line: command.line, from, to: command.text.length,
        message: `runtest has no munge called "${name}" and silently ignores it. Known: ${mungeNames.join(', ')}.` });
    }
  }
  if (command.sizeSpecs && command.block && command.block.sizedSeparatorLine === undefined) {
    findings.push({ code: 'sized-write-without-separator', line: command.line, to: command.text.length,
      message: `\`${command.kind}\` has size specs (${command.sizeSpecs.join(' ')}) but no \`++++\` line before \`****\`: runtest writes the block and silently leaves out the sized lines.` });
  }
  const block = command.block;
  if (!block) return;
  if (block.terminatorLine === undefined && block.firstLine < block.endLine) checkBlockAtEof(command, lines, findings);
  if (block.role === 'stdin') checkDataPrefixes(command, lines, findings);
}

function checkBlockAtEof(command: Command, lines: ScriptLines, findings: Finding[]): void {
  const block = command.block!;
  let suspicious: number | undefined;
  for (let i = block.firstLine; i < block.endLine; i++) {
    const text = lines.lines[i];
    const skipped = classifyBetweenCommands(text, i, lines.withNewline(i));
    if (skipped?.kind === 'flag' || skipped?.kind === 'need' || (!skipped && looksLikeCommand(text))) {
      suspicious = i;
      break;
    }
  }
  if (suspicious !== undefined) {
    findings.push({ code: 'block-runs-to-eof', line: command.line, to: command.text.length,
      message: `This ${command.kind} block has no \`****\` and runs to end of file, so line ${suspicious + 1} ("${lines.lines[suspicious].trim()}") is read as data, not as a command. (Flags like no_msglog_check still take effect through runtest's pre-scan.)` });
  } else {
    findings.push({ code: 'block-ends-at-eof', line: command.line, to: command.text.length,
      message: `This ${command.kind} block has no \`****\`: it ends at end of file, which runtest accepts.` });
  }
}

/** A data line that runtest would dispatch as a command if the block had ended before it. */
function looksLikeCommand(text: string): boolean {
  return dispatch(text.replace(/[\t\n\v\f\r ]+$/, '')) !== undefined;
}

function checkDataPrefixes(command: Command, lines: ScriptLines, findings: Finding[]): void {
  const block = command.block!;
  for (let i = block.firstLine; i < block.endLine; i++) {
    const text = lines.lines[i];
    if (text.charCodeAt(0) !== 58 /* : */) continue;
    const match = DATA_PREFIX.exec(text);
    if (!match || knownDataPrefixes.has(match[1])) continue;
    findings.push({ code: 'data-prefix-stripped', line: i, to: match[1].length,
      message: `runtest treats "${match[1]}" at the start of a data line as a data command and always strips it (known: ${[...knownDataPrefixes].join(' ')}); this line is sent without it.` });
  }
}

function rejectionFinding(command: Command, rejection: Rejection): Finding {
  const base = { line: command.line, to: command.text.length, lastLine: command.lastLine };
  const quoted = `"${command.text.length > 60 ? command.text.slice(0, 57) + '…' : command.text}"`;
  switch (rejection.reason) {
    case 'eof-after-return-code':
      return { code: 'eof-after-return-code', line: command.returnCode!.line, message: `${ABORT}: "Unexpected EOF in script" — a return-code line must be followed by the command it applies to.` };
    case 'indented':
      return { ...base, code: 'indented-command', data: rejection,
        message: `${ABORT}: "Command unrecognized" — only exim commands may start with whitespace${rejection.wouldBe ? `; without the indentation this is ${rejection.wouldBe === 'comment' ? 'a comment' : `a \`${rejection.wouldBe}\` command`}` : ''}.` };
    case 'stray-terminator':
      return { ...base, code: 'stray-terminator', message: `${ABORT}: "Command unrecognized" — this \`****\` closes no block (the command before it takes no data lines, or its block already ended).` };
    case 'bare-verbose-comment':
      return { ...base, code: 'bare-verbose-comment', message: `${ABORT}: "Command unrecognized" — \`###\` with nothing after it is neither a comment nor a \`### text\` command. Add text, or use \`#\`.` };
    case 'sudo-refused':
      return { ...base, code: 'sudo-refused', data: rejection,
        message: `${ABORT}: "Command unrecognized" — runtest accepts \`sudo\` only before exim, perl, ${sudoWords.filter((w) => w !== 'perl').join(', ')}; not before \`${rejection.word}\`.` };
    case 'needs-sudo':
      return { ...base, code: 'sudo-required', data: rejection,
        message: `${ABORT}: "Command unrecognized" — runtest accepts \`${rejection.word}\` only as \`sudo ${rejection.word}\`.` };
    case 'missing-arguments': {
      const syntax = commandCatalogue.find((k) => k.name === rejection.kind)?.syntax ?? rejection.kind;
      return { ...base, code: 'missing-arguments', message: `${ABORT}: "Command unrecognized" — \`${rejection.kind}\` needs arguments: ${syntax}.` };
    }
    case 'return-code-with-cr':
      return { ...base, code: 'unrecognised-command', message: `${ABORT}: "Command unrecognized" — this return-code line ends in a CR (CRLF line endings), so runtest's return-code pattern does not match it and it is taken as a command. Save the file with LF line endings.` };
    default:
      return { ...base, code: 'unrecognised-command', message: `${ABORT}: "Command unrecognized in line ${command.line + 1}" — ${quoted} is not a runtest command.` };
  }
}
