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
import type { OperationControls, OperationOutcome } from "../progress/operation";
import type { TaskPaneCommand } from "../taskPaneCommand";

const count = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
const money = (cents: number) => (cents / 100).toLocaleString("en-US", { style: "currency", currency: "USD" });

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
      : `; ${count(sheet.notCalculated, "formula shows", "formulas show")} #NAME? and will not be frozen`;
  return `${sheet.sheet}: ${count(sheet.formulaCells, "PAYER formula", "PAYER formulas")} to freeze${skipped}`;
}

/** Freezes the confirmed sheets. */
export const freezeCommand: TaskPaneCommand<
  { readonly sheetNames: readonly string[]; readonly controls?: OperationControls },
  OperationOutcome<FreezeReport>
> = {
  name: "sharing.freeze",
  label: "Freeze",
  run: async (excel, { sheetNames, controls }) => {
    const result = await freezeForSharing(excel, sheetNames, controls ?? {});
    if (!result.ok) {
      return { ok: false, cancelled: result.issue.code === "cancelled", message: describeSharingIssue(result.issue) };
    }
    const cells = result.value.sheets.reduce((n, s) => n + s.formulaCells, 0);
    return {
      ok: true,
      value: result.value,
      message:
        `Froze ${count(cells, "PAYER formula", "PAYER formulas")} in ${count(result.value.sheets.length, "sheet", "sheets")}, ` +
        `values as of ${result.value.frozenAt}. The original formulas are listed on sheet "${FROZEN_RECORD_SHEET}".`,
    };
  },
};

/** Repairs PAYER formulas showing #NAME? (and restores frozen ones when asked); Cancel works until the commit. */
export const repairCommand: TaskPaneCommand<
  { readonly request: RepairRequest; readonly controls?: OperationControls },
  OperationOutcome<RepairReport>
> = {
  name: "sharing.repair",
  label: "Repair formulas",
  run: async (excel, { request, controls }) => {
    const result = await repairFormulas(excel, request, { signal: controls?.signal });
    if (!result.ok) {
      return { ok: false, cancelled: result.issue.code === "cancelled", message: describeSharingIssue(result.issue) };
    }
    const { reentered, restored } = result.value;
    const parts = [`Re-entered ${count(reentered, "formula", "formulas")} that showed #NAME?`];
    if (request.restoreFrozen) parts.push(`restored ${count(restored, "frozen range", "frozen ranges")}`);
    return { ok: true, value: result.value, message: `${parts.join("; ")}.` };
  },
};

/** Builds (or rebuilds) the portfolio summary, which stores the confirmed mapping with it. */
export const buildPortfolioCommand: TaskPaneCommand<
  { readonly request: PortfolioRequest; readonly controls?: OperationControls },
  OperationOutcome<BuiltPortfolio>
> = {
  name: "sharing.buildPortfolio",
  label: "Build portfolio summary",
  run: async (excel, { request, controls }) => {
    const result = await buildPortfolioSummary(excel, request, controls ?? {});
    if (!result.ok) {
      return { ok: false, cancelled: result.issue.code === "cancelled", message: describePortfolioIssue(result.issue) };
    }
    const { contracts } = result.value.numbers;
    const revenue = contracts.reduce((n, c) => n + c.currentCents, 0);
    const uplift = contracts.reduce((n, c) => n + c.upliftCents, 0);
    return {
      ok: true,
      value: result.value,
      message:
        `${result.value.replaced ? "Updated" : "Built"} sheet "${result.value.sheetName}": ` +
        `${count(contracts.length, "contract", "contracts")}, current revenue ${money(revenue)}, modeled uplift +${money(uplift)}.`,
    };
  },
};
