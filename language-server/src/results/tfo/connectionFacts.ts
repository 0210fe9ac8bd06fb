export interface Endpoint {
  addr: string;
  port: number;
}

/**
 * What a TCP connection shows about TCP Fast Open (RFC 7413), as the TFO lab's expected.json
 * defines it (tshark semantics, relative sequence numbers), plus the fallback and a verdict.
 *
 * Optional fields are `undefined` when the capture ended (or broke off) before the fact was
 * settled: the connection was still open and a later packet could have changed it. `null` means
 * settled and absent, e.g. no SYN-ACK before the connection was reset.
 */
export interface ConnectionFacts {
  /** tshark's tcp.stream: conversations numbered in order of their first packet. */
  tcpStream: number;
  /** Source of the SYN. */
  client: Endpoint;
  /** Destination of the SYN. */
  server: Endpoint;
  synFrame: number;
  synTimestampNs: bigint | null;
  /** The SYN carried a TFO option without a cookie (a cookie request). */
  synTfoCookieRequest: boolean;
  /** The cookie on the SYN, hex. */
  synTfoCookie: string | null;
  /** TCP payload bytes on the SYN. */
  synDataBytes: number;
  synackFrame?: number | null;
  /** The SYN-ACK's ack, relative to the client's initial sequence number. */
  synackRelativeAck?: number | null;
  /** The SYN-ACK acknowledged the SYN's data (ack = 1 + synDataBytes); null when the SYN carried none. */
  synackAckedSynData?: boolean | null;
  /** The cookie the SYN-ACK hands out, hex. */
  synackTfoCookie?: string | null;
  /** The first client→server packet after the SYN-ACK. */
  thirdAckFrame?: number | null;
  /** The first server→client packet with payload. */
  firstServerPayloadFrame?: number | null;
  /** Some server payload lies between the SYN-ACK and the third ACK in the capture. */
  serverPayloadBeforeThirdAck?: boolean;
  serverPayloadBytesBeforeThirdAck?: number;
  /**
   * time(third ACK) − time(first server payload) in ms, rounded to 0.1 half away from zero.
   * Positive: the server's data was on the wire before the handshake completed.
   */
  firstServerPayloadToThirdAckMs?: number | null;
  /** SYNs of this connection after the first one (same initial sequence number). */
  synRetransmissions?: number;
  /** A retransmitted SYN left out the data or the cookie the first SYN carried: the client fell back to a plain handshake. */
  synRetransmittedWithoutTfo?: boolean;
  verdict?: TfoVerdict;
  /** Every fact above is known. */
  settled: boolean;
}

export type TfoVerdict =
  | 'no-tfo'
  | 'cookie-requested'
  | 'cookie-requested-none-issued'
  | 'cookie-used-no-data'
  | 'data-on-syn-accepted'
  | 'data-on-syn-not-acked'
  | 'syn-retransmitted-without-tfo'
  | 'no-synack';

export const TFO_VERDICT_LABELS: Readonly<Record<TfoVerdict, string>> = {
  'no-tfo': 'no TFO',
  'cookie-requested': 'cookie requested',
  'cookie-requested-none-issued': 'cookie requested, none issued',
  'cookie-used-no-data': 'cookie used, no data',
  'data-on-syn-accepted': 'data on SYN accepted',
  'data-on-syn-not-acked': 'data on SYN not acked',
  'syn-retransmitted-without-tfo': 'SYN re-sent without TFO (fallback)',
  'no-synack': 'no SYN-ACK',
};
