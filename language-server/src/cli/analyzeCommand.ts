/**
 * `exim-test analyze --log FILE… --capture FILE… [--script FILE] [--format json]`: the TFO facts
 * of Exim main logs and packet captures, and with --script their correlation to its exim lines.
 * A log is the server's when its name says so (`servermainlog`, `*server*`); a runtest munged
 * log holds both sides, split at its `******** SERVER ********` line.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { followMessages } from '../results/log/followMessages';
import { decodeLogBytes, readMainLogText, type MainLogEntry } from '../results/log/mainLog';
import { correlateRun } from '../results/correlation/correlateRun';
import { tfoHint, wireWords } from '../results/display/tfoHint';
import { captureTfoReport } from '../results/tfo/captureTfoReport';
import { TFO_VERDICT_LABELS, type ConnectionFacts } from '../results/tfo/connectionFacts';
import { decodeScriptBytes } from '../syntax/lines';
import { parseScript } from '../syntax/parser';
import { takeOption } from './lintCommand';

type Write = (text: string) => void;

export async function runAnalyze(args: string[], out: Write, err: Write): Promise<number> {
  const logs = takeAll(args, '--log');
  const captures = takeAll(args, '--capture');
  const script = takeOption(args, '--script');
  const json = takeOption(args, '--format') === 'json';
  if (args.length > 0 || (logs.length === 0 && captures.length === 0)) {
    err('usage: exim-test analyze --log FILE… --capture FILE… [--script FILE] [--format json]\n');
    return 2;
  }
  const client: MainLogEntry[] = [];
  const server: MainLogEntry[] = [];
  for (const file of logs) {
    const text = decodeLogBytes(await fs.readFile(file));
    const side = /server/i.test(path.basename(file)) ? 'server' : 'client';
    for (const entry of readMainLogText(text, { side })) (entry.side === 'server' ? server : client).push(entry);
  }
  const connections: ConnectionFacts[] = [];
  const problems: string[] = [];
  for (const file of captures) {
    const report = await captureTfoReport(file);
    connections.push(...report.connections);
    if (report.error) problems.push(`${file}: ${report.error.message}`);
  }
  const messages = followMessages(client, server);
  const correlation = script ? correlateRun(parseScript(decodeScriptBytes(await fs.readFile(script))), client, server, connections) : undefined;

  if (json) {
    out(JSON.stringify({ messages: messages.map((m) => ({ messageId: m.messageId, deliveries: m.deliveries.map((d) => ({ address: d.delivery.address, clientTfo: d.clientTfo, serverTfo: d.serverTfo, serverMessageId: d.reception?.messageId ?? null, matchedBy: d.matchedBy })) })),
      connections, correlation: correlation?.commands.map((c) => ({ line: c.line + 1, recipients: c.recipients, hint: tfoHint(c) })), problems }, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2) + '\n');
  } else {
    for (const m of messages) {
      for (const d of m.deliveries) {
        out(`message ${m.messageId} ${d.delivery.mark} ${d.delivery.address ?? ''}: client ${d.clientTfo ?? 'no TFO'}, server ${d.reception ? `${d.serverTfo ?? 'no TFO'} (${d.reception.messageId}, by ${d.matchedBy})` : 'not matched'}\n`);
      }
    }
    for (const c of connections) {
      out(`connection ${c.client.addr}:${c.client.port} -> ${c.server.addr}:${c.server.port}: ${c.verdict ? TFO_VERDICT_LABELS[c.verdict] : 'unsettled'}${wireWords(c).length ? ` (${wireWords(c).join(', ')})` : ''}\n`);
    }
    for (const c of correlation?.commands ?? []) out(`${script}:${c.line + 1}: ${tfoHint(c)}\n`);
    for (const p of problems) err(`exim-test analyze: ${p}\n`);
  }
  return 0;
}

function takeAll(args: string[], name: string): string[] {
  const values: string[] = [];
  for (let at = args.indexOf(name); at !== -1; at = args.indexOf(name)) {
    // An option takes every following argument up to the next option.
    let end = at + 1;
    while (end < args.length && !args[end].startsWith('--')) values.push(args[end++]);
    args.splice(at, end - at);
  }
  return values;
}
