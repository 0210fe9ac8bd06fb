import * as assert from 'node:assert/strict';
import { captureTfoReport } from '../../language-server/src/results/tfo/captureTfoReport';
import { SAME_AT_BOTH_ENDS, asExpectedJson, describeLab, expectedJson, labCaptures } from './labCaptures';

describeLab('TFO lab: facts of every capture', () => {
  const expected = expectedJson().captures;
  const captures = labCaptures();

  it('has a pcap and a pcapng for every capture in expected.json, and client-side ones for runs 1-4', () => {
    for (const key of Object.keys(expected)) {
      assert.ok(captures.some((c) => c.file === key), key);
      assert.ok(captures.some((c) => c.file === key.replace(/\.pcap$/, '.pcapng')), key);
    }
    assert.equal(captures.filter((c) => c.clientSide).length, 12);
  });

  for (const capture of captures.filter((c) => !c.clientSide)) {
    it(`${capture.file}: every field equals expected.json`, async () => {
      const report = await captureTfoReport(capture.path);
      assert.equal(report.error, null);
      const want = expected[capture.expectedKey];
      assert.ok(want, `expected.json has ${capture.expectedKey}`);
      const got = report.connections.map(asExpectedJson);
      assert.deepEqual(got.map((c) => Object.keys(c).sort()), want.map((c) => Object.keys(c).sort()), 'the same fields');
      assert.deepEqual(got, want);
      assert.ok(report.connections.every((f) => f.settled));
    });
  }

  for (const capture of captures.filter((c) => c.clientSide)) {
    it(`${capture.file}: the same TFO facts as the server side of ${capture.run}`, async () => {
      const report = await captureTfoReport(capture.path);
      assert.equal(report.error, null);
      const want = expected[capture.expectedKey]!;
      const pick = (c: Record<string, unknown>) => Object.fromEntries(SAME_AT_BOTH_ENDS.map((k) => [k, c[k]]));
      assert.deepEqual(report.connections.map((f) => pick(asExpectedJson(f))), want.map(pick));
      const serverSide = await captureTfoReport(capture.path.replace('.client-side', ''));
      assert.deepEqual(report.connections.map((f) => f.verdict), serverSide.connections.map((f) => f.verdict));
    });
  }
});
