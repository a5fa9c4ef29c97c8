/**
 * Why sheets were not frozen or repaired, as values, and the one message a finance user reads for each (STYLE.md
 * "two error channels"). Excel's refusals and the user's Cancel are the operation runner's issues, worded by it, so a
 * message says what became of the workbook only as the runner checked it.
 */
import { catalogue } from "../../engine";
import { fail, type Result } from "../../engine";
import { describeOperationIssue, type OperationIssue } from "../core/operation";
import { officeError } from "../core/officeErrors";
import { COMMIT_LIMITS } from "./cellRects";
import { FROZEN_RECORD_SHEET, FROZEN_RECORD_TABLE } from "./frozenRecord";

/** The two sharing operations that change cells. */
export type SharingAction = "freeze" | "repair";

/** Why sheets were not frozen (or repaired). */
export type SharingIssue =
  | { readonly code: "noSheetChosen" }
  | { readonly code: "sheetsMissing"; readonly sheetNames: readonly string[] }
  | { readonly code: "recordSheetChosen" }
  /** A sheet has the record's name but not its table: it may be the user's own, and is never replaced. */
  | { readonly code: "recordSheetTaken"; readonly sheetName: string }
  /** The record's table is on another sheet than the record's (the record sheet was renamed). */
  | { readonly code: "recordTableElsewhere"; readonly sheetName: string }
  /** The change does not fit one commit request: nothing was changed. */
  | {
      readonly code: "tooLargeForOneRequest";
      readonly action: SharingAction;
      /** Cells the change would write (formulas, for a repair). */
      readonly cells: number;
      /** Separate places (rectangles) they lie in, per sheet. */
      readonly placesBySheet: readonly { readonly sheet: string; readonly places: number }[];
      /** Estimated bytes of the commit request. */
      readonly bytes: number;
    }
  | OperationIssue;

const count = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** What to do when a change is too large for one request, per action (the panel freezes chosen sheets, repairs all). */
const TOO_LARGE_ADVICE = {
  freeze: (oneSheet: string | null) =>
    oneSheet === null
      ? "Freeze fewer sheets at a time."
      : `Sheet "${oneSheet}" alone is over the limit: leave it out and freeze the others; for that sheet, copy its ` +
        "cells and paste them as values in Excel (no record of its formulas is kept then).",
  repair: () =>
    'Enter some of the formulas again in Excel first (select their cells, then Find and Replace "=" with "="), ' +
    "then repair the rest.",
} as const satisfies Record<SharingAction, (oneSheet: string | null) => string>;

const ACTION_WORDS = {
  freeze: { doing: "Freezing", one: "cell", many: "cells" },
  repair: { doing: "Repairing", one: "formula", many: "formulas" },
} as const satisfies Record<SharingAction, { doing: string; one: string; many: string }>;

function describeTooLarge(issue: Extract<SharingIssue, { code: "tooLargeForOneRequest" }>): string {
  const places = issue.placesBySheet.reduce((n, s) => n + s.places, 0);
  const words = ACTION_WORDS[issue.action];
  const perSheet = issue.placesBySheet.map((s) => `${s.sheet} ${s.places.toLocaleString("en-US")}`).join("; ");
  const alone = issue.placesBySheet.find((s) => s.places > COMMIT_LIMITS.places)?.sheet ?? null;
  return (
    `${words.doing} would write ${count(issue.cells, words.one, words.many)} in ${count(places, "separate place", "separate places")} ` +
    `(about ${megabytes(issue.bytes)}) in one request, more than Excel accepts at once ` +
    `(${COMMIT_LIMITS.places.toLocaleString("en-US")} places, ${megabytes(COMMIT_LIMITS.bytes)}), so nothing was changed. ` +
    `Places per sheet: ${perSheet}. ${TOO_LARGE_ADVICE[issue.action](issue.action === "freeze" ? alone : null)}`
  );
}

/** The message a finance user reads for a sharing issue. */
export const describeSharingIssue: (issue: SharingIssue) => string = catalogue<SharingIssue>({
  noSheetChosen: () => "Choose at least one sheet.",
  sheetsMissing: (issue) =>
    `This workbook has no sheet named ${issue.sheetNames.map((n) => `"${n}"`).join(", ")} any more; refresh the list of sheets.`,
  recordSheetChosen: () =>
    `"${FROZEN_RECORD_SHEET}" is the record of frozen cells: leave it out of the sheets to freeze.`,
  recordSheetTaken: (issue) =>
    `The sheet "${issue.sheetName}" does not hold the record of frozen cells (table ${FROZEN_RECORD_TABLE}), so ` +
    "the add-in will not replace it. Rename or remove that sheet, then try again. Nothing was changed.",
  recordTableElsewhere: (issue) =>
    `The record of frozen cells (table ${FROZEN_RECORD_TABLE}) is on the sheet "${issue.sheetName}", not on ` +
    `"${FROZEN_RECORD_SHEET}". Rename that sheet back to "${FROZEN_RECORD_SHEET}", then try again. Nothing was changed.`,
  tooLargeForOneRequest: (issue) => describeTooLarge(issue),
  cancelled: (issue) => describeOperationIssue(issue),
  excelRefused: (issue) => describeOperationIssue(issue),
});

/**
 * Runs reads that change nothing (the previews); an Office refusal becomes the runner's "excelRefused" issue with the
 * workbook unchanged (true: nothing was written), so a preview never shows Office's raw message. `what` names the
 * reading in messages ("the review of the freeze").
 */
export async function readWithoutChanging<T>(
  what: string,
  read: () => Promise<Result<T, SharingIssue>>,
): Promise<Result<T, SharingIssue>> {
  try {
    return await read();
  } catch (error) {
    const refusal = officeError(error);
    if (refusal === null) throw error;
    return fail({ code: "excelRefused", what, phase: "reading", refusal, workbook: { kind: "unchanged" } });
  }
}
