import * as assert from 'node:assert/strict';
import { completeRequires, completeScript } from '../../../language-server/src/features/completion';
import { foldingRanges } from '../../../language-server/src/features/folding';
import { hover } from '../../../language-server/src/features/hover';
import { documentSymbols } from '../../../language-server/src/features/symbols';
import { ScriptLines } from '../../../language-server/src/syntax/lines';
import { parseScript } from '../../../language-server/src/syntax/parser';

const script = '# TFO test\n# one\n# two\nneed_ipv4\nexim -DSERVER=server -bd -oX PORT_D\n****\n0 TZ=GB\nexim -odi $msg1 with_cookie@test.ex\nTesting\n****\nmunge dnssec\nkilldaemon\n';
const lines = new ScriptLines(script);
const ast = parseScript(lines);
const text = (h: ReturnType<typeof hover>) => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');

describe('hover', () => {
  it('describes commands from the catalogue, and daemons', () => {
    assert.match(text(hover(ast, lines, 11, 2)), /\*\*killdaemon\*\*/);
    assert.match(text(hover(ast, lines, 4, 1)), /daemon/);
  });
  it('explains tokens, $msgN, return-code lines, flags and the terminator', () => {
    assert.match(text(hover(ast, lines, 4, 33)), /PORT_D.*1225/);
    assert.match(text(hover(ast, lines, 7, 11)), /message 1 on the queue/);
    assert.match(text(hover(ast, lines, 6, 0)), /expects exit status 0 .*TZ=GB/);
    assert.match(text(hover(ast, lines, 3, 2)), /need_ipv4/);
    assert.match(text(hover(ast, lines, 9, 1)), /Ends the block of `exim` \(line 8\)/);
  });
});

describe('completion', () => {
  it('offers commands, flags and need lines at the start of a line between commands', () => {
    const labels = completeScript(ast, lines, 12, 0).map((c) => c.label);
    for (const want of ['killdaemon', 'exim', 'client-anytls', 'no_msglog_check', 'need_ipv6']) assert.ok(labels.includes(want), want);
  });
  it('offers munge names after munge, tokens inside stdin blocks', () => {
    assert.ok(completeScript(ast, new ScriptLines('# T\nmunge \n'), 1, 6).some((c) => c.label === 'dnssec'));
    assert.ok(completeScript(ast, lines, 8, 0).some((c) => c.label === 'PORT_D'));
  });
  it('offers REQUIRES directives and running services', () => {
    assert.ok(completeRequires(new ScriptLines('\n'), 0, 0).some((c) => c.label === 'support'));
    assert.deepEqual(completeRequires(new ScriptLines('running \n'), 0, 8).map((c) => c.label).slice(0, 2), ['IPv4', 'IPv6']);
  });
});

describe('symbols and folding', () => {
  it('lists every command in the outline', () => {
    assert.deepEqual(documentSymbols(ast, lines).map((s) => s.name), ['exim -DSERVER=server -bd -oX PORT_D', 'exim -odi $msg1 with_cookie@test.ex', 'munge dnssec', 'killdaemon']);
  });
  it('folds blocks and comment runs', () => {
    assert.deepEqual(foldingRanges(ast, lines).map((f) => [f.startLine, f.endLine]), [[0, 2], [4, 5], [7, 9]]);
  });
});
