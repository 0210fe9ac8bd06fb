/**
 * The language service: documents in, LSP types out. Holds no connection; `server.ts` binds it.
 */
import type { CodeAction, CodeLens, CompletionItem, Diagnostic, DocumentLink, DocumentSymbol, FoldingRange, Hover, InlayHint, Location, Position } from 'vscode-languageserver-types';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { checkRequires } from './checks/requiresChecks';
import type { ScriptContext } from './checks/scriptChecks';
import { toDiagnostic } from './diagnostics';
import { gatherScenarioContext } from './checks/scenarioContext';
import { abortFixes } from './features/abortFixes';
import { codeActions } from './features/codeActions';
import { completeRequires, completeScript } from './features/completion';
import { definition, documentLinks } from './features/links';
import { sudoHover } from './features/sudoHover';
import { analyseSudo } from './sudo/sudoAnalysis';
import { decodeScriptBytes } from './syntax/lines';
import { foldingRanges } from './features/folding';
import { hover } from './features/hover';
import { documentSymbols } from './features/symbols';
import { lintText, scriptContext } from './lint';
import type { ScriptAst } from './syntax/ast';
import { ScriptLines } from './syntax/lines';
import { parseScript } from './syntax/parser';
import { parseRequires, type RequiresAst } from './syntax/requiresParser';
import { RunResultsService } from './runResultsService';
import { locateScript, type DocumentKind } from './testTree';
import type { Workspace } from './workspace';

export interface AnalysedDocument {
  uri: string;
  path: string;
  version: number;
  kind: DocumentKind;
  lines: ScriptLines;
  ast?: ScriptAst;
  requires?: RequiresAst;
}

export class LanguageService {
  private readonly cache = new Map<string, AnalysedDocument>();
  readonly runs: RunResultsService;

  constructor(readonly workspace: Workspace) {
    this.runs = new RunResultsService(workspace);
  }

  analyse(uri: string, version: number, text: string): AnalysedDocument {
    const cached = this.cache.get(uri);
    if (cached && cached.version === version && cached.lines.text === text) return cached;
    const path = URI.parse(uri).path;
    const located = locateScript(path).kind;
    const kind: DocumentKind = located === 'other' ? 'script' : located;
    const lines = new ScriptLines(text);
    const doc: AnalysedDocument = { uri, path, version, kind, lines };
    if (kind === 'requires') doc.requires = parseRequires(lines);
    else doc.ast = parseScript(lines);
    this.cache.set(uri, doc);
    return doc;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  async context(doc: AnalysedDocument): Promise<ScriptContext> {
    return doc.kind === 'script' ? scriptContext(doc.path, this.workspace) : {};
  }

  async diagnostics(doc: AnalysedDocument): Promise<Diagnostic[]> {
    const findings = doc.kind === 'requires'
      ? checkRequires(doc.requires!)
      : lintText(doc.kind, doc.lines, await this.context(doc), await gatherScenarioContext(doc.path, this.workspace), doc.ast);
    return [...findings.map((f) => toDiagnostic(f, doc.lines)), ...this.runs.diagnostics(doc)];
  }

  hover(doc: AnalysedDocument, position: Position): Hover | undefined {
    if (!doc.ast) return undefined;
    const line = doc.lines.lineAt(position);
    const base = sudoHover(doc.ast, doc.lines, analyseSudo(doc.ast, doc.lines), line, position.character) ?? hover(doc.ast, doc.lines, line, position.character);
    const run = this.runs.hover(doc, line);
    if (!run) return base;
    const baseText = base && typeof base.contents === 'object' && 'value' in base.contents ? base.contents.value : '';
    return { contents: { kind: 'markdown', value: baseText ? `${run}\n\n---\n\n${baseText}` : run } };
  }

  async codeActions(doc: AnalysedDocument, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    if (doc.kind !== 'script') return [];
    const requiresPath = path.posix.join(path.posix.dirname(doc.path), 'REQUIRES');
    const bytes = await this.workspace.readFile(requiresPath);
    const requiresUri = URI.parse(doc.uri).with({ path: requiresPath }).toString();
    return [
      ...abortFixes(doc.uri, doc.lines, diagnostics),
      ...codeActions(doc.uri, doc.lines.text, diagnostics, { requires: { uri: requiresUri, text: bytes ? decodeScriptBytes(bytes) : undefined } }),
    ];
  }

  links(doc: AnalysedDocument): Promise<DocumentLink[]> {
    return documentLinks(doc.path, doc.ast, doc.lines, this.workspace);
  }

  definition(doc: AnalysedDocument, position: Position): Promise<Location[]> {
    return definition(doc.path, doc.ast, doc.lines, position, this.workspace);
  }

  inlayHints(doc: AnalysedDocument): InlayHint[] {
    return this.runs.inlayHints(doc);
  }

  codeLenses(doc: AnalysedDocument): CodeLens[] {
    return this.runs.codeLenses(doc);
  }

  completion(doc: AnalysedDocument, position: Position): CompletionItem[] {
    const line = doc.lines.lineAt(position);
    if (doc.kind === 'requires') return completeRequires(doc.lines, line, position.character);
    return completeScript(doc.ast!, doc.lines, line, position.character);
  }

  symbols(doc: AnalysedDocument): DocumentSymbol[] {
    return doc.ast ? documentSymbols(doc.ast, doc.lines) : [];
  }

  folding(doc: AnalysedDocument): FoldingRange[] {
    return doc.ast ? foldingRanges(doc.ast, doc.lines) : [];
  }
}
