/**
 * The LSP binding. VS Code starts it over IPC (`--node-ipc`); any other editor over stdio
 * (`node dist/server.js --stdio`). Everything it answers comes from `LanguageService`.
 */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { attachResultsRequest, ladderRequest } from './protocol';
import { LanguageService } from './service';
import { NodeWorkspace } from './workspace';
import { URI } from 'vscode-uri';
import { decodeScriptBytes } from './syntax/lines';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const service = new LanguageService(new NodeWorkspace());

connection.onInitialize(() => ({
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    hoverProvider: true,
    completionProvider: { triggerCharacters: [' ', '_'] },
    documentSymbolProvider: true,
    foldingRangeProvider: true,
    inlayHintProvider: true,
    codeActionProvider: { codeActionKinds: ['quickfix'] },
    documentLinkProvider: { resolveProvider: false },
    definitionProvider: true,
    codeLensProvider: { resolveProvider: false },
  },
  serverInfo: { name: 'exim-test-language-server' },
}));

const analysed = (uri: string) => {
  const document = documents.get(uri);
  return document ? service.analyse(uri, document.version, document.getText()) : undefined;
};

async function validate(document: TextDocument): Promise<void> {
  const doc = service.analyse(document.uri, document.version, document.getText());
  const diagnostics = await service.diagnostics(doc);
  // A newer version may have arrived while the workspace was read.
  if (documents.get(document.uri)?.version !== document.version) return;
  await connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
}

documents.onDidChangeContent((change) => { void validate(change.document); });
documents.onDidClose((event) => {
  service.forget(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

connection.onHover((params) => { const doc = analysed(params.textDocument.uri); return doc ? service.hover(doc, params.position) ?? null : null; });
connection.onCompletion((params) => { const doc = analysed(params.textDocument.uri); return doc ? service.completion(doc, params.position) : []; });
connection.onDocumentSymbol((params) => { const doc = analysed(params.textDocument.uri); return doc ? service.symbols(doc) : []; });
connection.onFoldingRanges((params) => { const doc = analysed(params.textDocument.uri); return doc ? service.folding(doc) : []; });

connection.onCodeAction(async (params) => { const doc = analysed(params.textDocument.uri); return doc ? service.codeActions(doc, params.context.diagnostics) : []; });
connection.onDocumentLinks(async (params) => { const doc = analysed(params.textDocument.uri); return doc ? service.links(doc) : []; });
connection.onDefinition(async (params) => { const doc = analysed(params.textDocument.uri); return doc ? service.definition(doc, params.position) : []; });
connection.languages.inlayHint.on((params) => { const doc = analysed(params.textDocument.uri); return doc ? service.inlayHints(doc) : []; });
connection.onCodeLens((params) => { const doc = analysed(params.textDocument.uri); return doc ? service.codeLenses(doc) : []; });

connection.onRequest(attachResultsRequest, async (params) => {
  const document = documents.get(params.scriptUri);
  const text = document?.getText() ?? (await readDocumentText(params.scriptUri));
  if (text === undefined) return { ok: false, message: `cannot read ${params.scriptUri}` };
  const doc = service.analyse(params.scriptUri, document?.version ?? -1, text);
  const result = await service.runs.attach(doc, params.folder);
  if (document) await validate(document);
  void connection.languages.inlayHint.refresh().catch(() => undefined);
  void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
  return result;
});

connection.onRequest(ladderRequest, async (params) => {
  const doc = analysed(params.scriptUri);
  if (!doc) return { title: 'Not open', message: 'Open the script first.' };
  return service.runs.ladder(doc, doc.lines.lineAt({ line: params.line, character: 0 }));
});

async function readDocumentText(uri: string): Promise<string | undefined> {
  const bytes = await service.workspace.readFile(URI.parse(uri).fsPath);
  return bytes ? decodeScriptBytes(bytes) : undefined;
}

documents.listen(connection);
connection.listen();
