/** Thin glue: the language client, then each feature registers its own commands. */
import type { ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { startClient } from './client';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  client = await startClient(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
