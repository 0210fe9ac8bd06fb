import { Packet, TcpFlag } from '../capture/packet';
import { ConnectionFacts } from './connectionFacts';
import { TfoConnection } from './tfoConnection';

/** How long a closed connection's 4-tuple is remembered: Linux's TIME_WAIT. */
const CLOSED_LINGER_NS = 60n * 1_000_000_000n;
/** An open connection silent for this long is given up, its unseen facts left unknown. */
const IDLE_LIMIT_NS = 600n * 1_000_000_000n;
const SWEEP_EVERY_PACKETS = 4096;

interface Conversation {
  stream: number;
  /** Undefined when the capture caught the conversation after its SYN: no TFO facts then. */
  tfo: TfoConnection | undefined;
  /** "addr port" of the side that sent the conversation's first packet. */
  firstSender: string;
  finFromFirst: boolean;
  finFromOther: boolean;
  reset: boolean;
  lastSeenNs: bigint | null;
}

/**
 * Groups TCP segments into conversations the way tshark numbers tcp.stream, and hands out the
 * TFO facts of each conversation that began with a SYN once it is over.
 *
 * tshark remembers every 4-tuple for ever; to keep memory flat on long captures we forget a
 * closed one after CLOSED_LINGER_NS of capture time, and an idle open one after IDLE_LIMIT_NS.
 * Only a segment arriving later than that would be numbered differently from tshark.
 */
export class ConnectionTracker {
  private readonly conversations = new Map<string, Conversation>();
  private nextStream = 0;
  private latestNs: bigint | null = null;
  private sinceSweep = 0;

  /** Takes the next segment in capture order; returns the facts of connections that ended for good. */
  add(p: Packet): ConnectionFacts[] {
    const retired: ConnectionFacts[] = [];
    const from = `${p.src} ${p.srcPort}`;
    const to = `${p.dst} ${p.dstPort}`;
    const key = from < to ? `${from}|${to}` : `${to}|${from}`;
    const isSyn = (p.flags & (TcpFlag.SYN | TcpFlag.ACK)) === TcpFlag.SYN;
    let conversation = this.conversations.get(key);
    if (conversation && isSyn && !isSynRetransmission(conversation, p)) {
      this.retire(key, conversation, retired);
      conversation = undefined;
    }
    if (conversation) {
      conversation.tfo?.observe(p);
    } else {
      const stream = this.nextStream++;
      conversation = {
        stream,
        tfo: isSyn ? new TfoConnection(stream, p) : undefined,
        firstSender: from,
        finFromFirst: false,
        finFromOther: false,
        reset: false,
        lastSeenNs: null,
      };
      this.conversations.set(key, conversation);
    }
    if (p.flags & TcpFlag.FIN) {
      if (from === conversation.firstSender) conversation.finFromFirst = true;
      else conversation.finFromOther = true;
    }
    if (p.flags & TcpFlag.RST) conversation.reset = true;
    if (p.timestampNs !== null) {
      conversation.lastSeenNs = p.timestampNs;
      if (this.latestNs === null || p.timestampNs > this.latestNs) this.latestNs = p.timestampNs;
    }
    if (++this.sinceSweep >= SWEEP_EVERY_PACKETS) this.sweep(retired);
    return retired;
  }

  /** The input has ended: the facts of every connection still remembered, in tcp.stream order. */
  end(): ConnectionFacts[] {
    const retired: ConnectionFacts[] = [];
    for (const [key, conversation] of this.conversations) this.retire(key, conversation, retired);
    return retired;
  }

  private sweep(retired: ConnectionFacts[]): void {
    this.sinceSweep = 0;
    const now = this.latestNs;
    if (now === null) return;
    for (const [key, conversation] of this.conversations) {
      if (conversation.lastSeenNs === null) continue;
      const idle = now - conversation.lastSeenNs;
      if (idle > (isClosed(conversation) ? CLOSED_LINGER_NS : IDLE_LIMIT_NS)) this.retire(key, conversation, retired);
    }
  }

  private retire(key: string, conversation: Conversation, retired: ConnectionFacts[]): void {
    this.conversations.delete(key);
    if (conversation.tfo) retired.push(conversation.tfo.facts(isClosed(conversation)));
  }
}

function isClosed(c: Conversation): boolean {
  return c.reset || (c.finFromFirst && c.finFromOther);
}

/** Like tshark: a SYN with the same initial sequence number from the same client, before the close, is the same connection. */
function isSynRetransmission(c: Conversation, syn: Packet): boolean {
  return c.tfo !== undefined && !isClosed(c) && c.tfo.isFromClient(syn) && syn.seq === c.tfo.clientIsn;
}
