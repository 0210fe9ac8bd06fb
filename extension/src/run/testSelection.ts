// Which tests a runtest command line selects, and whether runtest would abort on it.
// runtest scans every folder of scripts/ that the span [first wanted, last wanted] overlaps and
// dies with "Failed to read test scripts from `scripts/DIR/*'" when one of them holds none of
// the wanted numbers (rt:4565–4681). So a range must start and end at existing tests, and a list
// of -TEST numbers must not jump over a folder.

export type TestSelection =
  | { kind: 'single'; test: string }
  | { kind: 'range'; first: string; last: string }
  | { kind: 'list'; tests: string[] };

/** A folder of scripts/ as runtest's glob sees it: `1090-TCP-Fast-Open` and its script names. */
export interface ScriptFolder {
  name: string;
  tests: string[];
}

/** The selection as runtest's trailing arguments. */
export function selectionArgs(selection: TestSelection): string[] {
  switch (selection.kind) {
    case 'single':
      return [selection.test];
    case 'range':
      return [selection.first, selection.last];
    case 'list':
      return selection.tests.flatMap((test) => ['-TEST', test]);
  }
}

/** The numbers runtest wants for a selection (rt:3826), sorted. */
export function wantedNumbers(selection: TestSelection): number[] {
  if (selection.kind === 'single') return [Number(selection.test)];
  if (selection.kind === 'list') return [...new Set(selection.tests.map(Number))].sort((a, b) => a - b);
  const wanted: number[] = [];
  for (let n = Number(selection.first); n <= Number(selection.last); n++) wanted.push(n);
  return wanted;
}

/** runtest's own order: Perl's glob sorts names byte-wise; `CVS` is skipped. */
export function sortFolders(folders: readonly ScriptFolder[]): ScriptFolder[] {
  return folders.filter((f) => f.name !== 'CVS').sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The abort runtest would die with for this selection, or undefined when it runs. */
export function selectionAbort(folders: readonly ScriptFolder[], selection: TestSelection): string | undefined {
  const wanted = wantedNumbers(selection);
  if (wanted.length === 0) return 'no tests selected';
  const wantedKeys = new Set(wanted.map((n) => String(n).padStart(4, '0')));
  const sorted = sortFolders(folders);
  for (let i = 0; i < sorted.length; i++) {
    const next = sorted[i + 1];
    if (next !== undefined && wanted[0] >= prefixOf(next.name)) continue;
    if (wanted[wanted.length - 1] < prefixOf(sorted[i].name)) break;
    const held = sorted[i].tests.filter((t) => /^\d+(?:\.\d+)?$/.test(t) && wantedKeys.has(t));
    if (held.length === 0) return `runtest would abort: scripts/${sorted[i].name} holds none of the selected tests`;
  }
  return undefined;
}

/** "Run All in Folder": from its first to its last existing test. */
export function folderSelection(folder: ScriptFolder): TestSelection | undefined {
  const tests = scriptNames(folder.tests);
  if (tests.length === 0) return undefined;
  if (tests.length === 1) return { kind: 'single', test: tests[0] };
  return { kind: 'range', first: tests[0], last: tests[tests.length - 1] };
}

/**
 * Chosen tests (e.g. from the Test Explorer) as few runtest runs as possible that do not abort:
 * one run per folder, a whole folder as a range, neighbouring folders joined while runtest
 * would still accept the joined list.
 */
export function batchSelections(folders: readonly ScriptFolder[], chosen: readonly string[]): TestSelection[] {
  const chosenSet = new Set(chosen);
  const perFolder = sortFolders(folders)
    .map((folder) => ({ folder, tests: scriptNames(folder.tests).filter((t) => chosenSet.has(t)) }))
    .filter((entry) => entry.tests.length > 0);
  const batches: Array<{ folders: ScriptFolder[]; tests: string[] }> = [];
  for (const entry of perFolder) {
    const last = batches[batches.length - 1];
    if (last !== undefined) {
      const joined = [...last.tests, ...entry.tests];
      if (selectionAbort(folders, { kind: 'list', tests: joined }) === undefined) {
        last.folders.push(entry.folder);
        last.tests = joined;
        continue;
      }
    }
    batches.push({ folders: [entry.folder], tests: [...entry.tests] });
  }
  return batches.map(({ folders: inBatch, tests }) => {
    if (tests.length === 1) return { kind: 'single', test: tests[0] };
    const whole = inBatch.length === 1 && tests.length === scriptNames(inBatch[0].tests).length;
    return whole ? (folderSelection(inBatch[0]) as TestSelection) : { kind: 'list', tests };
  });
}

/** The test numbers of a folder that runtest runs: four-digit names, sorted. */
export function scriptNames(names: readonly string[]): string[] {
  return names.filter((name) => /^\d{4}$/.test(name)).sort();
}

export function describeSelection(selection: TestSelection): string {
  if (selection.kind === 'single') return `test ${selection.test}`;
  if (selection.kind === 'range') return `tests ${selection.first}–${selection.last}`;
  return `tests ${selection.tests.join(', ')}`;
}

// Perl numifies `substr($dir, 0, 4)`: leading digits, else 0.
function prefixOf(folderName: string): number {
  const digits = /^\d+/.exec(folderName.slice(0, 4));
  return digits ? Number(digits[0]) : 0;
}

/** The existing tests a selection runs, in runtest's order (omitted ones included). */
export function testsOfSelection(folders: readonly ScriptFolder[], selection: TestSelection): string[] {
  const wanted = new Set(wantedNumbers(selection).map((n) => String(n).padStart(4, '0')));
  return sortFolders(folders).flatMap((folder) => scriptNames(folder.tests).filter((t) => wanted.has(t)));
}

/** The folder that holds a test. */
export function folderOfTest(folders: readonly ScriptFolder[], test: string): ScriptFolder | undefined {
  return folders.find((folder) => folder.tests.includes(test));
}
