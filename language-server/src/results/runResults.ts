/**
 * Everything a run-results folder says about TCP Fast Open, correlated to one script.
 */
import type { ScriptAst } from '../syntax/ast';
import { compareTfoWithExpected, type TfoDisagreement } from './correlation/compareExpected';
import { correlateRun, type RunCorrelation } from './correlation/correlateRun';
import { decodeLogBytes, readMainLogText, type MainLogEntry } from './log/mainLog';
import { joinFolderPath, readRunFolder, type FolderReader, type RunFolder } from './runFolder';
import { captureTfoReport } from './tfo/captureTfoReport';
import type { ConnectionFacts } from './tfo/connectionFacts';

export interface RunEvidence {
  folder: RunFolder;
  clientLog: MainLogEntry[];
  serverLog: MainLogEntry[];
  connections: ConnectionFacts[];
  /** Things the user should know: a truncated capture, an ambiguous folder… */
  notes: string[];
}

export interface RunResults {
  evidence: RunEvidence;
  correlation: RunCorrelation;
  disagreements: TfoDisagreement[];
}

export async function readRunEvidence(reader: FolderReader, dir: string): Promise<{ ok: true; evidence: RunEvidence } | { ok: false; errors: string[] }> {
  const read = await readRunFolder(reader, dir);
  if (!read.ok) return read;
  const folder = read.folder;
  const files = folder.manifest.files;
  const notes = [...folder.problems];
  const text = async (role: keyof typeof files) => {
    const name = files[role];
    if (name === undefined) return undefined;
    const bytes = await reader.readFile(joinFolderPath(dir, name));
    return bytes === undefined ? undefined : decodeLogBytes(bytes);
  };
  let clientLog: MainLogEntry[] = [];
  let serverLog: MainLogEntry[] = [];
  const raw = await text('mainlog');
  if (raw !== undefined) {
    clientLog = readMainLogText(raw, { side: 'client' });
    serverLog = readMainLogText((await text('servermainlog')) ?? '', { side: 'server' });
  } else {
    const munged = await text('mungedMainlog');
    if (munged !== undefined) {
      const all = readMainLogText(munged);
      clientLog = all.filter((e) => e.side === 'client');
      serverLog = all.filter((e) => e.side === 'server');
    } else {
      notes.push('no Exim main log in the folder');
    }
  }
  let connections: ConnectionFacts[] = [];
  const capture = files.capture ?? (folder.candidates.capture?.length === 1 ? folder.candidates.capture[0] : undefined);
  if (capture !== undefined) {
    const bytes = await reader.readFile(joinFolderPath(dir, capture));
    if (bytes !== undefined) {
      const report = await captureTfoReport([bytes]);
      connections = report.connections;
      if (report.error) notes.push(`capture ${capture}: ${report.error.message} (facts after that point are unknown)`);
    }
  } else if ((folder.candidates.capture?.length ?? 0) > 1) {
    notes.push(`${folder.candidates.capture!.length} captures in the folder and no manifest to say which belongs to this run: none used`);
  }
  return { ok: true, evidence: { folder, clientLog, serverLog, connections, notes } };
}

export function correlateEvidence(ast: ScriptAst, evidence: RunEvidence, expectedLogText?: string): RunResults {
  const correlation = correlateRun(ast, evidence.clientLog, evidence.serverLog, evidence.connections);
  const disagreements = expectedLogText === undefined ? [] : compareTfoWithExpected([...evidence.clientLog, ...evidence.serverLog], readMainLogText(expectedLogText));
  return { evidence, correlation, disagreements };
}
