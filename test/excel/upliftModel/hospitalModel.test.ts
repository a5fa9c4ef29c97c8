/**
 * The uplift model on the sample's hospital claims (issue 14 item 4), through the workbook simulator: a hospital
 * table (its mapping gives Type of Bill) is ranked by MS-DRG over its inpatient stays, one entry per stay at the
 * claim's allowed amount, or by HCPCS or revenue code over its outpatient lines; the sheet's native formulas
 * (evaluated by HyperFormula) give the engine's numbers to the cent.
 */
import { suggestClaimsMapping } from "../../../src/excel/claims/claimsMapping";
import {
  buildUpliftModel,
  describeUpliftModelIssue,
  modelCodeTableRow,
  type BuiltUpliftModel,
  type UpliftModelRequest,
} from "../../../src/excel/upliftModel";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { describeWithSharedData } from "../../support/sharedData";
import { HOSPITAL_SHEET, HOSPITAL_TABLE, hospitalSample, type HospitalSample } from "../varianceReview/hospitalSupport";
import { aModelRequest, cents, comparison } from "./support";

jest.setTimeout(300_000);

const SCENARIO = { kind: "percent", name: "4% on top 5", upliftFraction: 0.04, topN: 5, rankBy: "revenue", overrides: [] } as const; // prettier-ignore

function request(sample: HospitalSample, overrides: Partial<UpliftModelRequest>): UpliftModelRequest {
  return aModelRequest({
    tableName: HOSPITAL_TABLE,
    mapping: suggestClaimsMapping(sample.headers),
    scenarios: [SCENARIO],
    capAtBilled: false,
    ...overrides,
  });
}

async function built(simulator: WorkbookSimulator, modelRequest: UpliftModelRequest): Promise<BuiltUpliftModel> {
  const result = await buildUpliftModel(simulator.excel, modelRequest, { now: () => new Date("2026-01-15T12:00:00Z") }); // prettier-ignore
  if (!result.ok) throw new Error(describeUpliftModelIssue(result.issue));
  return result.value;
}

