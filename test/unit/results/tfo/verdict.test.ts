import * as assert from 'node:assert/strict';
import { TFO_VERDICT_LABELS } from '../../../../language-server/src/results/tfo/connectionFacts';
import { tfoVerdict } from '../../../../language-server/src/results/tfo/verdict';

const plain = {
  synTfoCookieRequest: false, synTfoCookie: null, synDataBytes: 0, synackFrame: 2,
  synackAckedSynData: null, synackTfoCookie: null, synRetransmittedWithoutTfo: false,
};

describe('verdict', () => {
  it('names each TFO outcome', () => {
    const cases: Array<[Partial<typeof plain> | Record<string, unknown>, string | undefined]> = [
      [{}, 'no-tfo'],
      [{ synTfoCookieRequest: true, synackTfoCookie: 'ab12ab12' }, 'cookie-requested'],
      [{ synTfoCookieRequest: true }, 'cookie-requested-none-issued'],
      [{ synTfoCookieRequest: true, synackFrame: null }, 'no-synack'],
      [{ synTfoCookie: 'ab12ab12' }, 'cookie-used-no-data'],
      [{ synTfoCookie: 'ab12ab12', synDataBytes: 5, synackAckedSynData: true }, 'data-on-syn-accepted'],
      [{ synTfoCookie: 'ab12ab12', synDataBytes: 5, synackAckedSynData: false }, 'data-on-syn-not-acked'],
      [{ synTfoCookie: 'ab12ab12', synDataBytes: 5, synackAckedSynData: null }, 'no-synack'],
      [{ synTfoCookie: 'ab12ab12', synRetransmittedWithoutTfo: true }, 'syn-retransmitted-without-tfo'],
      [{ synTfoCookie: 'ab12ab12', synRetransmittedWithoutTfo: undefined }, undefined],
      [{ synTfoCookieRequest: true, synackFrame: undefined }, undefined],
      [{ synTfoCookie: 'ab12ab12', synDataBytes: 5, synackAckedSynData: undefined }, undefined],
    ];
    for (const [change, verdict] of cases) assert.equal(tfoVerdict({ ...plain, ...change }), verdict, JSON.stringify(change));
  });

  it('has a label for every verdict', () => {
    assert.equal(TFO_VERDICT_LABELS['data-on-syn-accepted'], 'data on SYN accepted');
    assert.ok(Object.values(TFO_VERDICT_LABELS).every((label) => label.length > 0));
  });
});
