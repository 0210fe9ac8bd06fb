/** One option of a pcapng block: code and raw value (a view into the block). */
export interface PcapngOption {
  code: number;
  value: Buffer;
}

export const OPT_COMMENT = 1;
export const IF_NAME = 2;
export const IF_TSRESOL = 9;
export const IF_TSOFFSET = 14;

/**
 * The options between `start` and `end` of a block. A malformed list is cut where it stops making
 * sense rather than failing the file: options are annotations, the packets are still good.
 */
export function readPcapngOptions(block: Buffer, start: number, end: number, littleEndian: boolean): PcapngOption[] {
  const options: PcapngOption[] = [];
  let at = start;
  while (at + 4 <= end) {
    const code = littleEndian ? block.readUInt16LE(at) : block.readUInt16BE(at);
    const length = littleEndian ? block.readUInt16LE(at + 2) : block.readUInt16BE(at + 2);
    if (code === 0 || at + 4 + length > end) break;
    options.push({ code, value: block.subarray(at + 4, at + 4 + length) });
    at += 4 + ((length + 3) & ~3);
  }
  return options;
}

export function commentsOf(options: readonly PcapngOption[]): string[] {
  return options.filter((o) => o.code === OPT_COMMENT).map((o) => o.value.toString('utf8'));
}

/** Converts an interface's timestamp ticks to nanoseconds, following if_tsresol and if_tsoffset. */
export function tickConverter(resolution: { binary: boolean; exponent: number }, offsetSeconds: bigint): (ticks: bigint) => bigint {
  const offsetNs = offsetSeconds * 1_000_000_000n;
  const { binary, exponent } = resolution;
  if (binary) {
    const perSecond = 1n << BigInt(exponent);
    return (ticks) => (ticks * 1_000_000_000n) / perSecond + offsetNs;
  }
  if (exponent <= 9) {
    const factor = 10n ** BigInt(9 - exponent);
    return (ticks) => ticks * factor + offsetNs;
  }
  const divisor = 10n ** BigInt(exponent - 9);
  return (ticks) => ticks / divisor + offsetNs;
}

/** Decodes the if_tsresol byte: top bit set = negative power of 2, else of 10. Absent = 10^-6. */
export function resolutionOf(tsresol: Buffer | undefined): { binary: boolean; exponent: number } {
  if (!tsresol || tsresol.length < 1) return { binary: false, exponent: 6 };
  const byte = tsresol[0]!;
  return { binary: (byte & 0x80) !== 0, exponent: byte & 0x7f };
}
