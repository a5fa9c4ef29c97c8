/**
 * The sample's hospital formulas in the simulator, as the playground opens them: the PAYER.INPATIENT_PAYMENT and
 * PAYER.OUTPATIENT_PAYMENT formulas beside the Hospital Claims table answer with what the contract says, which is
 * what the payer allowed, except on a claim underpaid on purpose, where they show the planted expected amount.
 */
import { HOSPITAL_TERMS } from "../../../src/playground/sample/hospitalContracts";
import { EXPECTED_FORMULA_HEADER, buildHospitalSheets } from "../../../src/playground/sample/hospitalSheets";
import { buildSampleWorkbook, SAMPLE_DEFAULT_SEED } from "../../../src/playground/sample/sampleWorkbook";
import type { WorkbookSimulator } from "../../../src/playground/simulator";
import { simulatorWithRegistry } from "../../formulas/support";

const SHEET = "Hospital Claims";
const workbook = buildSampleWorkbook(SAMPLE_DEFAULT_SEED);
const planted = buildHospitalSheets(
  20250101,
  workbook.sheets.find((s) => s.name === "Contracts")!,
).claims.planted;
let simulator: WorkbookSimulator;

beforeAll(async () => {
  simulator = await simulatorWithRegistry(workbook);
}, 120_000);

/** The sheet's header row, to find columns by name. */
function headers(): string[] {
  const { columns } = simulator.usedSize(SHEET);
  return Array.from({ length: columns }, (_, c) => String(simulator.cell(SHEET, 0, c).value));
}

/** The rows (0-based) holding a formula, with the formula's claim and the value each row shows. */
function formulaRows(prefix: string) {
  const h = headers();
  const formulaColumn = h.indexOf(EXPECTED_FORMULA_HEADER);
  const at = (row: number, header: string) => simulator.cell(SHEET, row, h.indexOf(header)).value;
  const cents = (value: unknown) => Math.round(Number(value) * 100);
  const rows: { claimId: string; shown: number[]; allowed: number[] }[] = [];
  for (let row = 1; row < simulator.usedSize(SHEET).rows; row++) {
    const formula = simulator.cell(SHEET, row, formulaColumn).formula;
    if (typeof formula !== "string" || !formula.startsWith(prefix)) continue;
    const claimId = String(at(row, "Claim ID"));
    const claimRows: number[] = [];
    for (let r = row; r < simulator.usedSize(SHEET).rows && at(r, "Claim ID") === claimId; r++) claimRows.push(r);
    const inpatient = prefix.includes("INPATIENT");
    const lines = inpatient ? [row] : claimRows;
    rows.push({
      claimId,
      shown: lines.map((r) => cents(simulator.cell(SHEET, r, formulaColumn).value)),
      allowed: lines.map((r) => cents(at(r, inpatient ? "Claim Allowed Amount" : "Allowed Amount"))),
    });
  }
  return rows;
}

/** What a formula should show: the allowed amounts, with a planted claim's shortfall put back on its total. */
function contractAmount(claimId: string, allowed: readonly number[]): number {
  const plant = planted.find((p) => p.claimId === claimId);
  return allowed.reduce((sum, a) => sum + a, 0) + (plant === undefined ? 0 : plant.expectedCents - plant.allowedCents);
}

describe("the Hospital Claims sheet's formulas, evaluated", () => {
  it("show PAYER.INPATIENT_PAYMENT on three stays, each the contract's amount for the stay", () => {
    const stays = formulaRows("=PAYER.INPATIENT_PAYMENT(");
    expect(stays).toHaveLength(3);
    expect(stays.map((s) => s.shown[0])).toEqual(stays.map((s) => contractAmount(s.claimId, s.allowed)));
  });

  it("show PAYER.OUTPATIENT_PAYMENT spilled over the lines of three outpatient claims, each line's amount", () => {
    const visits = formulaRows("=PAYER.OUTPATIENT_PAYMENT(");
    expect(visits).toHaveLength(3);
    const unplanted = visits.filter((v) => !planted.some((p) => p.claimId === v.claimId));
    expect(unplanted.map((v) => v.shown)).toEqual(unplanted.map((v) => v.allowed));
    expect(visits.map((v) => v.shown.reduce((s, a) => s + a, 0))).toEqual(visits.map((v) => contractAmount(v.claimId, v.allowed))); // prettier-ignore
  });

  it("include the DRG 470 case rate stay: the contract's $24,500.00, not base rate x weight", () => {
    const stays = formulaRows("=PAYER.INPATIENT_PAYMENT(");
    const h = headers();
    const drgOf = (claimId: string) => {
      for (let r = 1; r < simulator.usedSize(SHEET).rows; r++)
        if (simulator.cell(SHEET, r, h.indexOf("Claim ID")).value === claimId) return simulator.cell(SHEET, r, h.indexOf("MS-DRG")).value; // prettier-ignore
      return null;
    };
    expect(stays.filter((s) => drgOf(s.claimId) === "470").map((s) => s.shown[0])).toEqual([
      HOSPITAL_TERMS.caseRate * 100,
    ]);
  });
});
