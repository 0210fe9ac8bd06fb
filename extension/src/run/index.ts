// Everything about running tests, registered from one call in extension.ts.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerTestExplorer } from '../testing/testController';
import { RunCodeLensProvider } from './runCodeLens';
import { registerRunCommands } from './runCommands';
import { RunService } from './runService';

export function registerRunFeatures(context: vscode.ExtensionContext, client: LanguageClient | undefined): RunService {
  const service = new RunService(context, client);
  context.subscriptions.push(service);
  registerRunCommands(context, service);
  context.subscriptions.push(vscode.languages.registerCodeLensProvider({ scheme: 'file', language: 'exim-test' }, new RunCodeLensProvider()));
  registerTestExplorer(context, service);
  return service;
}
