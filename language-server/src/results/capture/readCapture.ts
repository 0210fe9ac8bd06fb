import { createReadStream } from 'node:fs';
import { ByteQueue } from './byteQueue';
import { CaptureError } from './captureError';
import { decodePacket } from './decodePacket';
import { CaptureInfo, CaptureRecord, Packet } from './packet';
import { PCAP_MAGICS, PcapReader } from './readPcap';
import { PCAPNG_MAGIC, PcapngReader } from './readPcapng';
import { RecordReader } from './recordReader';

export type ByteSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

const KUZNETZOV_MAGICS = [[0xa1, 0xb2, 0xcd, 0x34], [0x34, 0xcd, 0xb2, 0xa1]];
const KNOWN_MAGICS: ReadonlyArray<readonly number[]> = [...Object.values(PCAP_MAGICS), PCAPNG_MAGIC, ...KUZNETZOV_MAGICS];

/**
 * Push decoder for pcap and pcapng: feed it chunks, take packets out. It never throws on bad
 * input; it stops and reports a CaptureError value instead. Memory is one chunk plus one record.
 */
export class CaptureDecoder {
  readonly info: CaptureInfo = { format: undefined, interfaces: [], sectionComments: [] };
  private readonly queue = new ByteQueue();
  private reader: RecordReader | undefined;
  private formatError: CaptureError | null = null;

  push(chunk: Uint8Array): void {
    this.queue.push(chunk);
  }

  /** The next frame of the bytes pushed so far; undefined when more are needed or on an error. */
  nextRecord(): CaptureRecord | undefined {
    if (!this.reader && !this.detectFormat()) return undefined;
    return this.reader!.next(this.queue);
  }

  /** The next TCP segment of the bytes pushed so far (frames that are not TCP are passed over). */
  nextPacket(): Packet | undefined {
    for (let record = this.nextRecord(); record; record = this.nextRecord()) {
      const packet = decodePacket(record);
      if (packet) return packet;
    }
    return undefined;
  }

  /** Set as soon as the input is known to be bad. */
  get error(): CaptureError | null {
    return this.formatError ?? this.reader?.error ?? null;
  }

  /** Call once after the last chunk has been pushed and drained: the error that ends the input, if any. */
  end(): CaptureError | null {
    if (this.error) return this.error;
    if (this.reader) return this.reader.truncation(this.queue);
    if (this.queue.available === 0) return new CaptureError('empty', 0, 'empty input at offset 0: a capture needs at least a file header');
    return CaptureError.truncated('file header', 0, 4, this.queue.available);
  }

  private detectFormat(): boolean {
    if (this.formatError) return false;
    const start = this.queue.peek(Math.min(4, this.queue.available));
    if (!start || start.length === 0) return false;
    const matches = KNOWN_MAGICS.filter((magic) => start.every((byte, i) => magic[i] === byte));
    if (matches.length === 0) {
      this.formatError = new CaptureError('not-a-capture', 0, `not a pcap or pcapng file: it starts with 0x${start.toString('hex')} at offset 0`);
      return false;
    }
    if (start.length < 4) return false;
    if (KUZNETZOV_MAGICS.includes(matches[0] as number[])) {
      this.formatError = new CaptureError('unsupported', 0, 'unsupported capture format at offset 0: the modified ("Kuznetzov") pcap format');
      return false;
    }
    this.reader = matches[0] === PCAPNG_MAGIC ? new PcapngReader(this.info) : new PcapReader(this.info);
    return true;
  }
}

/**
 * The TCP segments of a capture, read as the chunks arrive. Iterating throws a CaptureError when
 * the input is truncated or corrupt, after yielding every packet before the bad spot. `info`
 * fills in as the file is read.
 */
export class CaptureStream implements AsyncIterable<Packet> {
  private readonly decoder = new CaptureDecoder();
  readonly info: CaptureInfo = this.decoder.info;

  constructor(private readonly source: ByteSource) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<Packet> {
    const decoder = this.decoder;
    for await (const chunk of this.source) {
      decoder.push(chunk);
      for (let packet = decoder.nextPacket(); packet; packet = decoder.nextPacket()) yield packet;
      if (decoder.error) throw decoder.error;
    }
    const error = decoder.end();
    if (error) throw error;
  }
}

export function readCapture(source: ByteSource): CaptureStream {
  return new CaptureStream(source);
}

/** Streams a capture file from disk. I/O errors (a missing file…) surface as the usual Node errors. */
export function readCaptureFile(path: string): CaptureStream {
  return new CaptureStream(createReadStream(path, { highWaterMark: 1 << 16 }));
}

/** Decodes a capture already in memory; the packets before any error are kept. */
export function readCaptureBytes(bytes: Uint8Array): { packets: Packet[]; error: CaptureError | null; info: CaptureInfo } {
  const decoder = new CaptureDecoder();
  decoder.push(bytes);
  const packets: Packet[] = [];
  for (let packet = decoder.nextPacket(); packet; packet = decoder.nextPacket()) packets.push(packet);
  return { packets, error: decoder.end(), info: decoder.info };
}
