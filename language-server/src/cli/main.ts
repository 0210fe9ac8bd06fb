/**
 * `exim-test`: the language checks and the TFO analysis without VS Code.
 *   exim-test lint [--format json] [--hints] PATH…
 *   exim-test commands PATH…
 *   exim-test analyze --log FILE… --capture FILE… [--script FILE] [--format json]
 */
import { runAnalyze } from './analyzeCommand';
import { runCommands } from './commandsCommand';
import { runLint } from './lintCommand';

const usage = `usage:
  exim-test lint [--format json] [--hints] PATH…     check scripts and REQUIRES files (exit 1 on any error)
  exim-test commands PATH…                           list every command: file<TAB>line<TAB>kind
  exim-test analyze --log FILE… --capture FILE… [--script FILE] [--format json]
                                                     TCP Fast Open facts from Exim logs and captures`;

export async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  const out = (s: string) => process.stdout.write(s);
  const err = (s: string) => process.stderr.write(s);
  switch (verb) {
    case 'lint': return runLint(rest, out, err);
    case 'commands': return runCommands(rest, out, err);
    case 'analyze': return runAnalyze(rest, out, err);
    case '--help': case '-h': case 'help': out(usage + '\n'); return 0;
    default: err(`${verb ? `unknown command "${verb}"\n` : ''}${usage}\n`); return 2;
  }
}

/** Entry used by bin/exim-test.js. */
export function run(): void {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e) => {
    process.stderr.write(`exim-test: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  });
}
