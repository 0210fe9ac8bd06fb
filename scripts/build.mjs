// Bundles the three entry points into dist/: the VS Code extension (vscode is provided by the
// host), the language server (IPC or stdio) and the exim-test CLI.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: false, logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['extension/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['language-server/src/server.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['language-server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
  // Runs runtest inside script(1) in the user's terminal, from a spec file: no shell strings.
  build({ ...common, entryPoints: ['extension/src/run/runWrapper.ts'], outfile: 'dist/runWrapper.js' }),
]);
