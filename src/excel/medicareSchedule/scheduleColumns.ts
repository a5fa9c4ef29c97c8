/**
 * The columns of a Medicare schedule sheet as the import writes it: MEDICARE_SCHEDULE_SPEC declares them (header,
 * kind, number format, order), so what is written is what readRegistry reads; this module gives each its cell for one
 * PPRRVU row. The two rate columns are native Excel formulas over their own row,
 * [(work RVU x work GPCI) + (PE RVU x PE GPCI) + (MP RVU x MP GPCI)] x CF rounded half-up to cents (DOMAIN.md 2.1), so the
 * sheet reads right in Excel without the add-in; every other cell is a value. With CMS's OPPSCAP file, two more
 * columns hold each row's OPPS imaging cap in the locality (blank where CMS lists none), which the registry reads back
 * into the engine's cap table. With CMS's ANES file, one more column holds the locality's anesthesia conversion factor
 * on every row.
 */
import type { Decimal } from "../../engine";
import type { LocalityGpci } from "../../engine";
import type { PfsRvuRow } from "../../engine";
import { findOppsCap, type OppsCapRow, type OppsCapTable } from "../../engine";
import { columnLetters } from "../core/columnLetters";
import { tableColumnsOf } from "../registry/columnDictionary";
import { MEDICARE_SCHEDULE_SPEC } from "../registry/registryTables";
import type { CellValue, TableWriteRequest } from "../core/tableWriter";

/** What a schedule row is written from: the PPRRVU row, the locality's GPCIs, the conversion factor, its OPPS cap. */
interface RowSource {
  readonly row: PfsRvuRow;
  readonly locality: LocalityGpci;
  readonly conversionFactor: Decimal;
  /** The OPPSCAP row of the code and modifier in the locality; undefined where CMS lists none or no file was given. */
  readonly cap: OppsCapRow | undefined;
  /** The locality's anesthesia CF from CMS's ANES file; undefined when no file was given. */
  readonly anesthesiaConversionFactor: Decimal | undefined;
}

type Columns = typeof MEDICARE_SCHEDULE_SPEC.columns;
type Field = keyof Columns;
/** The rate columns: formulas, whose cells are built from the letters of the columns they read. */
type RateField = { [F in Field]: Columns[F]["written"] extends "formula" ? F : never }[Field];

/** A value cell for one row, or, for a rate column, the PE RVU column its formula reads. */
type CellSource = ((source: RowSource) => CellValue) | { readonly peRvu: "nonFacilityPeRvu" | "facilityPeRvu" };

const header = (field: Field): string => MEDICARE_SCHEDULE_SPEC.columns[field].header;
const number = (value: Decimal): number => Number(value.toString());

/** The header of the non-facility and facility rate columns (the same words as fee schedule tables use). */
export const NON_FACILITY_RATE_HEADER = header("nonFacilityRate");
export const FACILITY_RATE_HEADER = header("facilityRate");
/** PRIC IND, written only when the file has it (CY2026 on). */
export const PRICING_INDICATOR_HEADER = header("pricingIndicator");

const text =
  (pick: (row: PfsRvuRow) => string | null) =>
  ({ row }: RowSource): CellValue =>
    pick(row);
const rvu =
  (pick: (row: PfsRvuRow) => Decimal) =>
  ({ row }: RowSource): CellValue =>
    number(pick(row));

/** Each column's cell, by field: the compiler asks for one for every column the spec declares. */
const CELLS = {
  hcpcsCode: text((r) => r.hcpcsCode),
  modifier: text((r) => r.modifier),
  statusCode: text((r) => r.statusCode),
  workRvu: rvu((r) => r.workRvu),
  nonFacilityPeRvu: rvu((r) => r.nonFacilityPeRvu),
  nonFacilityNaIndicator: text((r) => (r.nonFacilityNaIndicator ? "NA" : null)),
  facilityPeRvu: rvu((r) => r.facilityPeRvu),
  facilityNaIndicator: text((r) => (r.facilityNaIndicator ? "NA" : null)),
  malpracticeRvu: rvu((r) => r.malpracticeRvu),
  pctcIndicator: text((r) => r.pctcIndicator),
  globalDays: text((r) => r.globalDays),
  preOperativeFraction: rvu((r) => r.preOperativeFraction),
  intraOperativeFraction: rvu((r) => r.intraOperativeFraction),
  postOperativeFraction: rvu((r) => r.postOperativeFraction),
  multipleProcedureIndicator: text((r) => r.multipleProcedureIndicator),
  bilateralIndicator: text((r) => r.bilateralIndicator),
  assistantSurgeryIndicator: text((r) => r.assistantSurgeryIndicator),
  coSurgeryIndicator: text((r) => r.coSurgeryIndicator),
  teamSurgeryIndicator: text((r) => r.teamSurgeryIndicator),
  pricingIndicator: text((r) => r.pricingIndicator),
  endoscopicBaseCode: text((r) => r.endoscopicBaseCode),
  workGpci: ({ locality }) => number(locality.workGpci),
  peGpci: ({ locality }) => number(locality.peGpci),
  malpracticeGpci: ({ locality }) => number(locality.malpracticeGpci),
  conversionFactor: (s) => number(s.conversionFactor),
  nonFacilityRate: { peRvu: "nonFacilityPeRvu" },
  facilityRate: { peRvu: "facilityPeRvu" },
  nonFacilityOppsCap: ({ cap }) => (cap === undefined ? null : number(cap.nonFacilityPrice)),
  facilityOppsCap: ({ cap }) => (cap === undefined ? null : number(cap.facilityPrice)),
  anesthesiaConversionFactor: (s) =>
    s.anesthesiaConversionFactor === undefined ? null : number(s.anesthesiaConversionFactor),
} satisfies { readonly [F in Exclude<Field, RateField>]: (source: RowSource) => CellValue } & {
  readonly [F in RateField]: { readonly peRvu: "nonFacilityPeRvu" | "facilityPeRvu" };
};

