/**
 * Every custom message between the extension and the language server, typed once.
 */
import { RequestType } from 'vscode-languageserver-protocol';

export interface AttachResultsParams {
  /** The script the results belong to (file URI). */
  scriptUri: string;
  /** A run-results folder (see docs/run-results-folder.md), as a file-system path. */
  folder: string;
}

export interface AttachResultsResult {
  ok: boolean;
  /** What was found, or why nothing could be attached; shown to the user. */
  message: string;
}

/** Attach a run's results to a script: inlay hints, hovers and diagnostics follow. */
export const attachResultsRequest = new RequestType<AttachResultsParams, AttachResultsResult, void>('eximTest/attachResults');

export interface LadderParams {
  scriptUri: string;
  /** The 0-based editor line of the exim command whose connection to draw. */
  line: number;
}

export interface LadderResult {
  title: string;
  /** A self-contained SVG of the connection's packets, or undefined when none is known. */
  svg?: string;
  message?: string;
}

/** The ladder diagram of the TCP connection behind an exim line's delivery. */
export const ladderRequest = new RequestType<LadderParams, LadderResult, void>('eximTest/ladder');
