// Following a message from the Exim that sent it to the Exim that received it.
//
// Two links are exact. The receiving Exim's `250 … id=XXXX` reply, which the sender logs in
// `C="…"` on its `=>` line, names the message id of the server's `<=` line. And the sender's
// local end, logged as `I=[ip]:port` on `=>` (deliver.c `d_log_interface`: +incoming_interface,
// +outgoing_interface and +outgoing_port), is the peer in the receiver's `H=… [ip]:port`
// (+incoming_port). Anything else would be a guess, so a delivery without either link stays
// unmatched (null).

import type { LogEntry, MessageEventEntry, TfoElement } from './logEntry';
import { isMessageId } from './linePrefix';

export type MatchedBy = 'confirmation-id' | 'ports';

export interface FollowedDelivery {
  /** The client's `=>`, `->` or `>>` line. */
  delivery: MessageEventEntry;
  /** The server's `<=` line for that delivery, or null when no exact link was found. */
  reception: MessageEventEntry | null;
  matchedBy: MatchedBy | null;
  /** The element on the client's delivery line; null when it has none. */
  clientTfo: TfoElement | null;
  /** The element on the server's reception line; null when it has none or is not matched. */
  serverTfo: TfoElement | null;
}

export interface FollowedMessage {
  /** The client's message id. */
  messageId: string;
  /** The client's `<=` line (local submission), or null when the log does not hold it. */
  submission: MessageEventEntry | null;
  deliveries: FollowedDelivery[];
}

const deliveryMarks: ReadonlySet<string> = new Set(['=>', '->', '>>']);

export function followMessages(
  clientEntries: Iterable<LogEntry>,
  serverEntries: Iterable<LogEntry>,
): FollowedMessage[] {
  const receptions = [...serverEntries].filter(isReception);
  const messages = new Map<string, FollowedMessage>();

  for (const entry of clientEntries) {
    if (entry.kind !== 'event') continue;
    const isSubmission = entry.mark === '<=';
    if (!isSubmission && !deliveryMarks.has(entry.mark)) continue;
    let message = messages.get(entry.messageId);
    if (!message) {
      message = { messageId: entry.messageId, submission: null, deliveries: [] };
      messages.set(entry.messageId, message);
    }
    if (isSubmission) message.submission ??= entry;
    else message.deliveries.push(followDelivery(entry, receptions));
  }
  return [...messages.values()];
}

function followDelivery(delivery: MessageEventEntry, receptions: readonly MessageEventEntry[]): FollowedDelivery {
  const byId = receptionByConfirmedId(delivery, receptions);
  const byPorts = byId ? undefined : receptionByPorts(delivery, receptions);
  const reception = byId ?? byPorts ?? null;
  return {
    delivery,
    reception,
    matchedBy: byId ? 'confirmation-id' : byPorts ? 'ports' : null,
    clientTfo: delivery.tfo ?? null,
    serverTfo: reception?.tfo ?? null,
  };
}

/** The message ids named by `id=` in an SMTP reply such as `250 OK id=1xVvjR-0003tG-2V`. */
export function confirmedMessageIds(confirmation: string): string[] {
  const ids: string[] = [];
  for (const match of confirmation.matchAll(/(?:^|[^0-9A-Za-z_])id=([0-9A-Za-z-]+)/g)) {
    if (isMessageId(match[1])) ids.push(match[1]);
  }
  return ids;
}

function receptionByConfirmedId(
  delivery: MessageEventEntry,
  receptions: readonly MessageEventEntry[],
): MessageEventEntry | undefined {
  const ids = confirmedMessageIds(delivery.confirmation ?? '');
  // A reply that names several ids, or an id received twice, does not say which one is meant.
  if (new Set(ids).size !== 1) return undefined;
  return onlyOne(receptions.filter((reception) => reception.messageId === ids[0]));
}

function receptionByPorts(
  delivery: MessageEventEntry,
  receptions: readonly MessageEventEntry[],
): MessageEventEntry | undefined {
  const local = delivery.interfaceAddress;
  // Munged logs write PORT_D for every port; only real port numbers identify a connection.
  if (!local || !isPortNumber(local.port)) return undefined;
  const remote = delivery.host;
  return onlyOne(
    receptions.filter((reception) => {
      const peer = reception.host;
      if (!peer || peer.port !== local.port) return false;
      if (peer.ip !== undefined && peer.ip !== local.ip) return false;
      const accepting = reception.interfaceAddress;
      if (accepting && remote) {
        if (accepting.port !== undefined && remote.port !== undefined && accepting.port !== remote.port) return false;
        if (remote.ip !== undefined && accepting.ip !== remote.ip) return false;
      }
      return true;
    }),
  );
}

function isReception(entry: LogEntry): entry is MessageEventEntry {
  return entry.kind === 'event' && entry.mark === '<=';
}

function isPortNumber(port: string | undefined): port is string {
  return port !== undefined && /^\d+$/.test(port);
}

function onlyOne<T>(items: readonly T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}
