// Packets for the TFO tests, written as a conversation between a client and a server.
import { Packet, TcpFlag, TcpOption } from '../../../../language-server/src/results/capture/packet';

export const CLIENT = { addr: '198.51.100.10', port: 39744 };
export const SERVER = { addr: '198.51.100.25', port: 2525 };
export const CLIENT_ISN = 0xfffffff0; // relative numbers must wrap
export const SERVER_ISN = 1000;

export const { SYN, ACK, FIN, RST, PSH } = TcpFlag;

export interface SegmentSpec {
  from: 'client' | 'server';
  flags: number;
  /** Relative to the sender's ISN. */
  seq?: number;
  ack?: number;
  len?: number;
  /** Microseconds since the capture start. */
  us: number;
  /** null: a cookie request; a string: a cookie; absent: no TFO option. */
  tfo?: string | null;
  client?: { addr: string; port: number };
  clientIsn?: number;
}

/** Numbers frames in order. */
export function conversation(specs: SegmentSpec[], firstFrame = 1): Packet[] {
  return specs.map((s, i) => segment(s, firstFrame + i));
}

export function segment(s: SegmentSpec, frame: number): Packet {
  const client = s.client ?? CLIENT;
  const clientIsn = s.clientIsn ?? CLIENT_ISN;
  const [src, dst] = s.from === 'client' ? [client, SERVER] : [SERVER, client];
  const [ownIsn, peerIsn] = s.from === 'client' ? [clientIsn, SERVER_ISN] : [SERVER_ISN, clientIsn];
  const options: TcpOption[] = [{ name: 'mss', kind: 2, mss: 1460 }];
  if (s.tfo !== undefined) options.push({ name: 'fastOpen', kind: 34, cookie: s.tfo });
  return {
    frame,
    timestampNs: 1_795_546_754_000_000_000n + BigInt(s.us) * 1000n,
    interfaceIndex: 0,
    truncated: false,
    ipVersion: 4,
    src: src.addr,
    dst: dst.addr,
    srcPort: src.port,
    dstPort: dst.port,
    flags: s.flags,
    seq: (ownIsn + (s.seq ?? 0)) >>> 0,
    ack: s.flags & ACK ? (peerIsn + (s.ack ?? 0)) >>> 0 : 0,
    window: 64240,
    payloadLength: s.len ?? 0,
    options,
    optionsIncomplete: false,
    comments: [],
  };
}

export const COOKIE = 'f69fc05bc14ebf26';

/** run3b of the lab, written out: cookie and 132 bytes on the SYN, data accepted, early banner. */
export const dataOnSynAccepted: SegmentSpec[] = [
  { from: 'client', flags: SYN, len: 132, tfo: COOKIE, us: 0 },
  { from: 'server', flags: SYN | ACK, ack: 133, us: 75 },
  { from: 'server', flags: ACK | PSH, seq: 1, ack: 133, len: 289, us: 2_372 },
  { from: 'client', flags: ACK | PSH | FIN, seq: 133, ack: 1, len: 436, us: 101_590 },
  { from: 'server', flags: ACK | PSH | FIN, seq: 290, ack: 570, len: 100, us: 105_000 },
  { from: 'client', flags: ACK, seq: 570, ack: 391, us: 205_000 },
];
