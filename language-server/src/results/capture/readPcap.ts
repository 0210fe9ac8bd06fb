import { ByteQueue } from './byteQueue';
import { CaptureError } from './captureError';
import { CaptureInfo, CaptureRecord } from './packet';
import { MAX_RECORD_BYTES, RecordReader, Wanted } from './recordReader';

const FILE_HEADER = 24;
const RECORD_HEADER = 16;
const NO_COMMENTS: readonly string[] = Object.freeze([]);

/** The four libpcap magics, as the first four bytes of the file. */
export const PCAP_MAGICS = {
  microLittle: [0xd4, 0xc3, 0xb2, 0xa1],
  microBig: [0xa1, 0xb2, 0xc3, 0xd4],
  nanoLittle: [0x4d, 0x3c, 0xb2, 0xa1],
  nanoBig: [0xa1, 0xb2, 0x3c, 0x4d],
} as const;

/** Splits a libpcap file (either byte order, µs or ns timestamps) into records. */
export class PcapReader implements RecordReader {
  error: CaptureError | null = null;
  private littleEndian = true;
  private nanoseconds = false;
  private linkType = -1;
  private frame = 0;
  private readonly wanted = new Wanted();

  constructor(private readonly info: CaptureInfo) {}

  next(queue: ByteQueue): CaptureRecord | undefined {
    if (this.error) return undefined;
    if (this.linkType < 0 && !this.readFileHeader(queue)) return undefined;
    const offset = queue.offset;
    const header = queue.peek(RECORD_HEADER);
    if (!header) return this.wanted.set('packet record header', offset, RECORD_HEADER);
    const seconds = this.u32(header, 0);
    const fraction = this.u32(header, 4);
    const capturedLength = this.u32(header, 8);
    const originalLength = this.u32(header, 12);
    if (capturedLength > MAX_RECORD_BYTES) {
      this.error = CaptureError.corrupt('packet record', offset, `captured length ${capturedLength} is over the ${MAX_RECORD_BYTES}-byte limit`);
      return undefined;
    }
    const record = queue.peek(RECORD_HEADER + capturedLength);
    if (!record) return this.wanted.set('packet record', offset, RECORD_HEADER + capturedLength);
    queue.skip(RECORD_HEADER + capturedLength);
    return {
      frame: ++this.frame,
      timestampNs: BigInt(seconds) * 1_000_000_000n + BigInt(this.nanoseconds ? fraction : fraction * 1000),
      interfaceIndex: 0,
      linkType: this.linkType,
      data: record.subarray(RECORD_HEADER),
      originalLength,
      comments: NO_COMMENTS,
    };
  }

  truncation(queue: ByteQueue): CaptureError | null {
    return this.error ? null : this.wanted.truncation(queue);
  }

  private readFileHeader(queue: ByteQueue): boolean {
    const header = queue.peek(FILE_HEADER);
    if (!header) {
      this.wanted.set('pcap file header', 0, FILE_HEADER);
      return false;
    }
    const magic = header.readUInt32LE(0);
    this.littleEndian = magic === 0xa1b2c3d4 || magic === 0xa1b23c4d;
    this.nanoseconds = magic === 0xa1b23c4d || magic === 0x4d3cb2a1;
    const major = this.u16(header, 4);
    if (major !== 2) {
      this.error = new CaptureError('unsupported', 4, `unsupported pcap version ${major}.${this.u16(header, 6)} at offset 4 (only 2.x is known)`);
      return false;
    }
    // The upper bits carry FCS information, not the link type.
    this.linkType = this.u32(header, 20) & 0x03ffffff;
    this.info.format = 'pcap';
    this.info.interfaces.push({
      index: 0,
      linkType: this.linkType,
      snapLength: this.u32(header, 16),
      resolution: { binary: false, exponent: this.nanoseconds ? 9 : 6 },
    });
    queue.skip(FILE_HEADER);
    return true;
  }

  private u16(b: Buffer, at: number): number {
    return this.littleEndian ? b.readUInt16LE(at) : b.readUInt16BE(at);
  }

  private u32(b: Buffer, at: number): number {
    return this.littleEndian ? b.readUInt32LE(at) : b.readUInt32BE(at);
  }
}
