/**
 * What the script-level sudo commands touch: `sudo exim` and `sudo rm|mv|cp|chown|chmod|mkdir|rmdir`.
 */
import type { Command } from '../syntax/ast';

const fileVerbs: Record<string, string> = {
  rm: 'removes', rmdir: 'removes the directories', mkdir: 'creates the directories', mv: 'moves', cp: 'copies',
  chown: 'changes the owner of', chmod: 'changes the mode of',
};

/** In our words, what a script-level sudo command does as root; undefined for other commands. */
export function describeSudoCommand(command: Command): string | undefined {
  if (command.exim?.sudo) {
    const who = command.exim.sudoUser ? `as user ${command.exim.sudoUser}` : 'as root';
    return `Runs Exim ${who} through sudo: the real uid is ${command.exim.sudoUser ?? 'root'}, so Exim trusts the command line as it would for that user (e.g. \`-oMa\`, \`-f\`), and files it creates belong to ${command.exim.sudoUser ?? 'root'}.`;
  }
  const m = /^sudo\s+(\w+)\s+(.*)$/.exec(command.text);
  if (!m || !(m[1] in fileVerbs)) return undefined;
  const words = m[2].trim().split(/\s+/);
  const options = words.filter((w) => w.startsWith('-'));
  const operands = words.filter((w) => !w.startsWith('-'));
  let what: string;
  if (m[1] === 'chown' || m[1] === 'chmod') {
    what = `${fileVerbs[m[1]]} ${operands.slice(1).join(' ')} to ${operands[0]}`;
  } else if (m[1] === 'mv' || m[1] === 'cp') {
    what = `${fileVerbs[m[1]]} ${operands.slice(0, -1).join(' ')} to ${operands[operands.length - 1]}`;
  } else {
    what = `${fileVerbs[m[1]]} ${operands.join(' ')}`;
  }
  const flags = options.length ? ` (options ${options.join(' ')})` : '';
  const globs = /[*?[]/.test(m[2]) ? ' Globs are expanded by the calling user\'s shell before sudo runs, so a pattern in a directory that user cannot read matches nothing.' : '';
  const outside = operands.some((o) => !o.startsWith('DIR/') && !/^[\w.-]+$/.test(o) && !/^\d+$/.test(o) && !/^[ugoa]*[+=-]/.test(o)) ? ' Some paths are outside the test directory (not under DIR/).' : '';
  return `As root, ${what}${flags}.${globs}${outside}`;
}
