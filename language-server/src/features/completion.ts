/** Completion: commands at the start of a line between commands, munge names, tokens, REQUIRES directives. */
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import { commandCatalogue, mungeNames, needDirectives, requiresDirectives, runningServices, scriptFlags, substitutionTokens } from '../catalogue/catalogue';
import type { ScriptAst } from '../syntax/ast';
import type { ScriptLines } from '../syntax/lines';
import { commandAt } from './commandAt';

export function completeScript(ast: ScriptAst, lines: ScriptLines, line: number, character: number): CompletionItem[] {
  const before = (lines.lines[line] ?? '').slice(0, character);
  const command = commandAt(ast, line);
  const inBlock = command?.block !== undefined && line >= command.block.firstLine && line > command.lastLine;
  if (inBlock) {
    const role = command!.block!.role;
    return role === 'stdin' ? tokenItems() : [];
  }
  if (/^munge\s+\S*$/.test(before)) {
    return mungeNames.map((name) => ({ label: name, kind: CompletionItemKind.EnumMember, detail: 'runtest munge' }));
  }
  if (/^\S*$/.test(before) && line > 0) return [...commandItems(), ...directiveItems()];
  return tokenItems();
}

function commandItems(): CompletionItem[] {
  return commandCatalogue.map((kind) => {
    const label = kind.word ?? kind.name;
    const item: CompletionItem = {
      label,
      kind: CompletionItemKind.Keyword,
      detail: kind.syntax,
      documentation: { kind: 'markdown', value: kind.description },
    };
    if (kind.block !== 'none') {
      item.insertText = `${label} $1\n$0\n****`;
      item.insertTextFormat = InsertTextFormat.Snippet;
    }
    return item;
  });
}

function directiveItems(): CompletionItem[] {
  return [...scriptFlags, ...needDirectives].map((d) => ({ label: d.name, kind: CompletionItemKind.Property, documentation: d.description }));
}

function tokenItems(): CompletionItem[] {
  return substitutionTokens.map((t) => ({
    label: t.name === 'DIR' ? 'DIR/' : t.name,
    kind: CompletionItemKind.Constant,
    detail: 'runtest substitution',
    documentation: t.meaning,
  }));
}

export function completeRequires(lines: ScriptLines, line: number, character: number): CompletionItem[] {
  const before = (lines.lines[line] ?? '').slice(0, character);
  if (/^running \S*$/.test(before)) return runningServices.map((s) => ({ label: s, kind: CompletionItemKind.EnumMember }));
  if (before.includes(' ') && !before.startsWith('not')) return [];
  return requiresDirectives.map((d) => ({
    label: d.keyword,
    kind: CompletionItemKind.Keyword,
    detail: d.argument ? `${d.keyword} ${d.argument}` : d.keyword,
    documentation: d.description,
    insertText: d.argument ? `${d.keyword} ` : d.keyword,
  }));
}
