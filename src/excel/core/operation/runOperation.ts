/**
 * The operation runner: the one way the add-in changes a workbook (ARCHITECTURE.md s.5, issue 10).
 *
 * An operation reads what it needs, writes its new content into hidden staging sheets (as many requests as the content
 * needs, with progress and cancel between them), and then changes the user's workbook in ONE commit request: earlier
 * builds removed, staged sheets renamed and shown, columns added, settings stored, leftovers of interrupted runs
 * removed. Until the commit, the user's sheets, tables, columns and settings are untouched, so a failure or a cancel
 * only has to remove the staging sheets. A failed commit is examined step by step (see commitSteps.ts) and either
 * found not applied or completed. Every outcome is reported as it was checked, in the user's words.
 *
 * @example
 * const result = await runOperation(excel, { what: "the report", signal, onProgress }, async (op) => {
 *   const [sheet] = await op.addStagingSheets(1);
 *   await op.write((context) => { context.workbook.worksheets.getItem(sheet.id).getRange("A1").values = [["x"]]; });
 *   return ok({ output: "done", steps: placeSheet({ stagedId: sheet.id, name: "Result" }) });
 * });
 */
import { fail, ok, type Result } from "../../../engine";
import type { ExcelGateway } from "../excelGateway";
import { officeError, type OfficeRefusal } from "../officeErrors";
import { deleteSheet, type CommitStep } from "./commitSteps";
import type { OperationIssue, OperationPhase, WorkbookAfter } from "./operationIssues";
import { inChunks, yieldToBrowser, type ChunkOptions } from "./yieldToBrowser";
import {
  beginRun,
  endRun,
  isLeftoverSheet,
  isStagingSheetOf,
  STAGING_SHEET_PREFIX,
  stagingSheetName,
  stagingTableName,
} from "./staging";

