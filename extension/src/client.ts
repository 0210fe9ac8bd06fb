/** Starts the language server (dist/server.js) over IPC and connects VS Code to it. */
import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export const documentSelector = [
  { scheme: 'file', language: 'exim-test' },
  { scheme: 'file', language: 'exim-test-requires' },
];

export async function startClient(context: ExtensionContext): Promise<LanguageClient> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = { documentSelector };
  const client = new LanguageClient('eximTest', 'Exim Test Scripts', serverOptions, clientOptions);
  await client.start();
  return client;
}
