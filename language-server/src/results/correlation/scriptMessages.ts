/**
 * Which exim commands of a script submit a message, and to whom: the recipient addresses on
 * the command line. Daemons and address-testing or listing modes submit nothing.
 */
import type { Command, ScriptAst } from '../../syntax/ast';

export interface SubmittingCommand {
  command: Command;
  /** Recipient addresses as written, tokens (CALLER, …) included. */
  recipients: string[];
}

const NON_SUBMITTING_MODE = /^-b(?:t|v|V|P|e|h|hc|p|pa|pc|pr|pu|F|f|rt|rw|I|M?|d|i|s|S|w)$/;

export function submittingCommands(ast: ScriptAst): SubmittingCommand[] {
  const found: SubmittingCommand[] = [];
  for (const command of ast.commands) {
    const exim = command.exim;
    if (!exim || exim.daemon || exim.waitMode || exim.special !== '') continue;
    const words = exim.args.split(/[\t\n\v\f\r ]+/).filter(Boolean);
    if (words.some((w) => NON_SUBMITTING_MODE.test(w) && w !== '-bm')) continue;
    const recipients = words.filter((w) => !w.startsWith('-') && w.includes('@') && !w.startsWith('$'));
    if (recipients.length > 0) found.push({ command, recipients: recipients.map(stripQuotes) });
  }
  return found;
}

function stripQuotes(word: string): string {
  return word.replace(/^['"]|['"]$/g, '');
}

/** A script address matches a logged one; runtest tokens such as CALLER match any text. */
export function addressMatches(scriptAddress: string, logged: string): boolean {
  const pattern = scriptAddress.split(/\b([A-Z][A-Z0-9_]{2,})\b/).map((part, i) => (i % 2 ? '\\S+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${pattern}$`, 'i').test(logged);
}
