/**
 * Names of the staging area of an operation: new content is written into hidden sheets (and tables) under names
 * that say "work in progress of the add-in" and cannot be mistaken for a user's, so that an interrupted run leaves
 * nothing the next run cannot recognise and remove.
 */

/** Every staging sheet's name starts with this (31 characters at most in all, as Excel allows). */
export const STAGING_SHEET_PREFIX = "~pc ";
/** Every staging table's name starts with this (letters, digits and underscores only, as Excel requires). */
export const STAGING_TABLE_PREFIX = "PcStaging_";

/**
 * Sheets that earlier versions of the add-in wrote under a temporary name: an interrupted freeze left
 * "~Frozen for sharing" behind, and blocked every later freeze.
 */
const LEGACY_LEFTOVERS = new Set(["~frozen for sharing"]);

let runCounter = 0;
/** Runs in progress in this session: their staging sheets are not leftovers (two panels may run at once). */
const activeRuns = new Set<string>();

/** A short id for a new run, unique within the session and unlikely to repeat across sessions; active until ended. */
export function beginRun(): string {
  runCounter = (runCounter + 1) % 1296;
  const time = Date.now().toString(36).slice(-4);
  const runId = `${time}${runCounter.toString(36).padStart(2, "0")}`;
  activeRuns.add(runId);
  return runId;
}

/** Marks a run as ended: from now on, anything left of its staging area is a leftover. */
export function endRun(runId: string): void {
  activeRuns.delete(runId);
}

/** The staging sheet `index` (from 1) of run `runId`: "~pc k3x901 2". */
export function stagingSheetName(runId: string, index: number): string {
  return `${STAGING_SHEET_PREFIX}${runId} ${index}`;
}

/** The staging table `index` (from 1) of run `runId`: "PcStaging_k3x901_2". */
export function stagingTableName(runId: string, index: number): string {
  return `${STAGING_TABLE_PREFIX}${runId}_${index}`;
}

/** True for a sheet of this run's staging area. */
export function isStagingSheetOf(runId: string, sheetName: string): boolean {
  return sheetName.startsWith(`${STAGING_SHEET_PREFIX}${runId} `);
}

/** True for a sheet an interrupted earlier run left behind: removed by the next operation's commit. */
export function isLeftoverSheet(sheetName: string): boolean {
  if (LEGACY_LEFTOVERS.has(sheetName.toLowerCase())) return true;
  if (!sheetName.startsWith(STAGING_SHEET_PREFIX)) return false;
  const runId = sheetName.slice(STAGING_SHEET_PREFIX.length).split(" ")[0] ?? "";
  return !activeRuns.has(runId);
}
