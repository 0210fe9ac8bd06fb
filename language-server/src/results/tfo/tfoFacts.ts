import { Packet } from '../capture/packet';
import { ConnectionFacts } from './connectionFacts';
import { ConnectionTracker } from './connectionTracker';

type Packets = AsyncIterable<Packet> | Iterable<Packet>;

/**
 * The TFO facts of every TCP connection that starts with a SYN in `packets` (capture order),
 * sorted by tcp.stream. Memory: a fixed amount per connection; packets are not kept.
 */
export async function tfoFacts(packets: Packets): Promise<ConnectionFacts[]> {
  const all: ConnectionFacts[] = [];
  for await (const facts of tfoConnections(packets)) all.push(facts);
  return all.sort((a, b) => a.tcpStream - b.tcpStream);
}

/**
 * The same facts as a stream, each yielded once its connection is over (or at the end), so a
 * capture of any size is analysed in flat memory. Order: when each connection ended.
 */
export async function* tfoConnections(packets: Packets): AsyncGenerator<ConnectionFacts> {
  const tracker = new ConnectionTracker();
  for await (const packet of packets) yield* tracker.add(packet);
  yield* tracker.end();
}
