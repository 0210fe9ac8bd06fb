// Lint speed on Exim's corpus (../shared/corpus): the whole corpus as a ratio to only reading
// and splitting the same files into lines, and the median time to re-lint the largest script
// after a one-character edit. Uses the compiled modules in out/ (npm run bench builds them).
import { readdirSync, readFileSync, lstatSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { ScriptLines, decodeScriptBytes } = require(path.join(root, 'out/language-server/src/syntax/lines.js'));
const { lintText } = require(path.join(root, 'out/language-server/src/lint.js'));

const corpus = path.resolve(root, '..', 'shared', 'corpus', 'exim-test', 'scripts');
const files = [];
for (const dir of readdirSync(corpus).sort()) {
  for (const name of readdirSync(path.join(corpus, dir)).sort()) {
    const full = path.join(corpus, dir, name);
    if (lstatSync(full).isFile() && /^(\d{4}|REQUIRES)$/.test(name)) files.push({ full, kind: name === 'REQUIRES' ? 'requires' : 'script' });
  }
}

function readAndSplit() {
  let n = 0;
  for (const f of files) n += decodeScriptBytes(readFileSync(f.full)).split('\n').length;
  return n;
}
function readAndLint() {
  let n = 0;
  for (const f of files) n += lintText(f.kind, new ScriptLines(decodeScriptBytes(readFileSync(f.full))), {}).length;
  return n;
}
function best(fn, rounds) {
  let min = Infinity;
  for (let i = 0; i < rounds; i++) { const t = process.hrtime.bigint(); fn(); min = Math.min(min, Number(process.hrtime.bigint() - t) / 1e6); }
  return min;
}
for (let i = 0; i < 3; i++) { readAndSplit(); readAndLint(); }
const split = best(readAndSplit, 15);
const lint = best(readAndLint, 15);
console.log(`corpus: ${files.length} files`);
console.log(`read + split into lines: ${split.toFixed(1)} ms (best of 15)`);
console.log(`read + parse + lint:     ${lint.toFixed(1)} ms (best of 15)`);
console.log(`ratio lint / split:      ${(lint / split).toFixed(2)}x   (goal <= 3x)`);

const largest = files.filter((f) => f.kind === 'script').map((f) => ({ ...f, text: decodeScriptBytes(readFileSync(f.full)) }))
  .sort((a, b) => b.text.split('\n').length - a.text.split('\n').length)[0];
const times = [];
let text = largest.text;
for (let i = 0; i < 2000; i++) {
  const at = Math.floor(text.length / 2) + (i % 50);
  text = text.slice(0, at) + (i % 2 ? 'x' : 'y') + text.slice(at + 1);
  const t = process.hrtime.bigint();
  lintText('script', new ScriptLines(text), {});
  times.push(Number(process.hrtime.bigint() - t) / 1e6);
}
times.sort((a, b) => a - b);
console.log(`re-lint ${path.relative(corpus, largest.full)} (${largest.text.split('\n').length} lines) after a one-character edit: median ${times[1000].toFixed(3)} ms, p90 ${times[1800].toFixed(3)} ms   (goal <= 1 ms)`);
