import { ByteQueue } from './byteQueue';
import { CaptureError } from './captureError';
import { CaptureInfo, CaptureRecord } from './packet';
import {
  IF_NAME, IF_TSOFFSET, IF_TSRESOL, commentsOf, readPcapngOptions, resolutionOf, tickConverter,
} from './pcapngOptions';
import { MAX_RECORD_BYTES, RecordReader, Wanted } from './recordReader';

export const PCAPNG_MAGIC = [0x0a, 0x0d, 0x0d, 0x0a] as const;

const SECTION_HEADER = 0x0a0d0d0a;
const INTERFACE_DESCRIPTION = 1;
const OBSOLETE_PACKET = 2;
const SIMPLE_PACKET = 3;
const ENHANCED_PACKET = 6;

/** Smallest valid total length of each block type we decode. */
const MIN_LENGTH: Record<number, number> = {
  [SECTION_HEADER]: 28,
  [INTERFACE_DESCRIPTION]: 20,
  [OBSOLETE_PACKET]: 32,
  [SIMPLE_PACKET]: 16,
  [ENHANCED_PACKET]: 32,
};

const BLOCK_NAME: Record<number, string> = {
  [SECTION_HEADER]: 'section header block',
  [INTERFACE_DESCRIPTION]: 'interface description block',
  [OBSOLETE_PACKET]: 'packet block',
  [SIMPLE_PACKET]: 'simple packet block',
  [ENHANCED_PACKET]: 'enhanced packet block',
};

interface SectionInterface {
  globalIndex: number;
  linkType: number;
  snapLength: number;
  toNs: (ticks: bigint) => bigint;
}

/**
 * Splits a pcapng file into packet records: any number of sections, each with its own byte order
 * and interfaces; blocks it does not know are skipped whole.
 */
export class PcapngReader implements RecordReader {
  error: CaptureError | null = null;
  private littleEndian = true;
  private inSection = false;
  private interfaces: SectionInterface[] = [];
  private frame = 0;
  private readonly wanted = new Wanted();

  constructor(private readonly info: CaptureInfo) {}

  next(queue: ByteQueue): CaptureRecord | undefined {
    while (!this.error) {
      const offset = queue.offset;
      const head = queue.peek(12);
      if (!head) return this.wanted.set('block header', offset, 12);
      const type = head.readUInt32LE(0);
      if (type === SECTION_HEADER && !this.readByteOrder(head, offset)) return undefined;
      if (!this.inSection && type !== SECTION_HEADER) {
        this.error = CaptureError.corrupt('pcapng file', offset, 'it does not start with a section header block');
        return undefined;
      }
      const blockType = this.u32(head, 0);
      const length = this.u32(head, 4);
      const name = BLOCK_NAME[blockType] ?? `block of type 0x${blockType.toString(16)}`;
      const problem = length % 4 !== 0 || length < (MIN_LENGTH[blockType] ?? 12) ? `invalid block length ${length}`
        : length > MAX_RECORD_BYTES ? `block length ${length} is over the ${MAX_RECORD_BYTES}-byte limit` : undefined;
      if (problem) return this.fail(name, offset, problem);
      const block = queue.peek(length);
      if (!block) return this.wanted.set(name, offset, length);
      if (this.u32(block, length - 4) !== length) {
        return this.fail(name, offset, `trailing length ${this.u32(block, length - 4)} differs from leading length ${length}`);
      }
      const record = this.readBlock(blockType, block, offset, name);
      queue.skip(length);
      if (record) return record;
    }
    return undefined;
  }

  truncation(queue: ByteQueue): CaptureError | null {
    return this.error ? null : this.wanted.truncation(queue);
  }

  private readByteOrder(head: Buffer, offset: number): boolean {
    const magic = head.readUInt32LE(8);
    if (magic !== 0x1a2b3c4d && magic !== 0x4d3c2b1a) {
      this.fail('section header block', offset, `byte-order magic 0x${magic.toString(16)} is neither 0x1a2b3c4d nor 0x4d3c2b1a`);
      return false;
    }
    this.littleEndian = magic === 0x1a2b3c4d;
    return true;
  }