describeWithSharedData("the uplift model of the sample's hospital claims", () => {
  let sample: HospitalSample;
  const cell = (row: number, header: string) => sample.rows[row]![sample.headers.indexOf(header)];
  const isStay = (row: number) => String(cell(row, "Type of Bill")).startsWith("011");
  beforeAll(() => {
    sample = hospitalSample();
  });

  describe("ranked by MS-DRG", () => {
    let simulator: WorkbookSimulator;
    let model: BuiltUpliftModel;
    beforeAll(async () => {
      simulator = new WorkbookSimulator(sample.snapshot);
      model = await built(simulator, request(sample, { codeKind: "drg", sheetName: "DRG Model" }));
    });

    it("counts each inpatient stay once, at the claim's allowed amount", () => {
      // Every line of a stay carries its Claim Allowed Amount: one per claim id, summed.
      const stays = new Map<string, number>();
      sample.rows.forEach((_, r) => {
        if (isStay(r)) stays.set(String(cell(r, "Claim ID")), Math.round(Number(cell(r, "Claim Allowed Amount")) * 100)); // prettier-ignore
      });
      expect(model.lineCount).toBe(stays.size);
      expect(model.numbers.currentCents).toBe([...stays.values()].reduce((a, b) => a + b, 0));
    });

    it("heads its code table MS-DRG and lists the stays' DRGs by revenue", () => {
      const first = modelCodeTableRow(1);
      expect(simulator.cell("DRG Model", first - 1, 1).value).toBe("MS-DRG");
      expect(simulator.cell("DRG Model", first - 1, 2).value).toBe("Stays");
      expect(String(simulator.cell("DRG Model", 1, 0).value)).toMatch(
        new RegExp(`^${model.lineCount} inpatient stays by MS-DRG \\(all lines\\); revenue is Claim Allowed Amount;`),
      );
      const drgs = new Set(sample.rows.flatMap((_, r) => (isStay(r) ? [String(cell(r, "MS-DRG"))] : [])));
      expect(model.numbers.codes.map((c) => c.hcpcsCode).sort()).toEqual([...drgs].sort());
    });

    it("gives the scenario's current, new and added revenue exactly as the engine computes them", () => {
      const [row] = comparison(simulator, "DRG Model", 1);
      const { result } = model.numbers.scenarios[0]!;
      expect(result.deltaCents).toBeGreaterThan(0);
      expect(cents(row!.current)).toBe(result.currentCents);
      expect(cents(row!.newTotal)).toBe(result.newCents);
      expect(cents(row!.added)).toBe(result.deltaCents);
    });

    it("gives every DRG's revenue exactly as the engine computes it", () => {
      const first = modelCodeTableRow(1);
      model.numbers.codes.forEach((code, i) => {
        expect(simulator.cell("DRG Model", first + i, 1).value).toBe(code.hcpcsCode);
        expect(cents(simulator.cell("DRG Model", first + i, 3).value)).toBe(code.currentCents);
      });
    });
  });

  it("ranks the outpatient lines by revenue code, leaving out the stays' lines", async () => {
    const simulator = new WorkbookSimulator(sample.snapshot);
    const model = await built(simulator, request(sample, { codeKind: "revenueCode", sheetName: "Rev Model" }));
    const outpatient = sample.rows.map((_, r) => r).filter((r) => !isStay(r));
    expect(model.lineCount).toBe(outpatient.length);
    const allowed = outpatient.reduce((sum, r) => sum + Math.round(Number(cell(r, "Allowed Amount") ?? 0) * 100), 0);
    expect(model.numbers.currentCents).toBe(allowed);
    const [row] = comparison(simulator, "Rev Model", 1);
    expect(cents(row!.added)).toBe(model.numbers.scenarios[0]!.result.deltaCents);
  });

  it("ranks by HCPCS code the outpatient lines that have one, and says how many have none", async () => {
    // The sample bills a HCPCS code on every outpatient line; a hospital bills some by revenue code alone.
    const hcpcs = sample.headers.indexOf("HCPCS Code");
    const typeOfBill = sample.headers.indexOf("Type of Bill");
    const blanked = (row: readonly unknown[]) =>
      String(row[hcpcs]).startsWith("C1") && !String(row[typeOfBill]).startsWith("011");
    const withoutHcpcs = sample.rows.filter(blanked).length;
    const snapshot = {
      ...sample.snapshot,
      sheets: sample.snapshot.sheets.map(
        (sheet) =>
        sheet.name !== HOSPITAL_SHEET
          ? sheet
          : { ...sheet, cells: sheet.cells.map((row) => (blanked(row) ? row.map((c, i) => (i === hcpcs ? null : c)) : row)) }, // prettier-ignore
      ),
    };
    const simulator = new WorkbookSimulator(snapshot);
    const model = await built(simulator, request(sample, { codeKind: "hcpcs", sheetName: "HCPCS Model" }));
    const outpatient = sample.rows.filter((_, r) => !isStay(r)).length;
    expect(withoutHcpcs).toBeGreaterThan(0);
    expect(model.lineCount).toBe(outpatient - withoutHcpcs);
    expect(String(simulator.cell("HCPCS Model", 1, 0).value)).toContain(
      `${withoutHcpcs} outpatient lines without a HCPCS code left out`,
    );
  });

  it("refuses a market scenario on a model by MS-DRG, naming why, and writes nothing", async () => {
    const simulator = new WorkbookSimulator(sample.snapshot);
    const before = simulator.sheetNames();
    const market = { kind: "toMarket", name: "To p50", topN: 5, rankBy: "revenue", percentile: 50, payer: null, setting: null, billingClass: null } as const; // prettier-ignore
    const result = await buildUpliftModel(simulator.excel, request(sample, { codeKind: "drg", scenarios: [market] }));
    expect(result.ok ? "built" : describeUpliftModelIssue(result.issue)).toBe(
      'Scenario "To p50": market rates are by HCPCS code; rank the model by HCPCS code to take them.',
    );
    expect(simulator.sheetNames()).toEqual(before);
  });
});
