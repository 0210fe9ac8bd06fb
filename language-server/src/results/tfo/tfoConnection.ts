import { Packet, TcpFlag } from '../capture/packet';
import { ConnectionFacts, Endpoint } from './connectionFacts';
import { tfoVerdict } from './verdict';

interface Seen {
  frame: number;
  timestampNs: bigint | null;
}

/** The TFO option of a packet: whether it asks for a cookie, and the cookie it carries. */
export function tfoOptionOf(packet: Packet): { request: boolean; cookie: string | null } {
  for (const option of packet.options) {
    if (option.name === 'fastOpen') return { request: option.cookie === null, cookie: option.cookie };
  }
  return { request: false, cookie: null };
}

/**
 * The TFO-relevant state of one TCP connection, from its SYN on. It keeps a fixed handful of
 * numbers, never packets, so a capture of any length costs the same per connection.
 */
export class TfoConnection {
  readonly client: Endpoint;
  readonly server: Endpoint;
  readonly clientIsn: number;
  private readonly syn: Seen;
  private readonly synRequest: boolean;
  private readonly synCookie: string | null;
  private readonly synDataBytes: number;
  private synack: (Seen & { relativeAck: number; cookie: string | null }) | undefined;
  private thirdAck: Seen | undefined;
  private firstServerPayload: Seen | undefined;
  private earlyPackets = 0;
  private earlyBytes = 0;
  private synRetransmissions = 0;
  private retransmittedWithoutTfo = false;

  constructor(readonly tcpStream: number, syn: Packet) {
    this.client = { addr: syn.src, port: syn.srcPort };
    this.server = { addr: syn.dst, port: syn.dstPort };
    this.clientIsn = syn.seq;
    this.syn = { frame: syn.frame, timestampNs: syn.timestampNs };
    const tfo = tfoOptionOf(syn);
    this.synRequest = tfo.request;
    this.synCookie = tfo.cookie;
    this.synDataBytes = syn.payloadLength;
  }

  isFromClient(p: Packet): boolean {
    return p.srcPort === this.client.port && p.src === this.client.addr;
  }

  /** A later packet of the same connection, in capture order. */
  observe(p: Packet): void {
    const fromClient = this.isFromClient(p);
    const fromServer = p.srcPort === this.server.port && p.src === this.server.addr;
    const syn = (p.flags & TcpFlag.SYN) !== 0;
    const ack = (p.flags & TcpFlag.ACK) !== 0;
    if (fromClient && syn && !ack) this.observeSynRetransmission(p);
    if (fromServer && syn && ack && !this.synack) {
      const tfo = tfoOptionOf(p);
      this.synack = { frame: p.frame, timestampNs: p.timestampNs, relativeAck: (p.ack - this.clientIsn) >>> 0, cookie: tfo.cookie };
    } else if (fromClient && this.synack && !this.thirdAck) {
      this.thirdAck = { frame: p.frame, timestampNs: p.timestampNs };
    }
    if (fromServer && p.payloadLength > 0) {
      this.firstServerPayload ??= { frame: p.frame, timestampNs: p.timestampNs };
      if (this.synack && !this.thirdAck && p.frame > this.synack.frame) {
        this.earlyPackets++;
        this.earlyBytes += p.payloadLength;
      }
    }
  }

  /**
   * The facts so far. `closed`: the connection was reset or finished in both directions, so a
   * fact not seen by now never will be; otherwise such facts are left undefined (unknown).
   */
  facts(closed: boolean): ConnectionFacts {
    const { synack, thirdAck, firstServerPayload } = this;
    const absent = closed ? null : undefined;
    // Retransmitted SYNs stop once the client has answered the SYN-ACK.
    const synsSettled = closed || thirdAck !== undefined;
    const couldFallBack = this.synDataBytes > 0 || this.synCookie !== null;
    const facts: ConnectionFacts = {
      tcpStream: this.tcpStream,
      client: { ...this.client },
      server: { ...this.server },
      synFrame: this.syn.frame,
      synTimestampNs: this.syn.timestampNs,
      synTfoCookieRequest: this.synRequest,
      synTfoCookie: this.synCookie,
      synDataBytes: this.synDataBytes,
      synackFrame: synack ? synack.frame : absent,
      synackRelativeAck: synack ? synack.relativeAck : absent,
      synackAckedSynData: this.synDataBytes === 0 ? null : synack ? synack.relativeAck === 1 + this.synDataBytes : absent,
      synackTfoCookie: synack ? synack.cookie : absent,
      thirdAckFrame: thirdAck ? thirdAck.frame : absent,
      firstServerPayloadFrame: firstServerPayload ? firstServerPayload.frame : absent,
      serverPayloadBeforeThirdAck: thirdAck ? this.earlyPackets > 0 : closed ? false : undefined,
      serverPayloadBytesBeforeThirdAck: thirdAck ? this.earlyBytes : closed ? 0 : undefined,
      firstServerPayloadToThirdAckMs: thirdAck && firstServerPayload ? millisecondsBetween(firstServerPayload, thirdAck) : absent,
      synRetransmissions: synsSettled ? this.synRetransmissions : undefined,
      synRetransmittedWithoutTfo: (this.retransmittedWithoutTfo || synsSettled || !couldFallBack) ? this.retransmittedWithoutTfo : undefined,
      settled: false,
    };
    facts.verdict = tfoVerdict(facts);
    facts.settled = Object.values(facts).every((value) => value !== undefined);
    return facts;
  }

  private observeSynRetransmission(p: Packet): void {
    this.synRetransmissions++;
    const cookie = tfoOptionOf(p).cookie;
    if ((this.synDataBytes > 0 && p.payloadLength === 0) || (this.synCookie !== null && cookie === null)) {
      this.retransmittedWithoutTfo = true;
    }
  }
}

/** (to − from) in ms, rounded to 0.1 half away from zero, exactly as derive-expected.py's Decimal does. */
export function millisecondsBetween(from: Seen, to: Seen): number | null {
  if (from.timestampNs === null || to.timestampNs === null) return null;
  const delta = to.timestampNs - from.timestampNs;
  const magnitude = delta < 0n ? -delta : delta;
  let tenths = magnitude / 100_000n;
  if ((magnitude % 100_000n) * 2n >= 100_000n) tenths++;
  const ms = Number(tenths) / 10;
  return delta < 0n ? -ms : ms;
}
