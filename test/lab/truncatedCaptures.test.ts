import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CaptureError } from '../../language-server/src/results/capture/captureError';
import { ConnectionFacts } from '../../language-server/src/results/tfo/connectionFacts';
import { captureTfoReport } from '../../language-server/src/results/tfo/captureTfoReport';
import { describeLab, labCaptures } from './labCaptures';

/** Every fact the partial report states must be the fact of the whole file. */
function assertNoWrongFact(partial: ConnectionFacts[], full: ConnectionFacts[], where: string): void {
  for (const facts of partial) {
    const whole = full.find((f) => f.tcpStream === facts.tcpStream);
    assert.ok(whole, `${where}: stream ${facts.tcpStream} exists in the whole file`);
    for (const [key, value] of Object.entries(facts)) {
      if (key === 'settled' || value === undefined) continue;
      assert.deepEqual(value, whole[key as keyof ConnectionFacts], `${where}: ${key}`);
    }
  }
}

describeLab('TFO lab: truncated and re-chunked captures', () => {
  for (const capture of labCaptures()) {
    it(`${capture.file}: cut at every byte offset gives an error naming an offset, or facts that hold`, async () => {
      const bytes = readFileSync(capture.path);
      const full = await captureTfoReport([bytes]);
      assert.equal(full.error, null);
      let errors = 0;
      let verdicts = 0;
      for (let cut = 0; cut < bytes.length; cut++) {
        const where = `${capture.file} cut at ${cut}`;
        const report = await captureTfoReport([bytes.subarray(0, cut)]);
        if (report.error) {
          errors++;
          assert.ok(report.error instanceof CaptureError, where);
          const offset = Number(/at offset (\d+)/.exec(report.error.message)?.[1]);
          assert.ok(offset <= cut && offset === report.error.offset, `${where}: ${report.error.message}`);
        }
        assertNoWrongFact(report.connections, full.connections, where);
        if (report.connections.some((f) => f.verdict !== undefined)) verdicts++;
      }
      assert.ok(errors > bytes.length * 0.9, 'most cuts land inside a record');
      assert.ok(verdicts > 0, 'a cut after the handshake still gives the verdict');
    });
  }

  // Chunk boundaries, on one capture of each format whose verdict rests on the most packets.
  for (const capture of labCaptures().filter((c) => /^run(3b|4b)-[a-z-]+\.pcap(ng)?$/.test(c.file))) {
    it(`${capture.file}: split into two chunks at every offset reads the same`, async () => {
      const bytes = readFileSync(capture.path);
      const full = await captureTfoReport([bytes]);
      for (let split = 0; split <= bytes.length; split++) {
        const report = await captureTfoReport([bytes.subarray(0, split), bytes.subarray(split)]);
        assert.deepEqual(report, full, `split at ${split}`);
      }
    });
  }
});
