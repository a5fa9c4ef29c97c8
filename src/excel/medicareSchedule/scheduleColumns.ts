/**
 * The columns of a Medicare schedule sheet as the import writes it, declared once: headers come from the registry's
 * MEDICARE_SCHEDULE_SPEC (so what is written is what readRegistry reads), each with its kind, number format and the
 * value it takes from a PPRRVU row. The two rate columns are native Excel formulas over their own row,
 * [(work RVU x work GPCI) + (PE RVU x PE GPCI) + (MP RVU x MP GPCI)] x CF rounded half-up to cents (DOMAIN.md 2.1), so the
 * sheet reads right in Excel without the add-in; every other cell is a value.
 */
import type { Decimal } from "../../engine";
import type { LocalityGpci } from "../../engine";
import type { PfsRvuRow } from "../../engine";
import { columnLetters } from "../core/columnLetters";
import { MEDICARE_SCHEDULE_SPEC } from "../registry/registryTables";
import type { CellValue, ColumnKind, TableColumn, TableWriteRequest } from "../core/tableWriter";

/** What a schedule row is written from: the PPRRVU row, the locality's GPCIs and the conversion factor. */
interface RowSource {
  readonly row: PfsRvuRow;
  readonly locality: LocalityGpci;
  readonly conversionFactor: Decimal;
}

/** A value column: header, kind, number format, and its cell for one row. */
interface ValueColumn {
  readonly header: string;
  readonly kind: Exclude<ColumnKind, "formula">;
  readonly numberFormat?: string;
  readonly value: (source: RowSource) => CellValue;
}

/** A rate column: a formula over the row, built from the letters of the columns it uses. */
interface RateColumn {
  readonly header: string;
  readonly kind: "formula";
  readonly numberFormat: string;
  readonly peRvuHeader: string;
}

type ScheduleColumn = ValueColumn | RateColumn;

const header = (field: keyof typeof MEDICARE_SCHEDULE_SPEC.columns): string =>
  MEDICARE_SCHEDULE_SPEC.columns[field].header;
const number = (value: Decimal): number => Number(value.toString());
const RVU = "0.00";
const GPCI = "0.000";

/** The header of the non-facility and facility rate columns (the same words as fee schedule tables use). */
export const NON_FACILITY_RATE_HEADER = "Non-Facility Rate";
export const FACILITY_RATE_HEADER = "Facility Rate";
/** PRIC IND, written only when the file has it (CY2026 on). */
export const PRICING_INDICATOR_HEADER = "Pricing Indicator";

const text =
  (pick: (row: PfsRvuRow) => string | null): ValueColumn["value"] =>
  ({ row }) =>
    pick(row);

/** Every column in sheet order; the pricing indicator is dropped when the file has none. */
const COLUMNS: readonly ScheduleColumn[] = [
  { header: header("hcpcsCode"), kind: "text", value: text((r) => r.hcpcsCode) },
  { header: header("modifier"), kind: "text", value: text((r) => r.modifier) },
  { header: header("statusCode"), kind: "text", value: text((r) => r.statusCode) },
  { header: header("workRvu"), kind: "number", numberFormat: RVU, value: ({ row }) => number(row.workRvu) },
  { header: header("nonFacilityPeRvu"), kind: "number", numberFormat: RVU, value: ({ row }) => number(row.nonFacilityPeRvu) }, // prettier-ignore
  { header: header("nonFacilityNaIndicator"), kind: "text", value: text((r) => (r.nonFacilityNaIndicator ? "NA" : null)) }, // prettier-ignore
  { header: header("facilityPeRvu"), kind: "number", numberFormat: RVU, value: ({ row }) => number(row.facilityPeRvu) },
  { header: header("facilityNaIndicator"), kind: "text", value: text((r) => (r.facilityNaIndicator ? "NA" : null)) },
  { header: header("malpracticeRvu"), kind: "number", numberFormat: RVU, value: ({ row }) => number(row.malpracticeRvu) }, // prettier-ignore
  { header: header("pctcIndicator"), kind: "text", value: text((r) => r.pctcIndicator) },
  { header: header("globalDays"), kind: "text", value: text((r) => r.globalDays) },
  { header: header("preOperativeFraction"), kind: "number", numberFormat: RVU, value: ({ row }) => number(row.preOperativeFraction) }, // prettier-ignore
  { header: header("intraOperativeFraction"), kind: "number", numberFormat: RVU, value: ({ row }) => number(row.intraOperativeFraction) }, // prettier-ignore
  { header: header("postOperativeFraction"), kind: "number", numberFormat: RVU, value: ({ row }) => number(row.postOperativeFraction) }, // prettier-ignore
  { header: header("multipleProcedureIndicator"), kind: "text", value: text((r) => r.multipleProcedureIndicator) },
  { header: header("bilateralIndicator"), kind: "text", value: text((r) => r.bilateralIndicator) },
  { header: header("assistantSurgeryIndicator"), kind: "text", value: text((r) => r.assistantSurgeryIndicator) },
  { header: header("coSurgeryIndicator"), kind: "text", value: text((r) => r.coSurgeryIndicator) },
  { header: header("teamSurgeryIndicator"), kind: "text", value: text((r) => r.teamSurgeryIndicator) },
  { header: PRICING_INDICATOR_HEADER, kind: "text", value: text((r) => r.pricingIndicator) },
  { header: header("endoscopicBaseCode"), kind: "text", value: text((r) => r.endoscopicBaseCode) },
  {
    header: header("workGpci"),
    kind: "number",
    numberFormat: GPCI,
    value: ({ locality }) => number(locality.workGpci),
  },
  { header: header("peGpci"), kind: "number", numberFormat: GPCI, value: ({ locality }) => number(locality.peGpci) },
  { header: header("malpracticeGpci"), kind: "number", numberFormat: GPCI, value: ({ locality }) => number(locality.malpracticeGpci) }, // prettier-ignore
  { header: header("conversionFactor"), kind: "number", numberFormat: "0.0000", value: (s) => number(s.conversionFactor) }, // prettier-ignore
  { header: NON_FACILITY_RATE_HEADER, kind: "formula", numberFormat: "$#,##0.00", peRvuHeader: header("nonFacilityPeRvu") }, // prettier-ignore
  { header: FACILITY_RATE_HEADER, kind: "formula", numberFormat: "$#,##0.00", peRvuHeader: header("facilityPeRvu") },
];

