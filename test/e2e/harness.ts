// Drives VS Code's workbench in Chromium the way a user would: keyboard, mouse, what is on screen.
// Every public step saves a screenshot NN-step.png into the current scenario's folder.
// Selectors come from VS Code 1.100 (code-server 4.100.3); see shared/recipes/real-vscode-e2e.md.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

// page.evaluate() callbacks run in the browser; the repository compiles without the DOM library.
declare const document: any;
declare function getComputedStyle(element: unknown): { color: string };

export interface Token { text: string; color: string }

/** Polls `read` until `ok` holds; the error names what was awaited and the last value seen. */
export async function until<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await read();
      if (ok(value)) return value;
      last = value;
    } catch (error) { last = String(error); }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(last)}`);
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

/** Headless Debian Chromium, its profile and HOME inside `dir` (Chromium writes to ~/.config). */
export async function launchChromium(dir: string): Promise<BrowserContext> {
  const home = path.join(dir, 'home');
  fs.mkdirSync(home, { recursive: true });
  return chromium.launchPersistentContext(path.join(dir, 'profile'), {
    executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_CACHE_HOME: path.join(home, '.cache') },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export class Workbench {
  private shots = 0;
  private shotsDir = '';
  readonly quickInput: Locator;
  readonly editor: Locator;

  constructor(readonly page: Page) {
    this.quickInput = page.locator('.quick-input-widget');
    this.editor = page.locator('.part.editor .editor-instance .monaco-editor').first();
  }

  /** Screenshots of the following steps go to `dir`, numbered from 01. */
  startScenario(dir: string): void {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    this.shotsDir = dir;
    this.shots = 0;
  }

  async shot(name: string): Promise<string> {
    const file = path.join(this.shotsDir, `${String(++this.shots).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file, animations: 'disabled' });
    return file;
  }

  /** Opens `folder` and waits until the explorer lists it and the user's theme is applied. */
  async openFolder(url: string, folder: string): Promise<void> {
    await this.page.goto(`${url}/?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded' });
    await this.page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: 90_000 });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 90_000 });
    await this.shot('workbench');
  }

  /** Back to a blank workbench between scenarios: no editors (unsaved edits dropped), no panel. */
  async reset(): Promise<void> {
    await this.page.mouse.move(0, 0);
    await this.page.keyboard.press('Escape');
    const tabs = this.page.locator('.tabs-container .tab');
    const dontSave = this.page.locator('.monaco-dialog-box .monaco-button', { hasText: "Don't Save" });
    if (await tabs.count() > 0) {
      await this.command('View: Close All Editors');
      await until('editors closed', async () => {
        if (await dontSave.isVisible()) await dontSave.click();
        return tabs.count();
      }, n => n === 0);
    }
    if (await this.page.locator('.part.panel').isVisible()) await this.command('View: Hide Panel');
    // A scenario may have left another view (Testing, Search…) in the side bar.
    if (!await this.page.locator('.part.sidebar .pane-header[aria-label^="Explorer Section"]').isVisible()) await this.command('View: Show Explorer');
    await this.setFoldersExpanded(true);
  }

  /** Runs a command palette entry by its label ("Category: Title"). */
  async runCommand(label: string): Promise<void> {
    await this.command(label);
    await this.shot(`command-${slug(label)}`);
  }

  /** Quick Open (Ctrl+P) with a workspace-relative path; waits for its editor tab. */
  async openFile(relativePath: string): Promise<void> {
    const name = path.basename(relativePath);
    await this.page.keyboard.press('Control+P');
    const input = this.quickInput.locator('input');
    await input.waitFor();
    await input.fill(relativePath);
    const row = this.quickInput.locator('.monaco-list-row', { hasText: path.basename(path.dirname(relativePath)) })
      .filter({ hasText: name }).first();
    await row.waitFor();
    await row.click();
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
    await this.editor.locator('.view-line').first().waitFor();
    await this.shot(`open-${slug(relativePath)}`);
  }

  /** The language mode shown in the status bar, e.g. "Exim Test Script". */
  async languageMode(): Promise<string> {
    return (await this.page.locator('#status\\.editor\\.mode').innerText({ timeout: 15_000 })).trim();
  }

  /** Moves the cursor (Ctrl+G) to a 1-based line and column and reveals it. */
  async goTo(line: number, column = 1): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press('Control+G');
    await this.quickInput.locator('input').fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.quickInput.waitFor({ state: 'hidden' });
  }

  /** Focuses the active editor without a click (Playwright would scroll Monaco's DOM to click). */
  async focusEditor(): Promise<void> {
    await this.editor.locator('.native-edit-context, textarea.inputarea').first().focus();
  }

  /** The tokens (rendered spans with their computed colours) of a 1-based line, revealed first. */
  async lineTokens(line: number): Promise<Token[]> {
    await this.goTo(line);
    const handle = await this.editor.elementHandle();
    return this.page.evaluate(([editor, wanted]) => {
      const overlay = [...editor.querySelectorAll('.margin-view-overlays > div')]
        .find((div: any) => div.querySelector('.line-numbers')?.textContent.trim() === String(wanted));
      const row = overlay && [...editor.querySelectorAll('.view-lines .view-line')]
        .find((view: any) => view.style.top === overlay.style.top);
      if (!row) return [];
      return [...row.querySelectorAll('span > span')].map((span: any) => ({
        text: span.textContent.replace(/\u00a0/g, ' '), color: getComputedStyle(span).color,
      }));
    }, [handle, line] as const);
  }

  /** The editor's default text colour (what untokenised text gets). */
  async plainColour(): Promise<string> {
    return this.editor.locator('.view-lines').evaluate(element => getComputedStyle(element).color);
  }

  /** "Developer: Inspect Editor Tokens and Scopes" at a position; returns the widget's text. */
  async inspectTokens(line: number, column: number): Promise<string> {
    await this.goTo(line, column);
    await this.command('Developer: Inspect Editor Tokens and Scopes');
    const widget = this.page.locator('.token-inspect-widget');
    await widget.waitFor();
    const text = await widget.innerText();
    await this.shot(`inspect-tokens-${line}-${column}`);
    await this.page.keyboard.press('Escape');
    return text;
  }

  /** Error (or warning) squiggles in the active editor. */
  squiggles(kind: 'error' | 'warning' | 'info' = 'error'): Locator {
    return this.editor.locator(`.squiggly-${kind}`);
  }

  /** Moves the mouse onto an element (Playwright's hover() is intercepted) and returns the hover text. */
  async hover(target: Locator): Promise<string> {
    await this.page.mouse.move(0, 0);
    await this.page.locator('.monaco-hover:not(.hidden)').waitFor({ state: 'hidden' });
    const hover = this.page.locator('.monaco-hover:not(.hidden)').first();
    // The editor shows a hover after the mouse rests on a word. The target is measured again on
    // every try: CodeLenses appear late and push the lines down.
    let nudge = 0;
    await until('a hover', async () => {
      const box = await target.boundingBox();
      if (!box) throw new Error('hover target is not on screen');
      await this.page.mouse.move(box.x + Math.min(box.width / 2, 20) + (nudge++ % 2), box.y + box.height / 2);
      // Each move restarts the editor's hover delay, so give it time before moving again.
      return hover.waitFor({ timeout: 2_000 }).then(() => true, () => false);
    }, visible => visible);
    const text = await until('hover text', () => hover.innerText(), t => t.trim().length > 0);
    await this.shot('hover');
    return text;
  }

  /** Opens the Problems panel (Ctrl+Shift+M toggles it, so only when hidden). */
  async showProblems(): Promise<void> {
    if (!await this.page.locator('.markers-panel').isVisible()) await this.page.keyboard.press('Control+Shift+M');
    await this.page.locator('.markers-panel').waitFor();
    await this.shot('problems');
  }

  /** The text of the Problems panel's rows (files and their problems). */
  async problemRows(): Promise<string[]> {
    return (await this.page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map(flatten);
  }

  /**
   * Triggers completion (Ctrl+Space) at the cursor and returns the labels shown ([] for "No
   * suggestions"). The list is virtual (only visible rows exist), so `filter` is typed into the
   * open widget to narrow the list the provider gave for the cursor position; it is erased again.
   */
  async completions(filter = ''): Promise<string[]> {
    await this.page.keyboard.press('Control+Space');
    const widget = this.page.locator('.suggest-widget.visible');
    const rows = widget.locator('.monaco-list-row');
    await rows.first().or(widget.locator('.message', { hasText: 'No suggestions' })).waitFor();
    if (filter && await rows.count() > 0) {
      await this.page.keyboard.type(filter);
      await until(`completions filtered by "${filter}"`, () => rows.locator('.label-name').allInnerTexts(),
        labels => labels.every(label => fuzzyMatch(label, filter)));
    }
    await this.shot('completion');
    const labels = await rows.locator('.label-name').allInnerTexts();
    await this.page.keyboard.press('Escape');
    for (let i = 0; i < filter.length; i++) await this.page.keyboard.press('Backspace');
    return labels.map(label => label.trim());
  }

  /** Shows the Outline view of the active editor, with the folders section collapsed to make room. */
  async showOutline(): Promise<void> {
    await this.command('Explorer: Focus on Outline View');
    await this.setFoldersExpanded(false);
    await this.page.locator('.outline-pane').waitFor();
    await this.shot('outline');
  }

  /** The Outline view's rows, as shown. */
  async outlineRows(): Promise<string[]> {
    return (await this.page.locator('.outline-pane .monaco-list-row').allInnerTexts()).map(flatten);
  }

  /** Expands or collapses the explorer's folders section (the outline shares the side bar with it). */
  async setFoldersExpanded(expanded: boolean): Promise<void> {
    const header = this.page.locator('.part.sidebar .pane-header[aria-label^="Explorer Section"]');
    if (await header.getAttribute('aria-expanded') !== String(expanded)) await header.click();
    await until(`folders section ${expanded ? 'expanded' : 'collapsed'}`, () => header.getAttribute('aria-expanded'), value => value === String(expanded));
  }

  /** The text shown in the terminal panel (needs terminal.integrated.gpuAcceleration off). */
  async terminalText(): Promise<string> {
    return (await this.page.locator('.terminal-wrapper .xterm-rows').allInnerTexts()).join('\n');
  }

  private async command(label: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.quickInput.locator('input');
    await input.waitFor();
    await input.fill(`>${label}`);
    const row = this.quickInput.locator('.monaco-list-row', { hasText: label }).first();
    await row.waitFor();
    await row.click();
    await this.quickInput.waitFor({ state: 'hidden' });
  }
}

/** The 1-based line and column where `text` first occurs in `file`. */
export function positionOf(file: string, text: string): { line: number; column: number } {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const index = lines.findIndex(line => line.includes(text));
  if (index < 0) throw new Error(`"${text}" is not in ${file}`);
  return { line: index + 1, column: lines[index].indexOf(text) + 1 };
}

/** The 1-based number of the first line of `file` that contains `text`. */
export function lineOf(file: string, text: string): number {
  return positionOf(file, text).line;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
}

/** VS Code's suggest filter, roughly: the filter's characters appear in order in the label. */
function fuzzyMatch(label: string, filter: string): boolean {
  let at = 0;
  for (const char of label.toLowerCase()) if (char === filter[at]?.toLowerCase()) at++;
  return at === filter.length;
}

function flatten(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
