/**
 * Ties a run's evidence to the script: each message to the exim command that submitted it,
 * each delivery to the receiving Exim's log line, and each delivery to its TCP connection in
 * the capture. Where no exact link exists the result says "not matched" instead of guessing.
 */
import type { ScriptAst } from '../../syntax/ast';
import { followMessages, type FollowedDelivery } from '../log/followMessages';
import type { LogEntry, MessageEventEntry } from '../log/logEntry';
import type { ConnectionFacts } from '../tfo/connectionFacts';
import { addressMatches, submittingCommands } from './scriptMessages';

export type MessageMatch = 'recipient' | 'order';
export type ConnectionMatch = 'ports' | 'time-order';

export interface DeliveryResult {
  followed: FollowedDelivery;
  connection: ConnectionFacts | null;
  connectionMatchedBy: ConnectionMatch | null;
}

export interface MessageResult {
  messageId: string;
  submission: MessageEventEntry;
  matchedBy: MessageMatch;
  deliveries: DeliveryResult[];
}

export interface CommandResult {
  /** The exim command's line (0-based, runtest numbering). */
  line: number;
  recipients: string[];
  messages: MessageResult[];
}

export interface RunCorrelation {
  commands: CommandResult[];
  /** Messages in the log that no command could be tied to. */
  unmatchedMessages: string[];
  /** Connections in the capture that no delivery could be tied to. */
  unmatchedConnections: ConnectionFacts[];
}

export function correlateRun(ast: ScriptAst, clientLog: LogEntry[], serverLog: LogEntry[], connections: ConnectionFacts[]): RunCorrelation {
  const followed = followMessages(clientLog, serverLog).filter((m) => m.submission !== null);
  const commands = submittingCommands(ast);
  const results: CommandResult[] = commands.map((c) => ({ line: c.command.line, recipients: c.recipients, messages: [] }));
  const unmatchedMessages: string[] = [];
  const used = new Set<number>();

  const byRecipient = followed.every((m) => (m.submission!.recipients ?? []).length > 0);
  followed.forEach((message, index) => {
    let at = -1;
    let matchedBy: MessageMatch = 'recipient';
    if (byRecipient) {
      const logged = message.submission!.recipients!;
      at = commands.findIndex((c, i) => !used.has(i) && logged.every((r) => c.recipients.some((s) => addressMatches(s, r))));
    } else if (followed.length === commands.length) {
      at = index;
      matchedBy = 'order';
    }
    if (at === -1) { unmatchedMessages.push(message.messageId); return; }
    used.add(at);
    results[at].messages.push({ messageId: message.messageId, submission: message.submission!, matchedBy, deliveries: message.deliveries.map((d) => ({ followed: d, connection: null, connectionMatchedBy: null })) });
  });

  const unmatchedConnections = matchConnections(results.flatMap((r) => r.messages.flatMap((m) => m.deliveries)), connections);
  return { commands: results, unmatchedMessages, unmatchedConnections };
}

/** Ports when the logs carry them; otherwise capture order, but only when the counts agree. */
function matchConnections(deliveries: DeliveryResult[], connections: ConnectionFacts[]): ConnectionFacts[] {
  const free = new Set(connections);
  for (const d of deliveries) {
    const localPort = d.followed.delivery.interfaceAddress?.port ?? d.followed.reception?.host?.port;
    const remotePort = d.followed.delivery.host?.port;
    if (localPort === undefined || !/^\d+$/.test(localPort)) continue;
    const match = [...free].find((c) => String(c.client.port) === localPort && (remotePort === undefined || !/^\d+$/.test(remotePort) || String(c.server.port) === remotePort));
    if (match) { d.connection = match; d.connectionMatchedBy = 'ports'; free.delete(match); }
  }
  const pending = deliveries.filter((d) => d.connection === null && d.followed.delivery.host?.ip !== undefined);
  const remaining = [...free].sort((a, b) => (a.synTimestampNs ?? 0n) < (b.synTimestampNs ?? 0n) ? -1 : 1);
  if (pending.length > 0 && pending.length === remaining.length) {
    pending.forEach((d, i) => { d.connection = remaining[i]; d.connectionMatchedBy = 'time-order'; free.delete(remaining[i]); });
  }
  return [...free];
}