/**
 * The rate formula of one column as a function of the Excel row number, with the letters of the columns it reads:
 * `=ROUND(ROUND((D2*V2+E2*W2+I2*X2)*Y2*100,7),0)/100`. The amount is rounded half-up to cents once, like the
 * engine, exactly: with RVUs of 2 decimals, GPCIs of 3 and a CF of 4 the true amount in cents has at most 7
 * decimals, so the inner ROUND removes the binary noise (29.2 x 33.2875 x 100 is 97199.49999999999 in floating
 * point, truly 97199.5) before the half-up rounding to whole cents; a bare ROUND(x,2) would give 971.99, not 972.00.
 * A1 references (not structured ones) keep each cell short, so a 20,000-row schedule stays within a few requests.
 */
function rateFormula(columns: readonly ScheduleColumn[], peRvuHeader: string): (excelRow: number) => string {
  const letter = (name: string) => columnLetters(columns.findIndex((column) => column.header === name));
  const [work, pe, mp] = [header("workRvu"), peRvuHeader, header("malpracticeRvu")].map(letter);
  const [workGpci, peGpci, mpGpci] = [header("workGpci"), header("peGpci"), header("malpracticeGpci")].map(letter);
  const cf = letter(header("conversionFactor"));
  return (n) =>
    `=ROUND(ROUND((${work}${n}*${workGpci}${n}+${pe}${n}*${peGpci}${n}+${mp}${n}*${mpGpci}${n})*${cf}${n}*100,7),0)/100`;
}

/** What a Medicare schedule sheet is made of. */
export interface MedicareScheduleContent {
  readonly sheetName: string;
  readonly tableName: string;
  readonly rows: readonly PfsRvuRow[];
  readonly locality: LocalityGpci;
  /** Written on every row: the registry requires one CF per schedule table. */
  readonly conversionFactor: Decimal;
}

/**
 * The table write of a Medicare schedule: one row per PPRRVU row (code, modifier, status, RVUs, indicators), the
 * locality's GPCIs and the CF on every row, and the non-facility and facility amounts as live formulas.
 */
export function medicareScheduleRequest(content: MedicareScheduleContent): TableWriteRequest {
  const hasPricingIndicator = content.rows.some((row) => row.pricingIndicator !== null);
  const columns = COLUMNS.filter((column) => hasPricingIndicator || column.header !== PRICING_INDICATOR_HEADER);
  const formulas = columns.map((column) =>
    column.kind === "formula" ? rateFormula(columns, column.peRvuHeader) : null,
  );
  const rows = content.rows.map((row, index) => {
    const source: RowSource = { row, locality: content.locality, conversionFactor: content.conversionFactor };
    return columns.map((column, c) => (column.kind === "formula" ? formulas[c]!(index + 2) : column.value(source)));
  });
  return {
    sheetName: content.sheetName,
    tableName: content.tableName,
    columns: columns.map(({ header: name, kind, numberFormat }): TableColumn => ({ name, kind, numberFormat })),
    rows,
  };
}
