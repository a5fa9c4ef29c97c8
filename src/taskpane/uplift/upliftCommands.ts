import { Decimal } from "../../engine";
import {
  checkClaimsMapping,
  describeClaimsMappingIssue,
  readClaimsMapping,
  suggestClaimsMapping,
  type ClaimsMapping,
} from "../../excel/claims/claimsMapping";
import {
  buildUpliftModel,
  describeUpliftModelIssue,
  readDistinctValues,
  type BuiltUpliftModel,
  type UpliftModelRequest,
} from "../../excel/upliftModel";
import { readWorkbookOverview, type TableOverview } from "../../excel/workbook/workbookOverview";
import type { OperationControls, OperationOutcome } from "../progress/operation";
import type { TaskPaneCommand } from "../taskPaneCommand";

/** The workbook's tables, for the claims table picker. */
export const listClaimsTables: TaskPaneCommand<void, TableOverview[]> = {
  name: "uplift.listClaimsTables",
  label: "Refresh tables",
  run: (excel) => readWorkbookOverview(excel),
};

/** A table's mapping: the one confirmed earlier when it still fits the table, else the one its headers suggest. */
export const loadClaimsMapping: TaskPaneCommand<
  { readonly table: TableOverview },
  { readonly mapping: ClaimsMapping; readonly saved: boolean; readonly note: string | null }
> = {
  name: "uplift.loadClaimsMapping",
  label: "Load mapping",
  run: async (excel, { table }) => {
    const suggested = suggestClaimsMapping(table.columnNames);
    const stored = await readClaimsMapping(excel, table.name);
    if (!stored.ok) return { mapping: suggested, saved: false, note: describeClaimsMappingIssue(stored.issue) };
    if (stored.value === null) return { mapping: suggested, saved: false, note: null };
    const fits = checkClaimsMapping(table.name, stored.value, table.columnNames, []);
    return fits.ok
      ? { mapping: stored.value, saved: true, note: null }
      : { mapping: suggested, saved: false, note: describeClaimsMappingIssue(fits.issue) };
  },
};

/** Distinct values of a column (payers, contracts), for the filters. */
export const listColumnValues: TaskPaneCommand<{ readonly tableName: string; readonly column: string }, string[]> = {
  name: "uplift.listColumnValues",
  label: "List values",
  run: async (excel, { tableName, column }) => (await readDistinctValues(excel, tableName, column)) ?? [],
};

/** Input of {@link buildUpliftModelCommand}. */
export interface BuildModelInput {
  readonly request: UpliftModelRequest;
  readonly controls?: OperationControls;
}

/**
 * Builds (or rebuilds) the model sheet, which stores the confirmed mapping with it, reporting progress and stopping
 * on cancel; the outcome carries the message the progress UI shows.
 */
export const buildUpliftModelCommand: TaskPaneCommand<BuildModelInput, OperationOutcome<BuiltUpliftModel>> = {
  name: "uplift.buildModel",
  label: "Build model",
  run: async (excel, { request, controls }) => {
    const result = await buildUpliftModel(excel, request, {
      ...(controls === undefined
        ? {}
        : {
            signal: controls.signal,
            onProgress: ({ rowsWritten, totalRows }) => controls.onProgress({ done: rowsWritten, total: totalRows }),
          }),
    });
    if (!result.ok) {
      return {
        ok: false,
        cancelled: result.issue.code === "cancelled",
        message: describeUpliftModelIssue(result.issue),
      };
    }
    const built = result.value;
    const money = (dollars: number) => dollars.toLocaleString("en-US", { style: "currency", currency: "USD" });
    const summary = built.scenarios.map((s) => `${s.name}: +${money(s.delta)}`).join("; ");
    return {
      ok: true,
      value: built,
      message:
        `${built.replaced ? "Updated" : "Built"} sheet "${built.modelSheet}" from ${built.lineCount.toLocaleString("en-US")} ` +
        `lines and ${built.codeCount.toLocaleString("en-US")} codes (current ${money(built.currentTotal)}). ${summary}.`,
    };
  },
};

/**
 * Reads a percent as the user types it ("5", "5%", "2.5 %", "-1") into a fraction (0.05), exactly; null when it is
 * not a number.
 */
export function parsePercentInput(text: string): number | null {
  const cleaned = text.trim().replace(/%$/, "").trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return null;
  return new Decimal(cleaned).dividedBy(100).toNumber();
}

/** Per-code overrides as typed: "99213=7%, J1100=2" -> [{ hcpcsCode: "99213", upliftFraction: 0.07 }, ...]. */
export function parseOverridesInput(
  text: string,
): { readonly hcpcsCode: string; readonly upliftFraction: number }[] | string {
  const overrides: { hcpcsCode: string; upliftFraction: number }[] = [];
  for (const part of text.split(/[,;\n]/)) {
    if (part.trim() === "") continue;
    const match = /^\s*([A-Za-z0-9]+)\s*[=:]\s*(.+)$/.exec(part);
    const fraction = match === null ? null : parsePercentInput(match[2] as string);
    if (match === null || fraction === null) return `"${part.trim()}" is not "code = percent" (like 99213 = 7%)`;
    overrides.push({ hcpcsCode: (match[1] as string).toUpperCase(), upliftFraction: fraction });
  }
  return overrides;
}
