// The capture with a REAL tcpdump on loopback: started under `sudo -n` (or directly as root),
// filtered to the test's ports, stopped with SIGINT, read back with our own pcap reader.
// Needs root (or passwordless sudo for tcpdump) and tcpdump (apt-get install -y tcpdump).
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { captureFilter, testPorts } from '../../extension/src/capture/captureFilter';
import { findTcpdump, startCapture, type CaptureRequest } from '../../extension/src/capture/tcpdumpCapture';
import { readCaptureBytes } from '../../language-server/src/results/capture/readCapture';
import { findProgram } from '../../extension/src/run/findProgram';

/** A listener on `port` that one client connects to, sends a line and closes. */
async function talk(port: number): Promise<void> {
  const server = net.createServer((socket) => socket.on('data', () => socket.end('250 OK\r\n')));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  await new Promise<void>((resolve, reject) => {
    const client = net.connect(port, '127.0.0.1', () => client.write('EHLO lab\r\n'));
    client.on('data', () => client.end());
    client.on('close', () => resolve());
    client.on('error', reject);
  });
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

describe('capture with a real tcpdump on lo', function () {
  this.timeout(30_000);
  let dir: string;
  const isRoot = process.getuid?.() === 0;

  before(async function () {
    if (!isRoot) {
      console.log('    (skipped: not root — the capture lab test runs tcpdump on lo and needs root)');
      this.skip();
    }
    if ((await findTcpdump()) === undefined) {
      console.log('    (skipped: tcpdump is not installed — apt-get install -y tcpdump)');
      this.skip();
    }
  });
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), "exim capture 'lab' "))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function captureAround(request: Omit<CaptureRequest, 'file'>, traffic: () => Promise<void>) {
    const file = path.join(dir, 'capture.pcap');
    const started = await startCapture({ ...request, file });
    assert.ok(started.ok, started.ok ? '' : started.message);
    await traffic();
    const summary = await started.capture.stop();
    return { summary, bytes: new Uint8Array(readFileSync(file)), argv: started.capture.argv };
  }

  for (const useSudo of [false, true]) {
    it(`captures only the test's ports, nanosecond pcap, and stops cleanly (${useSudo ? 'sudo -n' : 'as root'})`, async function () {
      if (useSudo && (await findProgram('sudo')) === undefined) {
        console.log('    (skipped: sudo is not installed)');
        this.skip();
      }
      const { summary, bytes, argv } = await captureAround(
        { iface: 'lo', filter: captureFilter(testPorts()), user: os.userInfo().username, useSudo },
        async () => {
          await talk(1225); // PORT_D
          await talk(1300); // not a test port
        },
      );
      if (useSudo) assert.deepEqual(argv.slice(0, 2), ['sudo', '-n']);
      assert.equal(summary.exitCode, 0, summary.stderr);
      assert.deepEqual([...bytes.subarray(0, 4)], [0x4d, 0x3c, 0xb2, 0xa1], 'pcap with nanosecond timestamps (tcpdump 4.99 cannot write pcapng)');
      const { packets, error } = readCaptureBytes(bytes);
      assert.equal(error, null);
      assert.ok(packets.length >= 6, `a whole connection on 1225 was captured (${packets.length} packets)`);
      assert.ok(packets.every((p) => p.srcPort === 1225 || p.dstPort === 1225), 'nothing but the test ports');
      assert.ok(packets.some((p) => p.payloadLength > 0));
      assert.equal(summary.packets, packets.length);
    });
  }

  it('moves with -PORTBASE and honours the extra filter', async () => {
    const { bytes } = await captureAround(
      { iface: 'lo', filter: captureFilter(testPorts(2200), 'dst port 2202'), user: os.userInfo().username, useSudo: false },
      () => talk(2202),
    );
    const { packets } = readCaptureBytes(bytes);
    assert.ok(packets.length > 0 && packets.every((p) => p.dstPort === 2202));
  });

  it('reports a tcpdump that cannot start, once and clearly, instead of failing the run', async () => {
    const started = await startCapture({ iface: 'no-such-if0', file: path.join(dir, 'x.pcap'), filter: ['tcp'], user: os.userInfo().username, useSudo: false });
    assert.equal(started.ok, false);
    if (!started.ok) {
      assert.equal(started.reason, 'failed');
      assert.match(started.message, /no-such-if0.*so this run has no capture/);
    }
  });
});
