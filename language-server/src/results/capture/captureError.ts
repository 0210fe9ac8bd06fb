/** Why a capture could not be read to its end. Every message names the byte offset it refers to. */
export type CaptureErrorKind = 'empty' | 'not-a-capture' | 'unsupported' | 'truncated' | 'corrupt';

/**
 * The one error type of the capture readers. The push decoder hands it out as a value;
 * `readCapture` throws it, because an async iterator has no other channel.
 */
export class CaptureError extends Error {
  override readonly name = 'CaptureError';

  constructor(
    readonly kind: CaptureErrorKind,
    /** Byte offset in the file of the header, record or block that could not be read. */
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }

  static truncated(what: string, offset: number, needs: number, left: number): CaptureError {
    return new CaptureError('truncated', offset, `truncated ${what} at offset ${offset}: needs ${needs} bytes, ${left} left`);
  }

  static corrupt(what: string, offset: number, problem: string): CaptureError {
    return new CaptureError('corrupt', offset, `corrupt ${what} at offset ${offset}: ${problem}`);
  }
}
