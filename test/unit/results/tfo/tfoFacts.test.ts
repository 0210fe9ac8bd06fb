import * as assert from 'node:assert/strict';
import { tfoConnections, tfoFacts } from '../../../../language-server/src/results/tfo/tfoFacts';
import { conversation, dataOnSynAccepted } from './segments';

describe('tfoFacts', () => {
  const packets = [
    ...conversation(dataOnSynAccepted.map((s) => ({ ...s, client: { addr: '2001:db8::a', port: 1 } }))),
    ...conversation(dataOnSynAccepted, 7),
  ];

  it('takes a plain array and returns the facts in tcp.stream order', async () => {
    const facts = await tfoFacts(packets);
    assert.deepEqual(facts.map((f) => [f.tcpStream, f.client.addr, f.synFrame]), [[0, '2001:db8::a', 1], [1, '198.51.100.10', 7]]);
  });

  it('takes an async iterable and streams the facts', async () => {
    async function* slowly() {
      for (const p of packets) yield p;
    }
    const seen = [];
    for await (const f of tfoConnections(slowly())) seen.push(f.tcpStream);
    assert.deepEqual(seen.sort(), [0, 1]);
  });
});
