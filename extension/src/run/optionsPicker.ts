// "Run Test with Options…": a multi-select of runtest's options; those that take a value ask
// for it. The picked list is the whole option list of the run (defaults are pre-picked).
import * as vscode from 'vscode';
import { optionName, optionGroups, runtestOptions } from './runtestOptions';

interface OptionItem extends vscode.QuickPickItem {
  flag: string;
}

/** The chosen options as argv elements, or undefined when the user cancelled. */
export async function pickRuntestOptions(preselected: readonly string[]): Promise<string[] | undefined> {
  const chosen = new Map(optionGroups(preselected).map((group) => [optionName(group[0]), group]));
  const items: OptionItem[] = runtestOptions.map((option) => ({
    label: option.flag,
    description: option.value ? `${option.value.prompt}${chosen.get(optionName(option.flag))?.[1] ? `: ${chosen.get(optionName(option.flag))?.[1]}` : ''}` : undefined,
    detail: option.description,
    picked: chosen.has(optionName(option.flag)),
    flag: option.flag,
  }));
  const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: 'Run Test with Options', placeHolder: 'runtest options for this run' });
  if (picked === undefined) return undefined;
  const args: string[] = [];
  for (const item of picked) {
    const option = runtestOptions.find((o) => o.flag === item.flag);
    if (option?.value === undefined) {
      args.push(item.flag);
      continue;
    }
    const previous = chosen.get(optionName(item.flag))?.[1];
    const value = option.value.choices
      ? await vscode.window.showQuickPick([...option.value.choices], { title: `${item.flag}: ${option.value.prompt}` })
      : await vscode.window.showInputBox({
          title: `${item.flag}: ${option.value.prompt}`,
          value: previous,
          validateInput: (text) => (option.value?.pattern?.test(text) ? undefined : `Not a valid value for ${item.flag}`),
        });
    if (value === undefined) return undefined;
    args.push(item.flag, value);
  }
  return args;
}
