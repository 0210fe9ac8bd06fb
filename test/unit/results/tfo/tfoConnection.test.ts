import * as assert from 'node:assert/strict';
import { millisecondsBetween, TfoConnection } from '../../../../language-server/src/results/tfo/tfoConnection';
import { ACK, COOKIE, FIN, PSH, RST, SYN, SegmentSpec, conversation, dataOnSynAccepted } from './segments';

function factsOf(specs: SegmentSpec[], closed = true) {
  const [syn, ...rest] = conversation(specs);
  const connection = new TfoConnection(0, syn!);
  rest.forEach((p) => connection.observe(p));
  return connection.facts(closed);
}

describe('tfoConnection', () => {
  it('reports data on the SYN accepted, and the server data before the third ACK', () => {
    const f = factsOf(dataOnSynAccepted);
    assert.deepEqual(
      [f.synTfoCookie, f.synDataBytes, f.synackFrame, f.synackRelativeAck, f.synackAckedSynData, f.thirdAckFrame, f.firstServerPayloadFrame,
        f.serverPayloadBeforeThirdAck, f.serverPayloadBytesBeforeThirdAck, f.firstServerPayloadToThirdAckMs, f.verdict, f.settled],
      [COOKIE, 132, 2, 133, true, 4, 3, true, 289, 99.2, 'data-on-syn-accepted', true],
    );
  });

  it('reports data on the SYN not acked when the SYN-ACK acks the SYN only', () => {
    const specs = dataOnSynAccepted.map((s, i) => (i === 1 ? { ...s, ack: 1 } : s));
    const f = factsOf(specs);
    assert.deepEqual([f.synackRelativeAck, f.synackAckedSynData, f.verdict], [1, false, 'data-on-syn-not-acked']);
  });

  it('reports a cookie request and the cookie the SYN-ACK hands out', () => {
    const f = factsOf([
      { from: 'client', flags: SYN, tfo: null, us: 0 },
      { from: 'server', flags: SYN | ACK, ack: 1, tfo: COOKIE, us: 100_904 },
      { from: 'client', flags: ACK, seq: 1, ack: 1, us: 101_113 },
      { from: 'server', flags: ACK | PSH, seq: 1, ack: 1, len: 76, us: 203_799 },
    ]);
    assert.deepEqual(
      [f.synTfoCookieRequest, f.synTfoCookie, f.synackAckedSynData, f.synackTfoCookie, f.serverPayloadBeforeThirdAck, f.firstServerPayloadToThirdAckMs, f.verdict],
      [true, null, null, COOKIE, false, -102.7, 'cookie-requested'],
    );
  });

  it('notices a SYN retransmitted without the data and cookie (fallback)', () => {
    const f = factsOf([
      { from: 'client', flags: SYN, len: 132, tfo: COOKIE, us: 0 },
      { from: 'client', flags: SYN, us: 1_000_000 },
      { from: 'server', flags: SYN | ACK, ack: 1, us: 1_000_100 },
      { from: 'client', flags: ACK, seq: 1, ack: 1, us: 1_100_000 },
    ]);
    assert.deepEqual([f.synRetransmissions, f.synRetransmittedWithoutTfo, f.synackAckedSynData, f.verdict], [1, true, false, 'syn-retransmitted-without-tfo']);
  });

  it('does not call an identical SYN retransmission a fallback', () => {
    const f = factsOf([
      { from: 'client', flags: SYN, tfo: COOKIE, us: 0 },
      { from: 'client', flags: SYN, tfo: COOKIE, us: 1_000_000 },
      { from: 'server', flags: SYN | ACK, ack: 1, us: 1_000_100 },
      { from: 'client', flags: ACK, seq: 1, ack: 1, us: 1_100_000 },
    ]);
    assert.deepEqual([f.synRetransmissions, f.synRetransmittedWithoutTfo, f.verdict], [1, false, 'cookie-used-no-data']);
  });

  it('leaves facts unknown when the capture ends with the connection open', () => {
    const f = factsOf(dataOnSynAccepted.slice(0, 3), false);
    assert.equal(f.settled, false);
    assert.deepEqual([f.synackFrame, f.synackAckedSynData, f.firstServerPayloadFrame], [2, true, 3], 'what was seen is known');
    assert.deepEqual(
      [f.thirdAckFrame, f.serverPayloadBeforeThirdAck, f.serverPayloadBytesBeforeThirdAck, f.firstServerPayloadToThirdAckMs, f.synRetransmissions, f.verdict],
      [undefined, undefined, undefined, undefined, undefined, undefined],
    );
    const requestOnly = factsOf([{ from: 'client', flags: SYN, tfo: null, us: 0 }], false);
    assert.deepEqual([requestOnly.synackFrame, requestOnly.synRetransmittedWithoutTfo, requestOnly.verdict], [undefined, false, undefined]);
  });

  it('settles unseen facts as absent once the connection is reset', () => {
    const f = factsOf([
      { from: 'client', flags: SYN, tfo: null, us: 0 },
      { from: 'server', flags: RST | ACK, ack: 1, us: 50 },
    ]);
    assert.deepEqual(
      [f.synackFrame, f.synackTfoCookie, f.thirdAckFrame, f.firstServerPayloadFrame, f.serverPayloadBeforeThirdAck, f.serverPayloadBytesBeforeThirdAck, f.firstServerPayloadToThirdAckMs, f.verdict, f.settled],
      [null, null, null, null, false, 0, null, 'no-synack', true],
    );
  });

  it('counts only server payload strictly between the SYN-ACK and the third ACK', () => {
    const f = factsOf([
      { from: 'client', flags: SYN, tfo: COOKIE, us: 0 },
      { from: 'server', flags: SYN | ACK, ack: 1, us: 10 },
      { from: 'server', flags: ACK | PSH, seq: 1, ack: 1, len: 166, us: 20 },
      { from: 'server', flags: ACK | PSH, seq: 167, ack: 1, len: 1236, us: 30 },
      { from: 'client', flags: ACK, seq: 1, ack: 167, us: 100_020 },
      { from: 'server', flags: ACK | PSH | FIN, seq: 1403, ack: 1, len: 9, us: 100_030 },
      { from: 'client', flags: ACK | FIN, seq: 1, ack: 1413, us: 100_040 },
    ]);
    assert.deepEqual([f.serverPayloadBytesBeforeThirdAck, f.thirdAckFrame, f.firstServerPayloadToThirdAckMs], [1402, 5, 100]);
  });

  it('rounds to 0.1 ms half away from zero, like derive-expected.py', () => {
    const at = (ns: bigint) => ({ frame: 0, timestampNs: ns });
    assert.equal(millisecondsBetween(at(0n), at(99_250_000n)), 99.3);
    assert.equal(millisecondsBetween(at(0n), at(99_249_999n)), 99.2);
    assert.equal(millisecondsBetween(at(99_250_000n), at(0n)), -99.3);
    assert.equal(millisecondsBetween(at(1_941_000n), at(0n)), -1.9);
    assert.ok(Object.is(millisecondsBetween(at(10_000n), at(0n)), -0), 'a tiny negative delta stays -0.0, as Python prints it');
    assert.equal(millisecondsBetween(at(0n), { frame: 0, timestampNs: null }), null);
  });

  it('works on the server side of connections whose sequence numbers wrap', () => {
    const f = factsOf(dataOnSynAccepted.map((s) => ({ ...s, clientIsn: 0xffffff80 })));
    assert.deepEqual([f.synackRelativeAck, f.synackAckedSynData], [133, true]);
  });

  it('keeps the first SYN\'s facts and ignores packets of other directions for the handshake', () => {
    const f = factsOf([
      { from: 'client', flags: SYN, tfo: COOKIE, len: 10, us: 0 },
      { from: 'client', flags: ACK, seq: 11, us: 1 }, // before any SYN-ACK: not the third ACK
      { from: 'server', flags: SYN | ACK, ack: 11, us: 2 },
      { from: 'server', flags: SYN | ACK, ack: 11, us: 3 }, // a retransmitted SYN-ACK
      { from: 'client', flags: ACK, seq: 11, ack: 1, us: 4 },
    ]);
    assert.deepEqual([f.synackFrame, f.thirdAckFrame], [3, 5]);
  });
});
