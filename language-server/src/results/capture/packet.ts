/** One frame of a capture file as stored, before any protocol is decoded. */
export interface CaptureRecord {
  /** 1-based position among the packet records of the file, as tshark's frame.number. */
  frame: number;
  /** Nanoseconds since the Unix epoch; null for pcapng simple packet blocks, which carry no time. */
  timestampNs: bigint | null;
  /** Interface index across the whole file (pcapng sections are numbered on). 0 for pcap. */
  interfaceIndex: number;
  linkType: number;
  /** The captured bytes: a view into the chunk they arrived in (copy them to keep them without the chunk). */
  data: Buffer;
  originalLength: number;
  comments: readonly string[];
}

/** TCP flag bits of `Packet.flags` (byte 13 of the header, plus the AE/NS bit as 0x100). */
export const TcpFlag = {
  FIN: 0x01,
  SYN: 0x02,
  RST: 0x04,
  PSH: 0x08,
  ACK: 0x10,
  URG: 0x20,
  ECE: 0x40,
  CWR: 0x80,
  AE: 0x100,
} as const;

export type TcpOption =
  | { name: 'eol'; kind: 0 }
  | { name: 'nop'; kind: 1 }
  | { name: 'mss'; kind: 2; mss: number }
  | { name: 'windowScale'; kind: 3; shift: number }
  | { name: 'sackPermitted'; kind: 4 }
  | { name: 'sack'; kind: 5; blocks: Array<[left: number, right: number]> }
  | { name: 'timestamps'; kind: 8; value: number; echo: number }
  /** RFC 7413 (kind 34), or the experimental kind 254 with magic 0xF989. cookie: hex, null = a cookie request. */
  | { name: 'fastOpen'; kind: 34 | 254; cookie: string | null }
  /** An unknown kind, or a known kind with a length it cannot have. data: hex. */
  | { name: 'other'; kind: number; data: string };

/** A TCP segment read from a capture. Holds no reference to the capture's buffers. */
export interface Packet {
  frame: number;
  timestampNs: bigint | null;
  interfaceIndex: number;
  /** Fewer bytes were captured than were on the wire (snaplen); the fields below are still exact. */
  truncated: boolean;
  ipVersion: 4 | 6;
  /** Dotted quad, or IPv6 compressed as tshark prints it. */
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
  /** Bits of `TcpFlag`. */
  flags: number;
  /** Absolute sequence and acknowledgement numbers (unsigned 32 bit). */
  seq: number;
  ack: number;
  window: number;
  /** TCP payload bytes on the wire, from the IP length, not the captured length. */
  payloadLength: number;
  options: TcpOption[];
  /** The options did not all fit in the captured bytes, or an option length was invalid. */
  optionsIncomplete: boolean;
  /** pcapng packet comments. */
  comments: readonly string[];
}

export interface CaptureInterface {
  index: number;
  linkType: number;
  snapLength: number;
  name?: string;
  /** Timestamp resolution as in if_tsresol: 10^-n seconds, or 2^-n when `binary`. */
  resolution: { binary: boolean; exponent: number };
}

export interface CaptureInfo {
  format: 'pcap' | 'pcapng' | undefined;
  interfaces: CaptureInterface[];
  /** Comments of the pcapng section headers, in order. */
  sectionComments: string[];
}
