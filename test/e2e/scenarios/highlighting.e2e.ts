// The grammar, seen in the editor: language mode, colours of command words, Perl inside sudo perl.
import * as assert from 'node:assert/strict';
import { lineOf, positionOf, until, type Token } from '../harness';
import { scenario, wb, workspacePath } from '../run-e2e';

const script = 'test/scripts/1090-TCP-Fast-Open/1090';
const line = (text: string) => lineOf(workspacePath(script), text);
const colourOf = (tokens: Token[], word: string) => tokens.find(token => token.text.trim() === word)?.color;

scenario('highlighting', () => {
  it('opens a script in the language mode "Exim Test Script"', async () => {
    await wb().openFile(script);
    await until('language mode "Exim Test Script"', () => wb().languageMode(), mode => mode === 'Exim Test Script');
  });

  it('colours command words apart from plain data lines', async () => {
    const plain = await wb().plainColour();
    const data = (await wb().lineTokens(line('This body goes out after')))[0]?.color;
    for (const [word, text] of [['exim', 'exim -odi run2@tfo-lab.example'], ['killdaemon', 'killdaemon']]) {
      await until(`"${word}" in a colour of its own (plain ${plain}, data line ${data})`, () => wb().lineTokens(line(text)),
        tokens => ![undefined, plain, data].includes(colourOf(tokens, word)));
    }
    await wb().shot('command-colours');
  });

  it('gives the Perl in a sudo perl block Perl scopes', async () => {
    const at = positionOf(workspacePath(script), 'system("tc qdisc add');
    const scopes = await wb().inspectTokens(at.line, at.column);
    // meta.embedded.block.perl is our own grammar's scope; a Perl scope proves source.perl was included.
    const perlScopes = scopes.split(/\s+/).filter(word => /\.perl$/.test(word) && !word.startsWith('meta.embedded.'));
    assert.ok(perlScopes.length > 0, `no Perl scope for "system" in:\n${scopes}`);
    const tokens = await wb().lineTokens(at.line);
    assert.notEqual(colourOf(tokens, 'system'), await wb().plainColour(), `"system" is not coloured: ${JSON.stringify(tokens)}`);
  });
});
