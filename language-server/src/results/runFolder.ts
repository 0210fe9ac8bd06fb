// The run-results folder: what a run of runtest leaves for the results readers. A folder holds
// `manifest.json` plus the raw files it names (docs/run-results-folder.md); a folder without a
// manifest is read by recognising runtest's and the TFO lab's file names.

import { joinFolderPath, type FolderReader, type FolderWriter } from './runFolder/folderAccess';
import { recogniseRunFiles, type RecognisedRunFiles } from './runFolder/recogniseRunFiles';
import {
  checkRunManifest,
  isTestNumber,
  RUN_MANIFEST_FILE,
  RUN_MANIFEST_FORMAT_VERSION,
  runFileRoles,
  serializeRunManifest,
  type ManifestCheck,
  type RunManifest,
} from './runFolder/runManifest';
import { outcomeOfTest, parseRunSummary } from './runFolder/runSummary';

export * from './runFolder/folderAccess';
export * from './runFolder/runManifest';
export * from './runFolder/runSummary';

export interface RunFolder {
  dir: string;
  manifest: RunManifest;
  /** `manifest`: read from manifest.json; `recognised`: built from the names of the files present. */
  source: 'manifest' | 'recognised';
  /** Roles with several matching files, none chosen (folders without a manifest only). */
  candidates: RecognisedRunFiles['candidates'];
  /** Worth telling the user, but the folder is still usable: an invalid manifest, a missing file. */
  problems: string[];
}

export type ReadRunFolderResult = { ok: true; folder: RunFolder } | { ok: false; errors: string[] };

export async function readRunFolder(folder: FolderReader, dir: string): Promise<ReadRunFolderResult> {
  if ((await folder.listDir(dir)) === undefined) {
    return { ok: false, errors: [`${dir}: not a readable folder`] };
  }
  const problems: string[] = [];
  const manifestBytes = await folder.readFile(joinFolderPath(dir, RUN_MANIFEST_FILE));
  if (manifestBytes !== undefined) {
    const check = checkManifestText(new TextDecoder().decode(manifestBytes));
    if (check.ok) {
      const manifest = await withOutcomeFromSummary(folder, dir, check.manifest);
      problems.push(...(await missingFiles(folder, dir, manifest)));
      return { ok: true, folder: { dir, manifest, source: 'manifest', candidates: {}, problems } };
    }
    problems.push(...check.errors.map((error) => `${RUN_MANIFEST_FILE}: ${error}`));
    problems.push(`${RUN_MANIFEST_FILE} is not valid: the folder was read by its file names instead`);
  }

  const recognised = await recogniseRunFiles(folder, dir);
  if (Object.keys(recognised.files).length === 0 && Object.keys(recognised.candidates).length === 0) {
    return {
      ok: false,
      errors: [
        ...problems,
        `${dir}: no ${RUN_MANIFEST_FILE} and none of the known run files ` +
          '(mainlog, servermainlog, spool/log/…, test-mainlog-munged, run-summary.log, *.pcap, *.pcapng, *.typescript, transcript*)',
      ],
    };
  }
  const summaryTests = await summaryTestNumbers(folder, dir, recognised.files.runSummary);
  const testNumber = summaryTests.length === 1 ? summaryTests[0] : testNumberFromFolderName(dir);
  const manifest = await withOutcomeFromSummary(folder, dir, {
    formatVersion: RUN_MANIFEST_FORMAT_VERSION,
    ...(testNumber !== undefined ? { testNumber } : {}),
    argv: [],
    exitStatus: null,
    outcome: 'unknown',
    files: recognised.files,
  });
  return { ok: true, folder: { dir, manifest, source: 'recognised', candidates: recognised.candidates, problems } };
}

/** Writes `manifest.json` into `dir`. An invalid manifest is a bug in the caller, so it throws. */
export async function writeRunManifest(folder: FolderWriter, dir: string, manifest: RunManifest): Promise<void> {
  const text = serializeRunManifest(manifest);
  const check = checkRunManifest(JSON.parse(text));
  if (!check.ok) throw new Error(`refusing to write an invalid run manifest: ${check.errors.join('; ')}`);
  await folder.writeFile(joinFolderPath(dir, RUN_MANIFEST_FILE), text);
}

function checkManifestText(text: string): ManifestCheck {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`not JSON (${error instanceof Error ? error.message : String(error)})`] };
  }
  return checkRunManifest(json);
}

async function withOutcomeFromSummary(folder: FolderReader, dir: string, manifest: RunManifest): Promise<RunManifest> {
  const summaryFile = manifest.files.runSummary;
  if (manifest.outcome !== 'unknown' || summaryFile === undefined || manifest.testNumber === undefined) return manifest;
  const bytes = await folder.readFile(joinFolderPath(dir, summaryFile));
  if (bytes === undefined) return manifest;
  return { ...manifest, outcome: outcomeOfTest(parseRunSummary(new TextDecoder().decode(bytes)), manifest.testNumber) };
}

async function summaryTestNumbers(folder: FolderReader, dir: string, summaryFile: string | undefined): Promise<string[]> {
  if (summaryFile === undefined) return [];
  const bytes = await folder.readFile(joinFolderPath(dir, summaryFile));
  if (bytes === undefined) return [];
  return parseRunSummary(new TextDecoder().decode(bytes)).tests.map((test) => test.testNumber);
}

// runtest-real names its copies `1090-keep-continue`; runtest's own `test/` has no number in it.
function testNumberFromFolderName(dir: string): string | undefined {
  const name = dir.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? '';
  const match = /^(\d{4})(?!\d)/.exec(name);
  return match && isTestNumber(match[1]) ? match[1] : undefined;
}

async function missingFiles(folder: FolderReader, dir: string, manifest: RunManifest): Promise<string[]> {
  const problems: string[] = [];
  for (const role of runFileRoles) {
    const relative = manifest.files[role];
    if (relative === undefined) continue;
    const slash = relative.lastIndexOf('/');
    const parent = slash < 0 ? dir : joinFolderPath(dir, relative.slice(0, slash));
    const names = await folder.listDir(parent);
    if (!names?.includes(relative.slice(slash + 1))) problems.push(`files.${role}: ${relative} is not in the folder`);
  }
  return problems;
}
