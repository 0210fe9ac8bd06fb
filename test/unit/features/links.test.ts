import * as assert from 'node:assert/strict';
import { URI } from 'vscode-uri';
import { definition, documentLinks, macroLine } from '../../../language-server/src/features/links';
import { ScriptLines } from '../../../language-server/src/syntax/lines';
import { parseScript } from '../../../language-server/src/syntax/parser';
import { InMemoryWorkspace } from '../../../language-server/src/workspace';

const SCRIPT_PATH = '/t/scripts/1090-TCP-Fast-Open/1090';
const SCRIPT = '# TCP Fast Open\nexim -DSERVER=server -DOPT=y -bd -oX PORT_D\n****\nexim -odi -f DIR/aux-fixed/TESTNUM.key x\nDIR/aux-var/1090.data\nDIR/aux-fixed/missing\n****\n';
const uri = (p: string) => URI.file(p).toString();

function workspace(extra: Record<string, string> = {}) {
  return new InMemoryWorkspace({
    [SCRIPT_PATH]: SCRIPT, '/t/scripts/1090-TCP-Fast-Open/1091': '# x\n', '/t/scripts/1090-TCP-Fast-Open/REQUIRES': 'support TCP_Fast_Open\n',
    '/t/confs/1090': 'OPT = n\n.ifdef SERVER\nlog = x\n.endif\n', '/t/log/1090': '', '/t/stderr/1090': '',
    '/t/aux-fixed/1090.key': '', '/t/aux-var-src/1090.data': '', ...extra,
  });
}
const parsed = () => {
  const lines = new ScriptLines(SCRIPT);
  return { lines, ast: parseScript(lines) };
};

describe('documentLinks', () => {
  it('links exim commands to the conf and the title to the expected files that exist', async () => {
    const { lines, ast } = parsed();
    const links = await documentLinks(SCRIPT_PATH, ast, lines, workspace());
    const shown = links.map((l) => `${l.range.start.line}:${l.range.start.character}-${l.range.end.character} ${l.target}`);
    assert.deepEqual(shown, [
      `1:0-4 ${uri('/t/confs/1090')}`, `3:0-4 ${uri('/t/confs/1090')}`,
      `0:2-5 ${uri('/t/log/1090')}`, `0:6-15 ${uri('/t/stderr/1090')}`,
      `3:13-38 ${uri('/t/aux-fixed/1090.key')}`, `4:0-21 ${uri('/t/aux-var-src/1090.data')}`,
    ]);
  });
  it('prefers the built aux-var/ when it exists', async () => {
    const { lines, ast } = parsed();
    const links = await documentLinks(SCRIPT_PATH, ast, lines, workspace({ '/t/aux-var/1090.data': '' }));
    assert.ok(links.some((l) => l.target === uri('/t/aux-var/1090.data')));
  });
  it('follows a conf symlink stored as text', async () => {
    const { lines, ast } = parsed();
    const links = await documentLinks(SCRIPT_PATH, ast, lines, workspace({ '/t/confs/1090': '4020', '/t/confs/4020': 'x' }));
    assert.equal(links[0].target, uri('/t/confs/4020'));
  });
});

describe('definition', () => {
  it('goes from -DNAME to where the conf defines or tests it, and from the title to the conf', async () => {
    const { lines, ast } = parsed();
    const ws = workspace();
    const server = await definition(SCRIPT_PATH, ast, lines, { line: 1, character: 10 }, ws);
    assert.deepEqual(server, [{ uri: uri('/t/confs/1090'), range: { start: { line: 1, character: 0 }, end: { line: 1, character: 13 } } }]);
    const opt = await definition(SCRIPT_PATH, ast, lines, { line: 1, character: 24 }, ws);
    assert.equal(opt[0].range.start.line, 0);
    assert.equal((await definition(SCRIPT_PATH, ast, lines, { line: 0, character: 3 }, ws))[0].uri, uri('/t/confs/1090'));
    assert.deepEqual(await definition(SCRIPT_PATH, ast, lines, { line: 1, character: 40 }, ws), []);
  });
  it('goes from REQUIRES to the folder\'s scripts', async () => {
    const found = await definition('/t/scripts/1090-TCP-Fast-Open/REQUIRES', undefined, new ScriptLines('support TCP_Fast_Open\n'), { line: 0, character: 2 }, workspace());
    assert.deepEqual(found.map((l) => l.uri), [uri(SCRIPT_PATH), uri('/t/scripts/1090-TCP-Fast-Open/1091')]);
  });
  it('macroLine finds a definition before a test before a use', () => {
    assert.equal(macroLine('x = A\n.ifdef A\nA = 1\n', 'A'), 2);
    assert.equal(macroLine('x = A\n.ifdef A\n', 'A'), 1);
    assert.equal(macroLine('x = A\n', 'A'), 0);
    assert.equal(macroLine('x\n', 'A'), undefined);
  });
});
