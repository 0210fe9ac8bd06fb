/** Thin glue: the language client, then each feature registers its own commands. */
import type { ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { startClient } from './client';
import { registerResultsCommands } from './results';
import { registerRunFeatures } from './run';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  client = await startClient(context);
  registerRunFeatures(context, client);
  registerResultsCommands(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