/** Every field in sheet order (the spec's); the pricing indicator is dropped when the file has none. */
const FIELDS = Object.keys(MEDICARE_SCHEDULE_SPEC.columns) as Field[];
/** Written only with an OPPSCAP file: without them the registry knows the cap was not checked (not "no cap"). */
const OPPS_CAP_FIELDS: readonly Field[] = ["nonFacilityOppsCap", "facilityOppsCap"];
/** Written only with an ANES file: without it the registry knows the anesthesia CF was not imported. */
const ANESTHESIA_CF_FIELD: Field = "anesthesiaConversionFactor";

/**
 * The rate formula of one column as a function of the Excel row number, with the letters of the columns it reads:
 * `=ROUND(ROUND((D2*V2+E2*W2+I2*X2)*Y2*100,7),0)/100`. The amount is rounded half-up to cents once, like the
 * engine, exactly: with RVUs of 2 decimals, GPCIs of 3 and a CF of 4 the true amount in cents has at most 7
 * decimals, so the inner ROUND removes the binary noise (29.2 x 33.2875 x 100 is 97199.49999999999 in floating
 * point, truly 97199.5) before the half-up rounding to whole cents; a bare ROUND(x,2) would give 971.99, not 972.00.
 * A1 references (not structured ones) keep each cell short, so a 20,000-row schedule stays within a few requests.
 */
function rateFormula(fields: readonly Field[], peRvu: Field): (excelRow: number) => string {
  const letter = (field: Field) => columnLetters(fields.indexOf(field));
  const [work, pe, mp] = (["workRvu", peRvu, "malpracticeRvu"] as const).map(letter);
  const [workGpci, peGpci, mpGpci] = (["workGpci", "peGpci", "malpracticeGpci"] as const).map(letter);
  const cf = letter("conversionFactor");
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
  /** CMS's OPPSCAP table: given, each row's caps in the locality are written in two more columns. */
  readonly oppsCap?: OppsCapTable;
  /** The locality's anesthesia CF (CMS's ANES file): given, it is written on every row, like the CF. */
  readonly anesthesiaConversionFactor?: Decimal;
}

/**
 * The table write of a Medicare schedule: one row per PPRRVU row (code, modifier, status, RVUs, indicators), the
 * locality's GPCIs and the CF on every row, the non-facility and facility amounts as live formulas, and, with an
 * OPPSCAP table, the row's two OPPS caps in the locality.
 */
export function medicareScheduleRequest(content: MedicareScheduleContent): TableWriteRequest {
  const hasPricingIndicator = content.rows.some((row) => row.pricingIndicator !== null);
  const { oppsCap, anesthesiaConversionFactor } = content;
  const fields = FIELDS.filter(
    (field) =>
      (hasPricingIndicator || field !== "pricingIndicator") &&
      (oppsCap !== undefined || !OPPS_CAP_FIELDS.includes(field)) &&
      (anesthesiaConversionFactor !== undefined || field !== ANESTHESIA_CF_FIELD),
  );
  const cells = fields.map((field): ((source: RowSource, excelRow: number) => CellValue) => {
    const cell: CellSource = CELLS[field];
    if (typeof cell === "function") return cell;
    const formula = rateFormula(fields, cell.peRvu);
    return (_, excelRow) => formula(excelRow);
  });
  const rows = content.rows.map((row, index) => {
    const cap = oppsCap === undefined ? undefined : findOppsCap(oppsCap, row, content.locality);
    const { locality, conversionFactor } = content;
    const source: RowSource = { row, locality, conversionFactor, cap, anesthesiaConversionFactor };
    return cells.map((cell) => cell(source, index + 2));
  });
  const columns = Object.fromEntries(fields.map((field) => [field, MEDICARE_SCHEDULE_SPEC.columns[field]]));
  return { sheetName: content.sheetName, tableName: content.tableName, columns: tableColumnsOf(columns), rows };
}
