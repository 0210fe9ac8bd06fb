// Where the TFO lab lives (../shared/tfo-lab beside the repository) and how its expected.json
// names our facts. The lab is never copied into the repository.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../support/paths';
import { ConnectionFacts } from '../../language-server/src/results/tfo/connectionFacts';

export const LAB_CAPTURES = path.resolve(repoRoot, '..', 'shared', 'tfo-lab', 'captures');

/** A describe block over the lab; when the lab is absent, one failing test says where it looked. */
export function describeLab(title: string, body: () => void): void {
  describe(title, () => {
    if (existsSync(path.join(LAB_CAPTURES, 'expected.json'))) return body();
    it('finds the TFO lab', () => {
      assert.fail(`the TFO lab is absent: expected ${LAB_CAPTURES}/expected.json (the lab tests read ../shared/tfo-lab/captures beside the repository)`);
    });
  });
}

export type ExpectedConnection = Record<string, unknown>;

export function expectedJson(): { captures: Record<string, ExpectedConnection[]> } {
  return JSON.parse(readFileSync(path.join(LAB_CAPTURES, 'expected.json'), 'utf8'));
}

export interface LabCapture {
  file: string;
  path: string;
  /** e.g. "run3b-pipe-connect-data-on-syn" */
  run: string;
  clientSide: boolean;
  /** The key of the same run's server-side entry in expected.json. */
  expectedKey: string;
  /** The tshark field dump of the same packets. */
  packetsTxt: string;
}

export function labCaptures(): LabCapture[] {
  return readdirSync(LAB_CAPTURES)
    .filter((file) => /\.pcap(ng)?$/.test(file))
    .sort()
    .map((file) => {
      const stem = file.replace(/\.pcap(ng)?$/, '');
      const run = stem.replace(/\.client-side$/, '');
      return {
        file,
        path: path.join(LAB_CAPTURES, file),
        run,
        clientSide: stem !== run,
        expectedKey: `${run}.pcap`,
        packetsTxt: path.join(LAB_CAPTURES, `${stem}.packets.txt`),
      };
    });
}

/** Our facts under expected.json's names, every one of its fields. */
export function asExpectedJson(f: ConnectionFacts): ExpectedConnection {
  return {
    tcp_stream: f.tcpStream,
    client: f.client,
    server: f.server,
    syn_frame: f.synFrame,
    syn_tfo_cookie_request: f.synTfoCookieRequest,
    syn_tfo_cookie: f.synTfoCookie,
    syn_data_bytes: f.synDataBytes,
    synack_frame: f.synackFrame,
    synack_acked_syn_data: f.synackAckedSynData,
    synack_tfo_cookie: f.synackTfoCookie,
    third_ack_frame: f.thirdAckFrame,
    first_server_payload_frame: f.firstServerPayloadFrame,
    server_payload_before_third_ack: f.serverPayloadBeforeThirdAck,
    server_payload_bytes_before_third_ack: f.serverPayloadBytesBeforeThirdAck,
    first_server_payload_to_third_ack_ms: f.firstServerPayloadToThirdAckMs,
  };
}

/** The fields that describe what the client and server did, the same whichever end captured them. */
export const SAME_AT_BOTH_ENDS = [
  'client', 'server', 'syn_tfo_cookie_request', 'syn_tfo_cookie', 'syn_data_bytes', 'synack_acked_syn_data', 'synack_tfo_cookie',
];
