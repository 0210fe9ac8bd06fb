import { ConnectionFacts, TfoVerdict } from './connectionFacts';

type VerdictInputs = Pick<ConnectionFacts,
  'synTfoCookieRequest' | 'synTfoCookie' | 'synDataBytes' | 'synackFrame' | 'synackAckedSynData' | 'synackTfoCookie' | 'synRetransmittedWithoutTfo'>;

/** The one-line TFO outcome of a connection; undefined while a fact it rests on is unknown. */
export function tfoVerdict(f: VerdictInputs): TfoVerdict | undefined {
  const triedTfo = f.synTfoCookieRequest || f.synTfoCookie !== null || f.synDataBytes > 0;
  if (!triedTfo) return 'no-tfo';
  if (f.synRetransmittedWithoutTfo === undefined) return undefined;
  if (f.synRetransmittedWithoutTfo) return 'syn-retransmitted-without-tfo';
  if (f.synDataBytes > 0) {
    if (f.synackAckedSynData === undefined) return undefined;
    if (f.synackAckedSynData === null) return 'no-synack';
    return f.synackAckedSynData ? 'data-on-syn-accepted' : 'data-on-syn-not-acked';
  }
  if (f.synTfoCookie !== null) return 'cookie-used-no-data';
  if (f.synackFrame === undefined) return undefined;
  if (f.synackFrame === null) return 'no-synack';
  return f.synackTfoCookie ? 'cookie-requested' : 'cookie-requested-none-issued';
}
