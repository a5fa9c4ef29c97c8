/**
 * What an imported CMS file becomes in its registered table: an MS-DRG weights table of one fiscal year as rows of
 * MsDrgWeights, an Addendum B of one quarter as rows of OppsRates. Cells are keyed by the column dictionary's fields,
 * so the header texts and the order of the columns come from the specs (hospitalRateTables.ts) alone.
 */
import type { DrgWeightTable, IsoDate, OppsTable } from "../../engine";
import type { CellValue } from "../core/tableWriter";
import { MS_DRG_WEIGHTS_SPEC, OPPS_RATES_SPEC } from "../registry/hospitalRateTables";

/** One row by field of its spec. */
export type RowByField<F extends string> = Readonly<Record<F, CellValue>>;

type DrgField = keyof typeof MS_DRG_WEIGHTS_SPEC.columns;
type OppsField = keyof typeof OPPS_RATES_SPEC.columns;

/** CMS's flags as the registry reads them (yesNoCell) and as Table 5 users know them. */
const yesNo = (flag: boolean) => (flag ? "Y" : "N");

/** The MsDrgWeights rows of one fiscal year's weights, in the file's order. */
export function drgWeightCells(table: DrgWeightTable): RowByField<DrgField>[] {
  return [...table.rows.values()].map((row) => ({
    drg: row.drg,
    fiscalYear: table.fiscalYear,
    weight: row.weight.toNumber(),
    gmlos: row.geometricMeanLengthOfStay.toNumber(),
    amlos: row.arithmeticMeanLengthOfStay.toNumber(),
    postAcute: yesNo(row.postAcuteTransfer),
    specialPay: yesNo(row.specialPay),
    description: row.description,
  }));
}

/** The OppsRates rows of one quarter's Addendum B, in the file's order; blank rates and weights stay blank. */
export function oppsRateCells(table: OppsTable): RowByField<OppsField>[] {
  const start: IsoDate = table.effectiveStartDate;
  return [...table.rows.values()].map((row) => ({
    hcpcsCode: row.hcpcsCode,
    effectiveStartDate: start,
    statusIndicator: row.statusIndicator,
    apc: row.apc,
    relativeWeight: row.relativeWeight?.toNumber() ?? null,
    // Dollars as numbers, like every money column the add-in writes; CMS's third decimal ($316.986) is kept.
    paymentRate: row.paymentRate?.toNumber() ?? null,
  }));
}
