import { ByteQueue } from './byteQueue';
import { CaptureError } from './captureError';
import { CaptureRecord } from './packet';

/**
 * Refuse records larger than this instead of buffering towards a length read from a corrupt
 * header. libpcap itself stops at 16 MiB for pcapng blocks and 256 KiB for snaplen.
 */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;

/** A file format's record splitter: pulls whole records off the front of a ByteQueue. */
export interface RecordReader {
  /** The next record, or undefined when more bytes are needed or the input is bad (see `error`). */
  next(queue: ByteQueue): CaptureRecord | undefined;
  /** Set once the input is known to be bad; the reader then reads nothing more. */
  readonly error: CaptureError | null;
  /** Called when the input has ended: the truncation error for the bytes left over, if any. */
  truncation(queue: ByteQueue): CaptureError | null;
}

/** What a reader was waiting for when it last returned undefined, to word a truncation error. */
export class Wanted {
  what = 'file header';
  offset = 0;
  needs = 0;

  set(what: string, offset: number, needs: number): undefined {
    this.what = what;
    this.offset = offset;
    this.needs = needs;
    return undefined;
  }

  truncation(queue: ByteQueue): CaptureError | null {
    if (queue.available === 0) return null;
    return CaptureError.truncated(this.what, this.offset, this.needs, queue.available);
  }
}
