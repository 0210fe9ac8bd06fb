import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaptureError } from '../../../../language-server/src/results/capture/captureError';
import { LinkType } from '../../../../language-server/src/results/capture/linkLayer';
import { captureTfoReport } from '../../../../language-server/src/results/tfo/captureTfoReport';
import { ACK, PSH, SYN, ethernet, ipv4, pcapFile, tcpSegment } from '../capture/captureBuilder';

const c = '198.51.100.10', s = '198.51.100.25';
const frames = [
  ethernet(ipv4(c, s, tcpSegment({ srcPort: 40000, dstPort: 25, seq: 100, flags: SYN, options: [34, 2], payload: 0 }))),
  ethernet(ipv4(s, c, tcpSegment({ srcPort: 25, dstPort: 40000, seq: 900, ack: 101, flags: SYN | ACK, options: [34, 6, 1, 2, 3, 4] }))),
  ethernet(ipv4(c, s, tcpSegment({ srcPort: 40000, dstPort: 25, seq: 101, ack: 901, flags: ACK }))),
  ethernet(ipv4(s, c, tcpSegment({ srcPort: 25, dstPort: 40000, seq: 901, ack: 101, flags: ACK | PSH, payload: 76 }))),
];
const file = pcapFile(LinkType.ETHERNET, frames.map((data, i) => ({ timestampNs: BigInt(i) * 1_000_000n, data })));

describe('captureTfoReport', () => {
  it('reads a capture into facts', async () => {
    const report = await captureTfoReport([file]);
    assert.equal(report.error, null);
    assert.equal(report.packets, 4);
    assert.deepEqual(
      report.connections.map((f) => [f.synTfoCookieRequest, f.synackTfoCookie, f.thirdAckFrame, f.firstServerPayloadToThirdAckMs, f.verdict]),
      [[true, '01020304', 3, -1, 'cookie-requested']],
    );
  });

  it('returns the error as a value with the facts known before it', async () => {
    const report = await captureTfoReport([file.subarray(0, file.length - 10)]);
    assert.ok(report.error instanceof CaptureError);
    assert.equal(report.packets, 3);
    const [f] = report.connections;
    assert.deepEqual([f!.synackTfoCookie, f!.thirdAckFrame, f!.verdict], ['01020304', 3, 'cookie-requested']);
    assert.equal(f!.firstServerPayloadFrame, undefined, 'the first server payload was in the lost bytes');
  });

  it('reads a file from disk, and says an empty one is empty', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tfo-report-'));
    try {
      writeFileSync(join(dir, 'good.pcap'), file);
      writeFileSync(join(dir, 'empty.pcap'), '');
      assert.equal((await captureTfoReport(join(dir, 'good.pcap'))).connections[0]?.verdict, 'cookie-requested');
      const empty = await captureTfoReport(join(dir, 'empty.pcap'));
      assert.deepEqual([empty.error?.kind, empty.error?.offset, empty.connections], ['empty', 0, []]);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});
