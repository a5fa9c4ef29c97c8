/**
 * The column mapping of a user's claims table (ARCHITECTURE.md s.3): which column holds the code, the amount, the
 * units, the billed charge... The user confirms it once per table; it is stored in the workbook's settings (keyed by
 * table name), so it travels with the workbook and every feature that reads claims (uplift model, variances,
 * denials) reads them the same way.
 */
import { catalogue } from "../../engine";
import { fail, ok, type Result } from "../../engine";
import type { ExcelGateway } from "../core/excelGateway";
import type { CommitStep } from "../core/operation";
import { readSetting, storeSettingStep, tableSetting } from "../core/workbookSettings";
import { CLAIMS_FIELDS, CLAIMS_TABLE_SPEC, type ClaimsField, type ClaimsMapping } from "./claimsColumns";

export { CLAIMS_FIELDS, suggestClaimsMapping, type ClaimsField, type ClaimsMapping } from "./claimsColumns";

/** How each field is shown and which headers suggest it: the claims table's columns in the column dictionary. */
export const CLAIMS_FIELD_SPECS = CLAIMS_TABLE_SPEC.columns;

/** The settings key of a table's mapping (see workbookSettings.ts). */
export function claimsMappingSettingKey(tableName: string): string {
  return tableSetting("claimsMapping", tableName).key;
}

/** Why a stored mapping cannot be used, or a mapping cannot be checked against its table. */
export type ClaimsMappingIssue =
  | { readonly code: "mappingUnreadable"; readonly tableName: string; readonly detail: string }
  | { readonly code: "mappingFieldMissing"; readonly tableName: string; readonly field: ClaimsField }
  | {
      readonly code: "mappingColumnMissing";
      readonly tableName: string;
      readonly field: ClaimsField;
      readonly column: string;
    };

/** The message a finance user reads for a mapping issue. */
export const describeClaimsMappingIssue: (issue: ClaimsMappingIssue) => string = catalogue<ClaimsMappingIssue>({
  mappingUnreadable: (issue) =>
    `The saved column mapping of table ${issue.tableName} cannot be read (${issue.detail}); confirm the mapping again.`,
  mappingFieldMissing: (issue) =>
    `Table ${issue.tableName}: choose the column that holds the ${CLAIMS_FIELD_SPECS[issue.field].label.toLowerCase()}.`,
  mappingColumnMissing: (issue) =>
    `Table ${issue.tableName} has no column "${issue.column}" any more (mapped as ${CLAIMS_FIELD_SPECS[issue.field].label.toLowerCase()}); confirm the mapping again.`,
});

/**
 * Checks that `mapping` gives every `required` field and that each mapped column exists in `headers`
 * (compared as Excel compares headers: case-insensitively).
 */
export function checkClaimsMapping(
  tableName: string,
  mapping: ClaimsMapping,
  headers: readonly string[],
  required: readonly ClaimsField[],
): Result<ClaimsMapping, ClaimsMappingIssue> {
  for (const field of required)
    if (mapping[field] === null) return fail({ code: "mappingFieldMissing", tableName, field });
  const known = new Set(headers.map((h) => h.toLowerCase()));
  for (const field of CLAIMS_FIELDS) {
    const column = mapping[field];
    if (column !== null && !known.has(column.toLowerCase())) {
      return fail({ code: "mappingColumnMissing", tableName, field, column });
    }
  }
  return ok(mapping);
}

/**
 * Reads the mapping saved for a table: null when none was saved, an issue when what is stored is not a mapping
 * (edited by hand, or written by a newer version). Office errors reject unchanged.
 */
export async function readClaimsMapping(
  excel: ExcelGateway,
  tableName: string,
): Promise<Result<ClaimsMapping | null, ClaimsMappingIssue>> {
  const parsed = await readSetting(excel, tableSetting("claimsMapping", tableName));
  if (parsed === undefined) return ok(null);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const detail = first === undefined ? "unknown shape" : `${first.path.join(".") || "value"}: ${first.message}`;
    return fail({ code: "mappingUnreadable", tableName, detail });
  }
  return ok(parsed.data.columns);
}

/**
 * The commit step that saves a table's mapping in the workbook's settings (replacing the previous one): an
 * operation that reads claims through a mapping the user just confirmed stores it with its result, so a failed or
 * cancelled operation leaves the earlier mapping as it was.
 */
export function claimsMappingStep(tableName: string, mapping: ClaimsMapping): CommitStep {
  return storeSettingStep(
    tableSetting("claimsMapping", tableName),
    { version: 1, tableName, columns: mapping },
    `save the column mapping of table ${tableName}`,
  );
}