  private readBlock(type: number, block: Buffer, offset: number, name: string): CaptureRecord | undefined {
    const end = block.length - 4;
    switch (type) {
      case SECTION_HEADER: {
        const major = this.u16(block, 12);
        if (major !== 1) {
          this.error = new CaptureError('unsupported', offset, `unsupported pcapng version ${major}.${this.u16(block, 14)} in the section header block at offset ${offset}`);
          return undefined;
        }
        this.inSection = true;
        this.interfaces = [];
        this.info.format = 'pcapng';
        this.info.sectionComments.push(...commentsOf(readPcapngOptions(block, 24, end, this.littleEndian)));
        return undefined;
      }
      case INTERFACE_DESCRIPTION:
        this.addInterface(block, end);
        return undefined;
      case ENHANCED_PACKET:
      case OBSOLETE_PACKET: {
        const id = type === ENHANCED_PACKET ? this.u32(block, 8) : this.u16(block, 8);
        const capturedLength = this.u32(block, 20);
        const dataEnd = 28 + capturedLength;
        if (dataEnd > end) return this.fail(name, offset, `captured length ${capturedLength} overruns the block`);
        const iface = this.interface(id, name, offset);
        if (!iface) return undefined;
        const ticks = (BigInt(this.u32(block, 12)) << 32n) | BigInt(this.u32(block, 16));
        return {
          frame: ++this.frame,
          timestampNs: iface.toNs(ticks),
          interfaceIndex: iface.globalIndex,
          linkType: iface.linkType,
          data: block.subarray(28, dataEnd),
          originalLength: this.u32(block, 24),
          comments: commentsOf(readPcapngOptions(block, (dataEnd + 3) & ~3, end, this.littleEndian)),
        };
      }
      case SIMPLE_PACKET: {
        const iface = this.interface(0, name, offset);
        if (!iface) return undefined;
        const originalLength = this.u32(block, 8);
        let capturedLength = Math.min(originalLength, end - 12);
        if (iface.snapLength > 0) capturedLength = Math.min(capturedLength, iface.snapLength);
        return {
          frame: ++this.frame,
          timestampNs: null,
          interfaceIndex: iface.globalIndex,
          linkType: iface.linkType,
          data: block.subarray(12, 12 + capturedLength),
          originalLength,
          comments: [],
        };
      }
      default:
        return undefined;
    }
  }

  private addInterface(block: Buffer, end: number): void {
    const options = readPcapngOptions(block, 16, end, this.littleEndian);
    const option = (code: number) => options.find((o) => o.code === code)?.value;
    const resolution = resolutionOf(option(IF_TSRESOL));
    const tsoffset = option(IF_TSOFFSET);
    const offsetSeconds = tsoffset?.length === 8 ? (this.littleEndian ? tsoffset.readBigInt64LE(0) : tsoffset.readBigInt64BE(0)) : 0n;
    const linkType = this.u16(block, 8);
    const snapLength = this.u32(block, 12);
    const globalIndex = this.info.interfaces.length;
    const name = option(IF_NAME)?.toString('utf8');
    this.info.interfaces.push({ index: globalIndex, linkType, snapLength, resolution, ...(name !== undefined ? { name } : {}) });
    this.interfaces.push({ globalIndex, linkType, snapLength, toNs: tickConverter(resolution, offsetSeconds) });
  }

  private interface(id: number, name: string, offset: number): SectionInterface | undefined {
    const iface = this.interfaces[id];
    if (!iface) this.fail(name, offset, `interface ${id} is not described in this section (it has ${this.interfaces.length})`);
    return iface;
  }

  private fail(what: string, offset: number, problem: string): undefined {
    this.error = CaptureError.corrupt(what, offset, problem);
    return undefined;
  }

  private u16(b: Buffer, at: number): number {
    return this.littleEndian ? b.readUInt16LE(at) : b.readUInt16BE(at);
  }

  private u32(b: Buffer, at: number): number {
    return this.littleEndian ? b.readUInt32LE(at) : b.readUInt32BE(at);
  }
}
