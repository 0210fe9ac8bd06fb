/**
 * Our grammars in vscode-textmate with the real Oniguruma engine, the way VS Code runs them.
 * `source.perl` is the Perl grammar from tm-grammars, so embedded Perl is tokenised for real.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { repoRoot } from '../../support/paths';

const grammarFiles: Readonly<Record<string, string>> = {
  'source.exim-test': path.join(repoRoot, 'syntaxes', 'exim-test.tmLanguage.json'),
  'source.exim-test-requires': path.join(repoRoot, 'syntaxes', 'exim-test-requires.tmLanguage.json'),
  // tm-grammars has no main export for CommonJS; its grammar files are exported by path.
  'source.perl': require.resolve('tm-grammars/grammars/perl.json'),
};

let registry: Promise<textmate.Registry> | undefined;

function loadRegistry(): Promise<textmate.Registry> {
  registry ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
        createOnigString: (text: string) => new oniguruma.OnigString(text),
      }),
      loadGrammar: async (scopeName: string) => {
        const file = grammarFiles[scopeName];
        return file ? textmate.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
      },
    });
  })();
  return registry;
}

export async function loadGrammar(scopeName: 'source.exim-test' | 'source.exim-test-requires'): Promise<textmate.IGrammar> {
  const grammar = await (await loadRegistry()).loadGrammar(scopeName);
  if (!grammar) throw new Error(`grammar ${scopeName} did not load`);
  return grammar;
}

export interface Token {
  text: string;
  /** Outermost first, without the grammar's own scope name. */
  scopes: string[];
}

/** One array of tokens per line, the lines given as runtest reads them (split at LF only). */
export function tokenizeLines(grammar: textmate.IGrammar, lines: readonly string[]): Token[][] {
  let state = textmate.INITIAL;
  return lines.map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes.slice(1) }));
  });
}

/** Tokenises a small script of our own; a trailing LF does not start another line. */
export function tokenizeText(grammar: textmate.IGrammar, text: string): Token[][] {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return tokenizeLines(grammar, lines);
}

export const hasScope = (token: Token | undefined, prefix: string): boolean =>
  token !== undefined && token.scopes.some((s) => s === prefix || s.startsWith(prefix + '.'));

/** The command line's first token: every command line is `meta.command`. */
export const startsCommand = (line: readonly Token[]): boolean => hasScope(line[0], 'meta.command.exim-test');

/** The words the grammar marks as the command (`sudo` and the command word), e.g. `sudo rm`. */
export function commandWords(line: readonly Token[]): string {
  return line
    .filter((t) => hasScope(t, 'keyword.other.sudo') || t.scopes.some((s) => s.startsWith('support.function.command.')))
    .map((t) => t.text)
    .join(' ');
}

export const describeTokens = (line: readonly Token[]): string =>
  line.map((t) => `${JSON.stringify(t.text)} ${t.scopes.join(' ')}`).join(' | ');
