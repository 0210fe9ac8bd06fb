/**
 * The run results attached to scripts, and what the editor shows from them: inlay hints,
 * hovers, Information diagnostics where the run disagrees with log/NNNN, and ladder diagrams.
 */
import { DiagnosticSeverity, InlayHintKind, type CodeLens, type Diagnostic, type InlayHint } from 'vscode-languageserver-types';
import type { AttachResultsResult, LadderResult } from './protocol';
import type { CommandResult } from './results/correlation/correlateRun';
import type { TfoDisagreement } from './results/correlation/compareExpected';
import { ladderSvg, connectionPackets } from './results/display/ladderSvg';
import { tfoHint } from './results/display/tfoHint';
import { tfoHoverMarkdown } from './results/display/tfoHover';
import { readCaptureBytes } from './results/capture/readCapture';
import { joinFolderPath, nodeFolder, type FolderReader } from './results/runFolder';
import { correlateEvidence, readRunEvidence, type RunEvidence, type RunResults } from './results/runResults';
import type { AnalysedDocument } from './service';
import { companionFiles, locateScript } from './testTree';
import type { Workspace } from './workspace';

interface Attached {
  evidence: RunEvidence;
  expectedLog?: string;
  expectedLogName?: string;
  computed?: { version: number; results: RunResults };
}

export const SHOW_LADDER_COMMAND = 'eximTest.showLadder';

export class RunResultsService {
  private readonly attached = new Map<string, Attached>();

  constructor(private readonly workspace: Workspace, private readonly folders: FolderReader = nodeFolder()) {}

  async attach(doc: AnalysedDocument, folder: string): Promise<AttachResultsResult> {
    const read = await readRunEvidence(this.folders, folder);
    if (!read.ok) return { ok: false, message: read.errors.join('; ') };
    const attached: Attached = { evidence: read.evidence };
    const location = locateScript(doc.path);
    if (location.testRoot && location.testNumber) {
      const path = companionFiles(location.testRoot, location.testNumber).log;
      const bytes = await this.workspace.readFile(path);
      if (bytes) { attached.expectedLog = Buffer.from(bytes).toString('latin1'); attached.expectedLogName = `log/${location.testNumber}`; }
    }
    this.attached.set(doc.uri, attached);
    const results = this.results(doc)!;
    const matched = results.correlation.commands.filter((c) => c.messages.length > 0).length;
    const parts = [`${matched} exim command(s) matched to logged messages`, `${read.evidence.connections.length} TCP connection(s) in the capture`];
    if (attached.expectedLogName) parts.push(`${results.disagreements.length} TFO difference(s) from ${attached.expectedLogName}`);
    return { ok: true, message: [...parts, ...read.evidence.notes].join('; ') };
  }

  detach(uri: string): void {
    this.attached.delete(uri);
  }

  results(doc: AnalysedDocument): RunResults | undefined {
    const attached = this.attached.get(doc.uri);
    if (!attached || !doc.ast) return undefined;
    if (attached.computed?.version !== doc.version) {
      attached.computed = { version: doc.version, results: correlateEvidence(doc.ast, attached.evidence, attached.expectedLog) };
    }
    return attached.computed.results;
  }

  inlayHints(doc: AnalysedDocument): InlayHint[] {
    const results = this.results(doc);
    if (!results) return [];
    return results.correlation.commands.flatMap((c) => {
      const label = tfoHint(c);
      if (!label) return [];
      const end = doc.lines.lineRange(c.line).end;
      return [{ position: end, label: `  ${label}`, kind: InlayHintKind.Parameter, paddingLeft: true, tooltip: 'Exim Test: run results' }];
    });
  }

  hover(doc: AnalysedDocument, line: number): string | undefined {
    const results = this.results(doc);
    const command = results?.correlation.commands.find((c) => c.line === line);
    if (!results || !command) return undefined;
    return tfoHoverMarkdown(command, this.disagreementsOf(results, command));
  }

  diagnostics(doc: AnalysedDocument): Diagnostic[] {
    const results = this.results(doc);
    if (!results) return [];
    const name = this.attached.get(doc.uri)?.expectedLogName ?? 'the expected log';
    return results.correlation.commands.flatMap((command) => this.disagreementsOf(results, command).map((d) => ({
      range: doc.lines.lineRange(command.line),
      severity: DiagnosticSeverity.Information,
      source: 'exim-test results',
      code: 'tfo-differs-from-expected',
      message: `This run's ${d.side === 'client' ? 'delivery' : 'server reception'} logged ${d.actual ?? 'no TFO element'}, but ${name} expects ${d.expected ?? 'no TFO element'}.`,
    })));
  }

  codeLenses(doc: AnalysedDocument): CodeLens[] {
    const results = this.results(doc);
    if (!results) return [];
    return results.correlation.commands.filter((c) => c.messages.some((m) => m.deliveries.some((d) => d.connection))).map((c) => ({
      range: doc.lines.lineRange(c.line),
      command: { title: 'Show TCP ladder', command: SHOW_LADDER_COMMAND, arguments: [doc.uri, doc.lines.position(c.line, 0).line] },
    }));
  }

  async ladder(doc: AnalysedDocument, line: number): Promise<LadderResult> {
    const results = this.results(doc);
    const command = results?.correlation.commands.find((c) => c.line === line);
    const delivery = command?.messages.flatMap((m) => m.deliveries).find((d) => d.connection);
    if (!results || !delivery?.connection) return { title: 'No connection', message: 'No TCP connection of the attached capture is matched to this line.' };
    const folder = results.evidence.folder;
    const capture = folder.manifest.files.capture ?? folder.candidates.capture?.[0];
    const bytes = capture ? await this.folders.readFile(joinFolderPath(folder.dir, capture)) : undefined;
    if (!bytes) return { title: 'No capture', message: 'The capture file is no longer readable.' };
    const facts = delivery.connection;
    const packets = connectionPackets(readCaptureBytes(bytes).packets, facts);
    return { title: `${facts.client.addr}:${facts.client.port} → ${facts.server.addr}:${facts.server.port}`, svg: ladderSvg(facts, packets) };
  }

  private disagreementsOf(results: RunResults, command: CommandResult): TfoDisagreement[] {
    const ids = new Set(command.messages.map((m) => m.messageId));
    const receptions = new Set(command.messages.flatMap((m) => m.deliveries.map((d) => d.followed.reception?.line)).filter(Boolean));
    return results.disagreements.filter((d) => (d.side === 'client' ? ids.has(d.messageId) : receptions.has(d.actualLine)));
  }
}
