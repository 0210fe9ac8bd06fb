/** The language server as a separate process, spoken to over stdio with JSON-RPC. */
import * as assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CompletionItem, DocumentLink, DocumentSymbol, FoldingRange, Hover } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient } from './lspClient';

describe('language server over stdio (JSON-RPC)', function () {
  this.timeout(20_000);
  let client: LspTestClient;
  let tree: string;
  before(async () => {
    tree = mkdtempSync(path.join(tmpdir(), 'exim-test-lsp-'));
    mkdirSync(path.join(tree, 'test', 'scripts', '0000-Basic'), { recursive: true });
    mkdirSync(path.join(tree, 'test', 'confs'));
    writeFileSync(path.join(tree, 'test', 'confs', '0001'), '# conf\n');
    client = new LspTestClient();
    await client.initialize();
  });
  after(async () => {
    await client.stop();
    rmSync(tree, { recursive: true, force: true });
  });

  const scriptUri = (n: string) => pathToFileURL(path.join(tree, 'test', 'scripts', '0000-Basic', n)).toString();

  it('announces its capabilities', async () => {
    const again = new LspTestClient();
    const result = await again.initialize() as { capabilities: Record<string, unknown> };
    await again.stop();
    for (const key of ['hoverProvider', 'completionProvider', 'documentSymbolProvider', 'foldingRangeProvider']) assert.ok(result.capabilities[key], key);
  });

  it('publishes diagnostics on open and after an incremental change', async () => {
    const uri = scriptUri('0001');
    const diagnostics = await client.open(uri, '# Test\nexim -bt x@y\n****\n###\n');
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line, d.severity]), [['bare-verbose-comment', 3, 1]]);
    assert.match(diagnostics[0].message, /runtest stops the whole run here/);
    const next = client.nextDiagnostics(uri);
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 3, character: 3 }, end: { line: 3, character: 3 } }, text: ' note' }],
    });
    assert.deepEqual(await next, []);
  });

  it('reads the workspace: an exim command without confs/NNNN is reported', async () => {
    const diagnostics = await client.open(scriptUri('0002'), '# Test\nexim -bt x@y\n****\n');
    assert.deepEqual(diagnostics.map((d) => d.code), ['missing-conf']);
  });

  it('answers hover, symbols, folding and completion', async () => {
    const uri = scriptUri('0003');
    await client.open(uri, '# Test\n# one\n# two\nexim -DSERVER=server -bd -oX PORT_D\n****\nkilldaemon\n');
    const doc = { uri };
    const onCommand = await client.connection.sendRequest('textDocument/hover', { textDocument: doc, position: { line: 5, character: 2 } }) as Hover;
    assert.match(JSON.stringify(onCommand.contents), /killdaemon/);
    const onToken = await client.connection.sendRequest('textDocument/hover', { textDocument: doc, position: { line: 3, character: 33 } }) as Hover;
    assert.match(JSON.stringify(onToken.contents), /PORT_D.*1225/);
    const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: doc }) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.name), ['exim -DSERVER=server -bd -oX PORT_D', 'killdaemon']);
    const folds = await client.connection.sendRequest('textDocument/foldingRange', { textDocument: doc }) as FoldingRange[];
    assert.deepEqual(folds.map((f) => [f.startLine, f.endLine]), [[0, 2], [3, 4]]);
    const completion = await client.connection.sendRequest('textDocument/completion', { textDocument: doc, position: { line: 6, character: 0 } }) as CompletionItem[];
    assert.ok(completion.some((c) => c.label === 'killdaemon'));
  });

  it('offers quick fixes as code actions', async () => {
    const uri = scriptUri('0004');
    const diagnostics = await client.open(uri, '# Test\nrm -f DIR/spool/x\n');
    assert.deepEqual(diagnostics.map((d) => d.code), ['sudo-required']);
    const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } }) as CodeAction[];
    const edit = actions.find((a) => /sudo/.test(a.title))?.edit?.changes?.[uri];
    assert.ok(edit, JSON.stringify(actions));
    const document = TextDocument.create(uri, 'exim-test', 1, '# Test\nrm -f DIR/spool/x\n');
    assert.equal(TextDocument.applyEdits(document, edit!), '# Test\nsudo rm -f DIR/spool/x\n');
  });

  it('links a script to its confs/NNNN', async () => {
    const uri = scriptUri('0001');
    const links = await client.connection.sendRequest('textDocument/documentLink', { textDocument: { uri } }) as DocumentLink[];
    assert.ok(links.some((l) => l.target?.endsWith('/test/confs/0001')), JSON.stringify(links));
  });

  it('checks REQUIRES files as their own document type', async () => {
    const uri = pathToFileURL(path.join(tree, 'test', 'scripts', '0000-Basic', 'REQUIRES')).toString();
    const diagnostics = await client.open(uri, 'support IPv6\n# no comments here\n', 'exim-test-requires');
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line]), [['unknown-requires-line', 1]]);
  });
});
