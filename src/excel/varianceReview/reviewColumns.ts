/**
 * The columns the variance review adds to the user's table, and the record, in the workbook's settings, of what a
 * review wrote (its columns, its sheets, the payer -> contract mapping and the tolerance), so that a later run
 * replaces its own columns and sheets and never a user's.
 */
import { z } from "zod";
import type { ExcelGateway } from "../core/excelGateway";

/**
 * The added columns, in order. Names avoid "$", "%" and the like, which structured references must escape
 * (`Claims[[Variance $]]`), so formulas over them stay plain: `Claims[Variance Amount]`.
 */
export const REVIEW_COLUMNS = {
  expected: { name: "Expected Amount", numberFormat: "$#,##0.00" },
  variance: { name: "Variance Amount", numberFormat: "$#,##0.00" },
  percent: { name: "Variance Percent", numberFormat: "0.0%" },
  flag: { name: "Variance Flag", numberFormat: "@" },
  reason: { name: "Variance Reason", numberFormat: "@" },
} as const;

/** Column names in table order. */
export const REVIEW_COLUMN_NAMES: readonly string[] = Object.values(REVIEW_COLUMNS).map((c) => c.name);

/** The settings key of a table's review record (table names are case-insensitive). */
export function varianceReviewSettingKey(tableName: string): string {
  return `payerContracts.varianceReview.${tableName.toLowerCase()}`;
}

const recordSchema = z.object({
  version: z.literal(1),
  tableName: z.string(),
  payerContracts: z.record(z.string(), z.string()).default({}),
  tolerance: z
    .object({ amount: z.number(), fraction: z.number(), rule: z.enum(["both", "either"]) })
    .nullable()
    .default(null),
  /** The columns a review added to the table (by name). */
  columns: z.array(z.string()).default([]),
  summarySheetId: z.string().nullable().default(null),
  worklistSheetId: z.string().nullable().default(null),
});

/** What the workbook remembers of a table's variance review. */
export type VarianceReviewRecord = z.infer<typeof recordSchema>;

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
  const parsed = recordSchema.safeParse(stored);
  return parsed.success ? parsed.data : emptyReviewRecord(tableName);
}

/** Reads a table's review record (an empty one when none was saved). Office errors reject unchanged. */
export async function readReviewRecord(excel: ExcelGateway, tableName: string): Promise<VarianceReviewRecord> {
  const stored = await excel.run(async (context) => {
    const setting = context.workbook.settings.getItemOrNullObject(varianceReviewSettingKey(tableName));
    setting.load("value");
    await context.sync();
    return setting.isNullObject ? undefined : (setting.value as unknown);
  });
  return parseReviewRecord(tableName, stored);
}
