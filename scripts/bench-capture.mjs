#!/usr/bin/env node
// Times our capture → TFO facts analysis against tshark on the same file, checks that both see
// the same TFO options on every SYN and SYN-ACK, and shows our memory stays flat as the file is read.
//
//   npx tsc -p .                                   (the bench imports the compiled modules from out/)
//   node scripts/make-synthetic-capture.mjs        (→ .bench/synthetic-100k.pcap)
//   node --expose-gc scripts/bench-capture.mjs [FILE] [--runs N] [--no-tshark]
//
// With --expose-gc the memory samples also give the live heap after a full GC, which shows
// flatness better than RSS (RSS follows the garbage collector's sawtooth).
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const file = resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs') ?? join(repo, '.bench', 'synthetic-100k.pcap'));
const runs = Number(option('--runs', '3'));

const compiled = join(repo, 'out', 'language-server', 'src', 'results', 'tfo', 'captureTfoReport.js');
if (!existsSync(compiled)) fail(`${compiled} is missing: run \`npx tsc -p .\` first`);
if (!existsSync(file)) fail(`${file} is missing: run \`node scripts/make-synthetic-capture.mjs\` first`);
const { analyseCapture } = createRequire(import.meta.url)(compiled);

const size = statSync(file).size;
const big = size > 256 * 2 ** 20;
const mib = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
console.log(`${file}: ${mib(size)}`);

/** The file's chunks, sampling our memory at every tenth of the file. */
async function* sampledChunks(samples) {
  let read = 0;
  let nextSample = size / 10;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 16 })) {
    read += chunk.length;
    if (read >= nextSample) {
      const rss = process.memoryUsage().rss;
      globalThis.gc?.();
      samples.push({ rss, heap: process.memoryUsage().heapUsed });
      nextSample += size / 10;
    }
    yield chunk;
  }
}

async function ours() {
  const samples = [];
  const verdicts = new Map();
  const options = new Map(); // frame → "request cookie", for the cross-check (small files only)
  let connections = 0;
  const start = performance.now();
  const { error, packets } = await analyseCapture(sampledChunks(samples), (f) => {
    connections++;
    verdicts.set(f.verdict, (verdicts.get(f.verdict) ?? 0) + 1);
    if (!big) {
      options.set(f.synFrame, `${f.synTfoCookieRequest ? 1 : ''} ${f.synTfoCookie ?? ''}`);
      if (typeof f.synackFrame === 'number') options.set(f.synackFrame, ` ${f.synackTfoCookie ?? ''}`);
    }
  });
  const seconds = (performance.now() - start) / 1000;
  if (error) fail(`our reader: ${error.message}`);
  return { seconds, packets, connections, verdicts, options, samples };
}

function tshark() {
  return new Promise((done) => {
    const command = ['-f', '%M', 'tshark', '-n', '-r', file, '-Y', 'tcp.flags.syn==1', '-T', 'fields',
      '-e', 'frame.number', '-e', 'tcp.options.tfo.request', '-e', 'tcp.options.tfo.cookie'];
    const start = performance.now();
    const child = spawn('/usr/bin/time', command, { stdio: ['ignore', 'pipe', 'pipe'] });
    const options = new Map();
    let rest = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text) => {
      const lines = (rest + text).split('\n');
      rest = lines.pop();
      for (const line of lines) {
        const [frame, request, cookie] = line.split('\t');
        options.set(Number(frame), `${request ? 1 : ''} ${cookie.replaceAll(':', '')}`);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (text) => (stderr += text));
    child.on('close', (code) => {
      if (code !== 0) fail(`tshark exited with ${code}: ${stderr.trim()}`);
      const peakKib = Number(/(\d+)\s*$/.exec(stderr)?.[1]);
      done({ seconds: (performance.now() - start) / 1000, options, peakKib });
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const ourRuns = [];
for (let i = 0; i < runs; i++) ourRuns.push(await ours());
const last = ourRuns.at(-1);
const ourSeconds = median(ourRuns.map((r) => r.seconds));
console.log(`ours:   ${ourSeconds.toFixed(2)} s (median of ${runs}), ${last.packets} TCP packets, ${last.connections} connections, ` +
  `${Math.round(last.packets / ourSeconds).toLocaleString('en')} packets/s`);
console.log(`        verdicts: ${[...last.verdicts].map(([v, n]) => `${v} ${n}`).join(', ')}`);
console.log(`        RSS at each tenth of the file: ${last.samples.map((s) => mib(s.rss)).join(', ')}`);
if (globalThis.gc) console.log(`        live heap after GC at each tenth: ${last.samples.map((s) => mib(s.heap)).join(', ')}`);
console.log(`        peak RSS of this process: ${mib(process.resourceUsage().maxRSS * 1024)}`);

if (flag('--no-tshark')) process.exit(0);
if (!existsSync('/usr/bin/tshark')) fail('tshark is not installed (apt-get install -y tshark), or pass --no-tshark');
const tsharkRuns = [];
for (let i = 0; i < (big ? 1 : runs); i++) tsharkRuns.push(await tshark());
const tsharkSeconds = median(tsharkRuns.map((r) => r.seconds));
console.log(`tshark: ${tsharkSeconds.toFixed(2)} s (median of ${tsharkRuns.length}), peak RSS ${mib(tsharkRuns[0].peakKib * 1024)}`);
console.log(`ratio:  tshark / ours = ${(tsharkSeconds / ourSeconds).toFixed(1)}×`);

if (!big) {
  const theirs = tsharkRuns[0].options;
  const differing = [...theirs].filter(([frame, o]) => last.options.get(frame) !== o);
  const agree = theirs.size === last.options.size && differing.length === 0;
  console.log(`check:  ${theirs.size} SYN / SYN-ACK frames from tshark, ${last.options.size} from us: ` +
    (agree ? 'same frames, same TFO request and cookie on each' : `${differing.length} differ, e.g. ${JSON.stringify(differing.slice(0, 3))}`));
  if (!agree) process.exitCode = 1;
}

function fail(message) {
  console.error(`bench-capture: ${message}`);
  process.exit(1);
}
