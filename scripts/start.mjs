// `npm start`: the extension in a real VS Code in your browser. Packages the extension, installs it
// into a code-server kept in test/e2e/.cache (installed on first use), opens the sample workspace
// test/e2e/workspace and serves it on 127.0.0.1 until Ctrl-C, which stops code-server's whole
// process group. The profile (settings, extensions, HOME) persists in test/e2e/output/.start/.
//
// Env: PORT (default 8080), E2E_SKIP_PACKAGE=1 (use the existing dist/exim-test-scripts.vsix),
//      START_FOLDER (another folder to open instead of the sample workspace).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });

run('bash', ['test/e2e/install-code-server.sh']);
if (!process.env.E2E_SKIP_PACKAGE) run('npm', ['run', 'package']);
run(path.join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'test/e2e']);

const { makeProfile, installExtension, startCodeServer } = createRequire(import.meta.url)(
  path.join(root, 'out', 'test', 'e2e', 'codeServer.js'));
const profile = makeProfile(path.join(root, 'test', 'e2e', 'output', '.start'), false);
installExtension(profile, path.join(root, 'dist', 'exim-test-scripts.vsix'));
const folder = path.resolve(process.env.START_FOLDER ?? path.join(root, 'test', 'e2e', 'workspace'));
if (!process.env.START_FOLDER) {
  const { writeSampleResults, installStandinRuntest } = await import('./sample-results.mjs');
  console.log(`sample results (from ../shared/tfo-lab): ${path.relative(root, writeSampleResults(folder))}`);
  installStandinRuntest(folder);
  console.log('the sample tree runs a stand-in runtest (test/fixtures/runtest): "Run Test" works without Exim');
  console.log('open test/scripts/1090-TCP-Fast-Open/1090, then "Exim Test: Show Results from Folder…" → results/tfo-lab-run2');
}
const server = await startCodeServer(profile, { port: Number(process.env.PORT ?? 8080), folder });
console.log(`\nVS Code with the extension: ${server.url}/?folder=${encodeURIComponent(folder)}`);
console.log(`logs: ${path.relative(root, profile.root)}/code-server.log   (Ctrl-C stops it)`);
// codeServer.js kills the process group on SIGINT/SIGTERM/SIGHUP and on exit.
