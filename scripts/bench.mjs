// npm run bench: every benchmark of the project, one after the other (not part of npm test).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
let failed = false;
// The capture benchmark needs a ≥100k-packet capture; it is generated from the lab's connections.
if (!existsSync(path.join(here, '..', '.bench', 'synthetic-100k.pcap'))) {
  spawnSync(process.execPath, [path.join(here, 'make-synthetic-capture.mjs')], { stdio: 'inherit' });
}
for (const bench of ['bench-lint.mjs', 'bench-capture.mjs']) {
  const file = path.join(here, bench);
  if (!existsSync(file)) continue;
  console.log(`\n== ${bench}`);
  const result = spawnSync(process.execPath, [file, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
