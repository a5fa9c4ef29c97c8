/**
 * The sample workbook's hospital side, as the variance review reads it: its
 * Hospital Claims table, the underpayments its generator planted (hospitalSheets.ts), and a review request.
 */
import { suggestClaimsMapping } from "../../../src/excel/claims/claimsMapping";
import { columnLetters } from "../../../src/excel/core/columnLetters";
import type { VarianceReviewRequest } from "../../../src/excel/varianceReview";
import type { PlantedUnderpayment } from "../../../src/playground/sample/hospitalLines";
import { buildHospitalSheets } from "../../../src/playground/sample/hospitalSheets";
import { buildSampleWorkbook, SAMPLE_DEFAULT_SEED } from "../../../src/playground/sample/sampleWorkbook";
import type { CellInput, WorkbookSnapshot } from "../../../src/playground/simulator";

/** The sheet and table of the sample's hospital claims. */
export const HOSPITAL_SHEET = "Hospital Claims";
export const HOSPITAL_TABLE = "HospitalClaims";

/** The hospital sample as the review sees it. */
export interface HospitalSample {
  readonly snapshot: WorkbookSnapshot;
  readonly headers: readonly string[];
  /** The table's body rows, as written. */
  readonly rows: readonly (readonly CellInput[])[];
  /** What the generator planted, claim by claim. */
  readonly planted: readonly PlantedUnderpayment[];
}

/**
 * The sample with its hospital side, its Hospital Claims sheet holding the table alone: the column of PAYER formulas
 * beside it (priced by test/playground/sample/hospitalFormulas.test.ts) names rows of the full table, which a smaller
 * table does not keep, and its recalculation would only slow the review down. With `claimIds`, the table keeps only
 * those claims' lines (a small workbook for fault tests).
 */
export function hospitalSample(claimIds?: (ids: readonly string[]) => readonly string[]): HospitalSample {
  const sample = buildSampleWorkbook(SAMPLE_DEFAULT_SEED);
  const contracts = sample.sheets.find((s) => (s.tables ?? []).some((t) => t.name === "PayerContracts"))!;
  const { planted } = buildHospitalSheets(SAMPLE_DEFAULT_SEED, contracts).claims;
  const sheet = sample.sheets.find((s) => s.name === HOSPITAL_SHEET)!;
  const table = sheet.tables!.find((t) => t.name === HOSPITAL_TABLE)!;
  const width = table.address.split(":")[1]!.replace(/\d+/g, "");
  const columns = (sheet.cells[0] ?? []).findIndex((_, i) => columnLetters(i) === width) + 1;
  const [header, ...body] = sheet.cells.map((row) => (row as CellInput[]).slice(0, columns));
  const idColumn = header!.indexOf("Claim ID");
  const allIds = [...new Set(body.map((row) => String(row[idColumn])))];
  const kept = new Set(claimIds === undefined ? allIds : claimIds(allIds));
  const rows = body.filter((row) => kept.has(String(row[idColumn])));
  const last = rows.length + 1;
  const snapshot: WorkbookSnapshot = {
    ...sample,
    sheets: sample.sheets.map((s) =>
      s.name !== HOSPITAL_SHEET
        ? s
        : {
            ...s,
            cells: [header!, ...rows],
            numberFormats: (s.numberFormats ?? [])
              .filter((f) => columnIndex(f.address) < columns)
              .map((f) => ({ ...f, address: f.address.replace(/\d+$/, String(last)) })),
            tables: [{ name: HOSPITAL_TABLE, address: `A1:${width}${last}` }],
          },
    ),
  };
  return { snapshot, headers: header!.map(String), rows, planted: planted.filter((p) => kept.has(p.claimId)) };
}

/** The 0-based column of an address's first cell ("AB2:AB9" -> 27). */
function columnIndex(address: string): number {
  const letters = address.match(/^[A-Z]+/)![0];
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
}

/** A review request for the hospital claims with the default tolerance ($1 and 1%), its mapping as suggested. */
export function aHospitalReviewRequest(
  headers: readonly string[],
  overrides: Partial<VarianceReviewRequest> = {},
): VarianceReviewRequest {
  return {
    tableName: HOSPITAL_TABLE,
    mapping: suggestClaimsMapping(headers),
    payerContracts: {},
    tolerance: { amount: 1, fraction: 0.01, rule: "both" },
    replaceExisting: false,
    ...overrides,
  };
}
