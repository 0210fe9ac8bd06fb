// Follows the transcript while runtest writes it (script -f flushes every write), so the Test
// Explorer can show runtest's output as it comes.
import { promises as fsp } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

export interface Follower {
  /** Reads what is left and stops. */
  stop(): Promise<void>;
}

export function followFile(file: string, onText: (text: string) => void, pollMs = 300): Follower {
  const decoder = new StringDecoder('utf8');
  let offset = 0;
  let stopped = false;
  let reading: Promise<void> = Promise.resolve();
  const readMore = async (): Promise<void> => {
    const handle = await fsp.open(file, 'r').catch(() => undefined);
    if (handle === undefined) return;
    try {
      for (;;) {
        const buffer = Buffer.alloc(64 * 1024);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
        if (bytesRead === 0) break;
        offset += bytesRead;
        const text = decoder.write(buffer.subarray(0, bytesRead));
        if (text !== '') onText(text);
      }
    } finally {
      await handle.close();
    }
  };
  const timer = setInterval(() => {
    if (!stopped) reading = reading.then(readMore);
  }, pollMs);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await (reading = reading.then(readMore));
      const rest = decoder.end();
      if (rest !== '') onText(rest);
    },
  };
}
