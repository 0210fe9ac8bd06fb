import { createReadStream } from 'node:fs';
import { CaptureError } from '../capture/captureError';
import { ByteSource, CaptureDecoder } from '../capture/readCapture';
import { ConnectionFacts } from './connectionFacts';
import { ConnectionTracker } from './connectionTracker';

export interface CaptureTfoReport {
  /** Sorted by tcp.stream. After an error, facts the capture broke off before are undefined. */
  connections: ConnectionFacts[];
  /** Why the capture could not be read to its end; null when it could. */
  error: CaptureError | null;
  /** TCP segments read. */
  packets: number;
}

/**
 * Reads a capture (a file path, or chunks) straight into TFO facts. A truncated or corrupt file
 * is not an exception here: the report carries the facts of the packets before the bad spot
 * and the error as a value. I/O errors (a missing file…) are thrown as usual.
 */
export async function captureTfoReport(source: ByteSource | string): Promise<CaptureTfoReport> {
  const connections: ConnectionFacts[] = [];
  const { error, packets } = await analyseCapture(source, (facts) => connections.push(facts));
  connections.sort((a, b) => a.tcpStream - b.tcpStream);
  return { connections, error, packets };
}

/**
 * The streaming form of captureTfoReport: each connection's facts go to `onConnection` as soon
 * as it is over, so memory stays flat however long the capture is.
 */
export async function analyseCapture(
  source: ByteSource | string,
  onConnection: (facts: ConnectionFacts) => void,
): Promise<{ error: CaptureError | null; packets: number }> {
  const chunks = typeof source === 'string' ? createReadStream(source, { highWaterMark: 1 << 16 }) : source;
  const decoder = new CaptureDecoder();
  const tracker = new ConnectionTracker();
  let packets = 0;
  // Packets are taken synchronously per chunk: an await per packet would cost more than decoding it.
  for await (const chunk of chunks) {
    decoder.push(chunk);
    for (let packet = decoder.nextPacket(); packet; packet = decoder.nextPacket()) {
      packets++;
      for (const facts of tracker.add(packet)) onConnection(facts);
    }
    if (decoder.error) break;
  }
  const error = decoder.end();
  for (const facts of tracker.end()) onConnection(facts);
  return { error, packets };
}