/** What the operation is called in messages, its progress and its cancel. */
export interface OperationOptions {
  /** The operation in the user's words, for messages: "the variance review", "the import of table FS_Acme_2026". */
  readonly what: string;
  /** Checked before every request until the commit; after it, the operation completes. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: { readonly done: number; readonly total: number }) => void;
}

/** A hidden sheet of the staging area. */
export interface StagedSheet {
  readonly id: string;
  /** The name it is written under until the commit renames it. */
  readonly stagingName: string;
}

/** What the body of an operation may do. */
export interface OperationContext {
  /** For reads. Every write goes through `write` (staging) or the commit steps. */
  readonly excel: ExcelGateway;
  /**
   * Adds hidden staging sheets in one request, in which `queue` may already write into them (what it returns,
   * loaded, comes back with the sheets).
   */
  addStagingSheets<T = void>(
    count: number,
    queue?: (sheets: readonly Excel.Worksheet[], context: Excel.RequestContext) => T,
  ): Promise<StagedSheet[] & { readonly queued?: T }>;
  /**
   * Inserts the sheets of a workbook file (base64, as `Workbook.insertWorksheetsFromBase64` takes it, ExcelApi 1.13)
   * into the staging area: one request inserts them (after one that lists the sheets there before, so that sheets
   * inserted by a request that then failed are still found), the next renames them to staging names and hides them.
   * From the insert on, they are removed with the staging area by id. Null when Excel says the file is not a
   * workbook it can open; the workbook is then as it was.
   */
  insertFileSheets(base64File: string): Promise<StagedSheet[] | null>;
  /** A table name free for the staging area, renamed by a commit step. */
  stagingTableName(): string;
  /**
   * One request of writes into the staging sheets (stopping first if the user cancelled); `progress` is reported
   * once it succeeded. What `queue` returns (loaded proxies) is returned after the sync.
   */
  write<T>(queue: (context: Excel.RequestContext) => T, progress?: Progress): Promise<T>;
  /** Stops the operation (as a cancel) if the user cancelled: for long computations between requests. */
  checkCancelled(): void;
  /**
   * A long pure computation over a list, a chunk at a time with the page given a turn (and Cancel checked) between
   * chunks; see {@link inChunks}.
   */
  inChunks<Item, Output>(
    items: readonly Item[],
    work: (item: Item, index: number) => Output,
    options: Omit<ChunkOptions, "checkCancelled">,
  ): Promise<Output[]>;
}

/** Units done of a total, for the progress bar. */
export interface Progress {
  readonly done: number;
  readonly total: number;
}

/** What the body hands the runner: the commit steps and what the operation returns once they are applied. */
export interface Commit<Output> {
  readonly steps: readonly CommitStep[];
  readonly output: Output;
}

/** Thrown inside the body when the user cancelled; caught by the runner. */
class Cancelled extends Error {
  constructor() {
    super("cancelled");
  }
}

/**
 * Runs an operation; see the module comment. The body returns its own expected failures as values (validation,
 * names taken...), which the runner passes on after removing the staging area; Office errors anywhere become an
 * {@link OperationIssue}; anything else thrown is a bug and is rethrown once the staging area is removed.
 */
export async function runOperation<Output, Issue>(
  excel: ExcelGateway,
  options: OperationOptions,
  body: (op: OperationContext) => Promise<Result<Commit<Output>, Issue>>,
): Promise<Result<Output, Issue | OperationIssue>> {
  const runId = beginRun();
  try {
    return await run(excel, options, body, runId);
  } finally {
    endRun(runId);
  }
}

async function run<Output, Issue>(
  excel: ExcelGateway,
  options: OperationOptions,
  body: (op: OperationContext) => Promise<Result<Commit<Output>, Issue>>,
  runId: string,
): Promise<Result<Output, Issue | OperationIssue>> {
  const cancelled = () => options.signal?.aborted === true;
  // Before each request the page gets a turn: the progress just reported paints and a click on Cancel is handled,
  // so the check that follows sees it.
  const turn = async () => {
    await yieldToBrowser();
    if (cancelled()) throw new Cancelled();
  };
  let phase: OperationPhase = "reading";
  let sheetCount = 0;
  let tableCount = 0;
  // Sheets of the staging area known by id (inserted from a file, under the file's names until renamed), and while
  // an insert is on its way, the ids of the sheets there before it: any other sheet is the insert's.
  const staging: StagingIds = { ids: new Set(), before: null };
  const op: OperationContext = {
    excel,
    addStagingSheets: async <T>(
      count: number,
      queue?: (sheets: readonly Excel.Worksheet[], context: Excel.RequestContext) => T,
    ) => {
      await turn();
      phase = "writing";
      const names = Array.from({ length: count }, () => stagingSheetName(runId, ++sheetCount));
      return excel.run(async (context) => {
        const sheets = names.map((name) => {
          const sheet = context.workbook.worksheets.add(name);
          sheet.visibility = "Hidden";
          return sheet.load("id");
        });
        const queued = queue?.(sheets, context);
        await context.sync();
        const staged = sheets.map((sheet, i) => ({ id: sheet.id, stagingName: names[i]! }));
        return Object.assign(staged, { queued });
      });
    },
    insertFileSheets: async (base64File) => {
      await turn();
      phase = "writing";
      staging.before = new Set(
        await excel.run(async (context) => {
          const sheets = context.workbook.worksheets.load("items/id");
          await context.sync();
          return sheets.items.map((sheet) => sheet.id);
        }),
      );
      await turn();
      let ids: string[];
      try {
        ids = await excel.run(async (context) => {
          const inserted = context.workbook.insertWorksheetsFromBase64(base64File, { positionType: "End" });
          await context.sync();
          return inserted.value;
        });
      } catch (error) {
        if (officeError(error)?.code !== "InvalidArgument") throw error;
        return null; // Excel read the file before inserting anything: nothing to remove
      }
      for (const id of ids) staging.ids.add(id);
      staging.before = null;
      await turn();
      const names = ids.map(() => stagingSheetName(runId, ++sheetCount));
      await excel.run(async (context) => {
        ids.forEach((id, i) => {
          const sheet = context.workbook.worksheets.getItem(id);
          sheet.name = names[i]!;
          sheet.visibility = "Hidden";
        });
        await context.sync();
      });
      return ids.map((id, i) => ({ id, stagingName: names[i]! }));
    },
    stagingTableName: () => stagingTableName(runId, ++tableCount),
    write: async (queue, progress) => {
      await turn();
      phase = "writing";
      const value = await excel.run(async (context) => {
        const queued = queue(context);
        await context.sync();
        return queued;
      });
      if (progress !== undefined) options.onProgress?.(progress);
      return value;
    },
    checkCancelled: () => {
      if (cancelled()) throw new Cancelled();
    },
    inChunks: (items, work, chunking) => inChunks(items, work, { ...chunking, checkCancelled: op.checkCancelled }),
  };

  let outcome: Result<Commit<Output>, Issue>;
  try {
    if (cancelled()) throw new Cancelled();
    outcome = await body(op);
    if (outcome.ok) await turn(); // the last chance to cancel: after this turn, the commit
  } catch (error) {
    const workbook = await removeStaging(excel, runId, staging);
    if (error instanceof Cancelled) return fail({ code: "cancelled", what: options.what, workbook });
    const refusal = officeError(error);
    if (refusal === null) throw error; // a bug: surface it, now that the staging area is gone
    return fail({ code: "excelRefused", what: options.what, phase, refusal, workbook });
  }
  if (!outcome.ok) {
    const workbook = await removeStaging(excel, runId, staging);
    if (workbook.kind === "leftovers")
      return fail({ code: "excelRefused", what: options.what, phase: "writing", refusal: workbook.refusal, workbook });
    return outcome;
  }
  const committed = await commit(excel, options.what, runId, staging, outcome.value.steps);
  return committed === null ? ok(outcome.value.output) : fail(committed);
}

/** The state of each step as observed in one request (true = taken effect). */
async function observe(excel: ExcelGateway, steps: readonly CommitStep[]): Promise<boolean[]> {
  return excel.run(async (context) => {
    const answers = steps.map((step) => step.observe?.(context) ?? null);
    await context.sync();
    return answers.map((answer) => answer?.() ?? false);
  });
}

/**
 * The commit: a look first (which steps are already in effect, which leftovers of earlier runs to remove), then one
 * request with every step, then, if Excel refused it, the examination described in the module comment. Null when
 * everything took effect.
 */
async function commit(
  excel: ExcelGateway,
  what: string,
  runId: string,
  staging: StagingIds,
  planned: readonly CommitStep[],
): Promise<OperationIssue | null> {
  if (planned.length > 0 && planned[0]!.observe === undefined)
    throw new Error("runOperation: the first commit step must be observable, so that 'nothing applied' is decidable");
  let steps: CommitStep[] = [...planned];
  let before: boolean[];
  try {
    const look = await excel.run(async (context) => {
      const answers = steps.map((step) => step.observe?.(context) ?? null);
      const sheets = context.workbook.worksheets.load("items/name,items/id");
      await context.sync();
      return {
        answers: answers.map((answer) => answer?.() ?? false),
        leftovers: sheets.items.filter((sheet) => isLeftoverSheet(sheet.name) && !isStagingSheetOf(runId, sheet.name)),
      };
    });
    const cleanups = look.leftovers.map((sheet) =>
      deleteSheet(sheet.id, `remove the add-in's leftover working sheet "${sheet.name}"`),
    );
    steps = [...steps, ...cleanups];
    before = [...look.answers, ...cleanups.map(() => false)];
  } catch (error) {
    return refused(error, what, "writing", await removeStaging(excel, runId, staging));
  }

  const refusal = await applyInOneRequest(excel, steps);
  return refusal === null ? null : examine(excel, what, runId, staging, steps, before, refusal);
}

/**
 * Applies steps in one request, with one recalculation at its end rather than one per command. Excel's refusal
 * comes back as a value; anything else thrown is a bug and propagates.
 */
async function applyInOneRequest(excel: ExcelGateway, steps: readonly CommitStep[]): Promise<OfficeRefusal | null> {
  try {
    await excel.run(async (context) => {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      for (const step of steps) step.apply(context);
      await context.sync();
    });
    return null;
  } catch (error) {
    const refusal = officeError(error);
    if (refusal === null) throw error;
    return refusal;
  }
}

/** After a refused commit: how far did Excel get? Nothing (clean up), everything, or part (complete it). */
async function examine(
  excel: ExcelGateway,
  what: string,
  runId: string,
  staging: StagingIds,
  steps: readonly CommitStep[],
  before: readonly boolean[],
  refusal: OfficeRefusal,
): Promise<OperationIssue | null> {
  const issue = (workbook: WorkbookAfter, cause = refusal): OperationIssue => ({
    code: "excelRefused",
    what,
    phase: "saving",
    refusal: cause,
    workbook,
  });
  const reached = await lastApplied(excel, steps, before);
  if (reached === "unknown") return issue({ kind: "unknown", steps: describe(steps) });
  if (reached < 0) return issue(await removeStaging(excel, runId, staging));
  const rest = steps.slice(reached + 1);
  if (rest.length === 0) return null;
  const again = await applyInOneRequest(excel, rest);
  if (again === null) return null;
  const now = await lastApplied(excel, steps, before);
  return issue(
    now === "unknown"
      ? { kind: "unknown", steps: describe(steps) }
      : { kind: "partial", done: describe(steps.slice(0, now + 1)), notDone: describe(steps.slice(now + 1)) },
    again,
  );
}

/** Index of the last observable step that took effect during the commit, -1 for none, "unknown" if Excel refused. */
async function lastApplied(
  excel: ExcelGateway,
  steps: readonly CommitStep[],
  before: readonly boolean[],
): Promise<number | "unknown"> {
  try {
    const after = await observe(excel, steps);
    let last = -1;
    steps.forEach((step, i) => {
      if (step.observe !== undefined && !before[i] && after[i]) last = i;
    });
    return last;
  } catch (error) {
    if (officeError(error) === null) throw error;
    return "unknown";
  }
}

const describe = (steps: readonly CommitStep[]) => [...new Set(steps.map((step) => step.describe))];

function refused(error: unknown, what: string, phase: OperationPhase, workbook: WorkbookAfter): OperationIssue {
  const refusal = officeError(error);
  if (refusal === null) throw error;
  return { code: "excelRefused", what, phase, refusal, workbook };
}

/** Staging sheets known by id, and the sheets there before an insert whose outcome is not known yet. */
interface StagingIds {
  readonly ids: Set<string>;
  before: ReadonlySet<string> | null;
}

/**
 * Removes this run's staging sheets (found by name, so that a sheet whose adding request failed after applying is
 * found too; inserted ones by id, or as new since the insert's look), trying twice. Reports what is left: nothing
 * ("unchanged") or the sheets that could not be removed.
 */
async function removeStaging(excel: ExcelGateway, runId: string, staging: StagingIds): Promise<WorkbookAfter> {
  const ours = async (context: Excel.RequestContext) => {
    const sheets = context.workbook.worksheets.load("items/name,items/id");
    await context.sync();
    return sheets.items.filter(
      (sheet) =>
        isStagingSheetOf(runId, sheet.name) ||
        staging.ids.has(sheet.id) ||
        (staging.before !== null && !staging.before.has(sheet.id)),
    );
  };
  let refusal: OfficeRefusal | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await excel.run(async (context) => {
        for (const sheet of await ours(context)) sheet.delete();
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- a second attempt after a refusal
        await context.sync();
      });
      return { kind: "unchanged" };
    } catch (error) {
      refusal = officeError(error);
      if (refusal === null) throw error;
    }
  }
  const left = await excel
    .run(async (context) => (await ours(context)).map((sheet) => sheet.name))
    .catch((error: unknown) => {
      if (officeError(error) === null) throw error;
      return [`${STAGING_SHEET_PREFIX}${runId} ...`];
    });
  return left.length === 0 ? { kind: "unchanged" } : { kind: "leftovers", sheetNames: left, refusal: refusal! };
}
