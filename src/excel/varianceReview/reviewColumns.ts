/**
 * The columns the variance review adds to the user's table, in the column dictionary, and the record, in the
 * workbook's settings, of what a review wrote (its columns, its sheets, the payer -> contract mapping and the
 * tolerance), so that a later run replaces its own columns and sheets and never a user's.
 */
import { VARIANCE_FLAGS } from "../../engine";
import type { ExcelGateway } from "../core/excelGateway";
import { NUMBER_FORMATS } from "../core/numberFormats";
import { parseSetting, readSetting, tableSetting, type SettingValue } from "../core/workbookSettings";
import { columnFormat, type Columns, type TableSpec } from "../registry/columnDictionary";

/**
 * The added columns, in order. Names avoid "$", "%" and the like, which structured references must escape
 * (`Claims[[Variance $]]`), so formulas over them stay plain: `Claims[Variance Amount]`.
 */
export const REVIEW_TABLE_SPEC = {
  title: "Variance review columns",
  purpose:
    "Written by the Variance review tab at the end of the user's claims (or remittance) table, one value per line, and replaced by the next review of the table; with a Summary sheet by payer and code and a Worklist of the lines to follow up, both native formulas over these columns.",
  columns: {
    expected: {
      header: "Expected Amount",
      written: "money",
      description:
        "The contract's expected allowed amount for the line (denied lines too); blank when the line cannot be priced. A hospital stay is compared as a whole: its expected payment is on its first line, its other lines blank.",
    },
    variance: {
      header: "Variance Amount",
      written: "money",
      description:
        "Allowed minus expected (negative = underpaid), on priced lines that were not denied; a hospital stay's on its first line, against the claim's allowed amount.",
    },
    percent: {
      header: "Variance Percent",
      written: "percent",
      numberFormat: NUMBER_FORMATS.share,
      description: "The variance over the expected amount; blank without a variance or when $0 was expected.",
    },
    flag: {
      header: "Variance Flag",
      written: "text",
      description: "How the line compares with its contract, given the review's tolerance.",
      allowed: VARIANCE_FLAGS,
    },
    reason: {
      header: "Variance Reason",
      written: "text",
      description:
        "Why, in words: the amounts and the rule that priced the line (fee schedule row, carve-out or method), or why it was denied or could not be priced.",
    },
  },
} satisfies TableSpec<Columns>;

type ReviewField = keyof typeof REVIEW_TABLE_SPEC.columns;

/** The added columns by field: their names and number formats, as the review's sheets and staging use them. */
export const REVIEW_COLUMNS = Object.fromEntries(
  Object.entries(REVIEW_TABLE_SPEC.columns).map(([field, column]) => [
    field,
    { name: column.header, numberFormat: columnFormat(column) },
  ]),
) as { readonly [F in ReviewField]: { readonly name: string; readonly numberFormat: string } };

/** Column names in table order. */
export const REVIEW_COLUMN_NAMES: readonly string[] = Object.values(REVIEW_COLUMNS).map((c) => c.name);

/** The settings key of a table's review record (see workbookSettings.ts). */
export function varianceReviewSettingKey(tableName: string): string {
  return tableSetting("varianceReview", tableName).key;
}

/** What the workbook remembers of a table's variance review. */
export type VarianceReviewRecord = SettingValue<"varianceReview">;

/** An empty record for a table never reviewed. */
export function emptyReviewRecord(tableName: string): VarianceReviewRecord {
  return {
    version: 1,
    tableName,
    payerContracts: {},
    tolerance: null,
    columns: [],
    summarySheetId: null,
    worklistSheetId: null,
  };
}

/** Parses a stored record; an unreadable one counts as none (nothing can then be recognised as the review's). */
export function parseReviewRecord(tableName: string, stored: unknown): VarianceReviewRecord {
  const parsed = parseSetting(tableSetting("varianceReview", tableName), stored);
  return parsed.success ? parsed.data : emptyReviewRecord(tableName);
}

/** Reads a table's review record (an empty one when none was saved). Office errors reject unchanged. */
export async function readReviewRecord(excel: ExcelGateway, tableName: string): Promise<VarianceReviewRecord> {
  const parsed = await readSetting(excel, tableSetting("varianceReview", tableName));
  return parsed?.success === true ? parsed.data : emptyReviewRecord(tableName);
}
