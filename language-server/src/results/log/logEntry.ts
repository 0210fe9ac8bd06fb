// What one line of an Exim main log says, as plain data. Produced by `parseLogLine`.

/** The two-character flags of message lines (Exim spec, "Log files"), plus `Completed`. */
export type EventMark = '<=' | '=>' | '->' | '>>' | '*>' | '**' | '==' | 'Completed';

/**
 * The TCP Fast Open element. `TFO`: a Fast Open connection without accepted data on the SYN;
 * `TFO*`: data carried on the SYN was accepted (deliver.c `d_hostlog`, receive.c
 * `add_host_info_for_log`, smtp_in.c `tfo_in_check`).
 */
export type TfoElement = 'TFO' | 'TFO*';

/**
 * PIPELINING: `L` it was used (deliveries) or advertised (receptions); then `*` early
 * pipelining (PIPE_CONNECT) was used or `.` only advertised; then, on receptions, `-` the client
 * did not pipeline (receive.c `add_host_info_for_log`).
 */
export type PipeliningElement = 'L' | 'L.' | 'L*' | 'L-' | 'L.-' | 'L*-';

export interface LogTimestamp {
  /** `YYYY-MM-DD` */
  date: string;
  /** `HH:MM:SS` */
  time: string;
  /** Present with `log_selector = +millisec`. */
  milliseconds?: number;
  /** Present with `log_timezone`, e.g. `+0100`. */
  timezone?: string;
  /** The timestamp exactly as written. */
  text: string;
}

/** An address in brackets with an optional port: `[ip]:port`. Ports stay text (`PORT_D` when munged). */
export interface IpAndPort {
  ip: string;
  port?: string;
}

/** The `H=` element: `name (helo) [ip]:port`, every part optional except that one is present. */
export interface LoggedHost {
  name?: string;
  helo?: string;
  ip?: string;
  port?: string;
  /** `DS`: the host's address was DNSSEC-verified. */
  dnssec?: boolean;
  /** `*` after the address: the delivery continued an existing connection. */
  continuedConnection?: boolean;
  /** The element's text as written, without `H=`. */
  text: string;
}

/** One `NAME=value` element, in line order. `value` has quotes and escapes removed. */
export interface LogField {
  name: string;
  value: string;
  /** The element as written, e.g. `C="250 OK id=…"`. */
  text: string;
}

interface LogEntryBase {
  /** The whole line, as given. */
  line: string;
  timestamp?: LogTimestamp;
  /** Process id from `[pid]` (with `log_selector = +pid`); `p1234` when munged. */
  pid?: string;
  /** What followed the pid after a `/` in `[pid/…]`, when present. */
  pidDetail?: string;
}

/** A line with a message id and an event mark: reception, delivery, failure, deferral, completion. */
export interface MessageEventEntry extends LogEntryBase {
  kind: 'event';
  messageId: string;
  mark: EventMark;
  /** `<=`: the sender (`<>` for bounces). Deliveries and failures: the address. */
  address?: string;
  /** `(parent, …)` after the address, for pipe/file/reply deliveries or `+all_parents`. */
  parents?: string[];
  /** `<top address>` after the address, when it differs from the address itself. */
  originalAddress?: string;
  host?: LoggedHost;
  /** `I=[ip]:port`: on deliveries our local end, on receptions the interface that accepted. */
  interfaceAddress?: IpAndPort;
  /** `PRX=[ip]:port`: the SOCKS proxy's local end. */
  proxyAddress?: IpAndPort;
  tfo?: TfoElement;
  pipelining?: PipeliningElement;
  /** `K`: CHUNKING (BDAT) was used. */
  chunking?: boolean;
  /** `PRDR`: per-recipient data responses were used. */
  prdr?: boolean;
  /** `P=` on `<=` lines. */
  protocol?: string;
  /** `P=<…>` on delivery lines (`+return_path_on_delivery`). */
  returnPath?: string;
  /** `R=` on delivery lines. */
  router?: string;
  /** `R=` on `<=` lines: the id of the message this one bounces. */
  bounceOf?: string;
  /** `T=` on delivery lines. */
  transport?: string;
  /** `T=` on `<=` lines (`+subject`). */
  subject?: string;
  /** `S=`; text because munged logs write `sss`. */
  size?: string;
  /** `id=` / `id*=` on `<=` lines: the Message-ID header. */
  headerId?: string;
  /** `U=` */
  user?: string;
  /** `X=` */
  tls?: string;
  /** `C=`, unquoted: the SMTP confirmation the receiving host sent. */
  confirmation?: string;
  /** `from <…>` on `<=` lines (`+sender_on_delivery`: `F=<…>` on deliveries). */
  envelopeFrom?: string;
  /** `for a b …` on `<=` lines (`+received_recipients`). */
  recipients?: string[];
  /** Free text after `: ` on failure, deferral and some delivery lines. */
  errorText?: string;
  /** Every `NAME=value` element in line order, including the ones above. */
  fields: LogField[];
  /** Elements the reader did not understand, as written. */
  unparsed: string[];
}

/** Any other line: daemon start, queue runs, connections, `cwd=… args:`, continuation lines. */
export interface OtherEntry extends LogEntryBase {
  kind: 'other';
  /** Present when the line names a message but has no event mark. */
  messageId?: string;
  /** The text after the timestamp, pid and message id. */
  text: string;
  /** `TFO`/`TFO*` in "no MAIL in TFO SMTP connection", "unexpected disconnection …" and "TFO lost" lines. */
  tfo?: TfoElement;
}

export type LogEntry = MessageEventEntry | OtherEntry;
