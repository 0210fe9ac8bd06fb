import * as assert from 'node:assert/strict';
import { ConnectionFacts } from '../../../../language-server/src/results/tfo/connectionFacts';
import { ConnectionTracker } from '../../../../language-server/src/results/tfo/connectionTracker';
import { ACK, COOKIE, FIN, SYN, SegmentSpec, conversation, dataOnSynAccepted } from './segments';

function track(specs: SegmentSpec[]): ConnectionFacts[] {
  const tracker = new ConnectionTracker();
  const facts = conversation(specs).flatMap((p) => tracker.add(p));
  return [...facts, ...tracker.end()];
}

const otherClient = { addr: '198.51.100.11', port: 40000 };

describe('connectionTracker', () => {
  it('numbers conversations like tcp.stream, including ones caught without their SYN', () => {
    const facts = track([
      { from: 'client', flags: ACK, seq: 5, ack: 5, us: 0, client: otherClient }, // stream 0: no SYN, no facts
      ...dataOnSynAccepted,
    ]);
    assert.deepEqual(facts.map((f) => [f.tcpStream, f.synFrame]), [[1, 2]]);
  });

  it('keeps a retransmitted SYN in its connection and starts a new one for a new SYN after the close', () => {
    const facts = track([
      ...dataOnSynAccepted.slice(0, 1),
      { from: 'client', flags: SYN, len: 132, tfo: COOKIE, us: 1_000_000 },
      ...dataOnSynAccepted.slice(1).map((s) => ({ ...s, us: s.us + 1_000_000 })),
      { from: 'client', flags: SYN, tfo: COOKIE, us: 5_000_000 },
    ]);
    assert.deepEqual(facts.map((f) => [f.tcpStream, f.synFrame, f.synRetransmissions]), [[0, 1, 1], [1, 8, undefined]]);
  });

  it('starts a new connection for a SYN with another initial sequence number on an open 4-tuple', () => {
    const facts = track([
      { from: 'client', flags: SYN, us: 0 },
      { from: 'client', flags: SYN, us: 10, clientIsn: 77 },
    ]);
    assert.deepEqual(facts.map((f) => f.tcpStream), [0, 1]);
  });

  it('separates interleaved connections by 4-tuple', () => {
    const a = conversation(dataOnSynAccepted);
    const b = conversation(dataOnSynAccepted.map((s) => ({ ...s, client: otherClient, us: s.us + 1 })), 100);
    const tracker = new ConnectionTracker();
    const interleaved = a.flatMap((p, i) => [p, b[i]!]);
    const facts = [...interleaved.flatMap((p) => tracker.add(p)), ...tracker.end()];
    assert.deepEqual(facts.map((f) => [f.tcpStream, f.client.port, f.verdict, f.serverPayloadBytesBeforeThirdAck]), [
      [0, 39744, 'data-on-syn-accepted', 289],
      [1, 40000, 'data-on-syn-accepted', 289],
    ]);
  });

  it('hands out a closed connection once it has lingered a minute of capture time, so memory stays flat', () => {
    const tracker = new ConnectionTracker();
    const retired: ConnectionFacts[] = [];
    let frame = 1;
    for (let i = 0; i < 10_000; i++) {
      const client = { addr: '10.0.0.1', port: 1024 + i };
      const specs: SegmentSpec[] = [
        { from: 'client', flags: SYN, tfo: null, us: i * 100_000, client },
        { from: 'server', flags: SYN | ACK, ack: 1, tfo: COOKIE, us: i * 100_000 + 10, client },
        { from: 'client', flags: ACK | FIN, seq: 1, ack: 1, us: i * 100_000 + 20, client },
        { from: 'server', flags: ACK | FIN, seq: 1, ack: 2, us: i * 100_000 + 30, client },
      ];
      for (const p of conversation(specs, frame)) retired.push(...tracker.add(p));
      frame += specs.length;
    }
    const atEnd = tracker.end();
    // One connection per 0.1 s: at most 60 s of them (600) plus one sweep interval (4096 packets) are remembered.
    assert.ok(atEnd.length <= 600 + 1024, `few remembered at the end (${atEnd.length})`);
    assert.equal(retired.length + atEnd.length, 10_000);
    assert.ok([...retired, ...atEnd].every((f) => f.settled && f.verdict === 'cookie-requested'));
  });
});
