/**
 * The Sharing panel's commands: build the contract portfolio summary, freeze PAYER formulas for sharing (after a
 * preview the user confirms), repair formulas. Each runs against the gateway it is given.
 */
import {
  buildPortfolioSummary,
  describePortfolioIssue,
  describeSharingIssue,
  freezeForSharing,
  FROZEN_RECORD_SHEET,
  listSheetNames,
  previewFreeze,
  repairFormulas,
  type BuiltPortfolio,
  type FreezeReport,
  type FreezeSheetCount,
  type PortfolioRequest,
  type RepairReport,
  type RepairRequest,
} from "../../excel/sharing";
import { writerCommand } from "../progress/writerCommand";
import type { TaskPaneCommand } from "../taskPaneCommand";
import { centsText, countOf } from "../shared/wording";

/** The sheets a user can freeze or repair (the record of frozen cells is left out). */
export const listSharingSheets: TaskPaneCommand<void, string[]> = {
  name: "sharing.listSheets",
  label: "Refresh sheets",
  run: (excel) => listSheetNames(excel, [FROZEN_RECORD_SHEET]),
};

/** Counts per sheet of what a freeze would change, for the confirmation; a string says what to fix. */
export const previewFreezeCommand: TaskPaneCommand<readonly string[], FreezeSheetCount[] | string> = {
  name: "sharing.previewFreeze",
  label: "Review freeze",
  run: async (excel, sheetNames) => {
    const preview = await previewFreeze(excel, sheetNames);
    return preview.ok ? preview.value : describeSharingIssue(preview.issue);
  },
};

/** The line of the confirmation for one sheet: "Pricing: 4 PAYER formulas to freeze; 1 formula shows #NAME? and...". */
export function freezeCountText(sheet: FreezeSheetCount): string {
  const skipped =
    sheet.notCalculated === 0
      ? ""
      : `; ${countOf(sheet.notCalculated, "formula shows", "formulas show")} #NAME? and will not be frozen`;
  return `${sheet.sheet}: ${countOf(sheet.formulaCells, "PAYER formula", "PAYER formulas")} to freeze${skipped}`;
}

/** Freezes the confirmed sheets, with progress in sheets. */
export const freezeCommand = writerCommand({
  name: "sharing.freeze",
  label: "Freeze",
  write: (excel, { sheetNames }: { readonly sheetNames: readonly string[] }, controls) =>
    freezeForSharing(excel, sheetNames, controls),
  describe: describeSharingIssue,
  succeeded: (report: FreezeReport) => {
    const cells = report.sheets.reduce((n, s) => n + s.formulaCells, 0);
    return (
      `Froze ${countOf(cells, "PAYER formula", "PAYER formulas")} in ${countOf(report.sheets.length, "sheet", "sheets")}, ` +
      `values as of ${report.frozenAt}. The original formulas are listed on sheet "${FROZEN_RECORD_SHEET}".`
    );
  },
});

/** Repairs PAYER formulas showing #NAME? (and restores frozen ones when asked); Cancel works until the commit. */
export const repairCommand = writerCommand({
  name: "sharing.repair",
  label: "Repair formulas",
  // The repair reports no progress (the Excel layer takes only its signal): the bar moves without counts.
  write: (excel, request: RepairRequest, { signal }) => repairFormulas(excel, request, { signal }),
  describe: describeSharingIssue,
  succeeded: ({ reentered, restored }: RepairReport, request) => {
    const parts = [`Re-entered ${countOf(reentered, "formula", "formulas")} that showed #NAME?`];
    if (request.restoreFrozen) parts.push(`restored ${countOf(restored, "frozen range", "frozen ranges")}`);
    return `${parts.join("; ")}.`;
  },
});

/** Builds (or rebuilds) the portfolio summary, which stores the confirmed mapping with it, with progress in steps. */
export const buildPortfolioCommand = writerCommand({
  name: "sharing.buildPortfolio",
  label: "Build portfolio summary",
  write: (excel, request: PortfolioRequest, controls) => buildPortfolioSummary(excel, request, controls),
  describe: describePortfolioIssue,
  succeeded: (built: BuiltPortfolio) => {
    const { contracts } = built.numbers;
    const revenue = contracts.reduce((n, c) => n + c.currentCents, 0);
    const uplift = contracts.reduce((n, c) => n + c.upliftCents, 0);
    return (
      `${built.replaced ? "Updated" : "Built"} sheet "${built.sheetName}": ` +
      `${countOf(contracts.length, "contract", "contracts")}, current revenue ${centsText(revenue)}, modeled uplift +${centsText(uplift)}.`
    );
  },
});
