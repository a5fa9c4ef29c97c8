/**
 * Issue 14 "Done when", through the workbook: hospital contracts declared in the registry tables, the CMS tables
 * holding rows of the real files (../shared/data), and PAYER.INPATIENT_PAYMENT / PAYER.OUTPATIENT_PAYMENT typed as
 * formulas show the amounts the engine's golden tests compute by hand, in one cell and as spilled columns; bad input
 * answers an error value with a message saying what to fix.
 */
import type { CellInput, SheetSnapshot, WorkbookSimulator } from "../../src/playground/simulator";
import { cellAt, typeInto } from "../playground/simulator/helpers";
import { describeWithSharedData } from "../support/sharedData";
import { hospitalRows, hospitalWorkbook } from "./hospitalWorkbook";
import { afterRefresh, simulatorWithRegistry } from "./support";

const STAY_HEADERS = ["Contract", "DRG", "Admit Date", "Discharge Date", "Total Charges", "Discharge Status"];
/** Stays with the amount each should show (the arithmetic in the test names below). */
const STAYS: readonly [CellInput[], number][] = [
  [["Mercy Hospital PPO", 470, "2025-11-03", "2025-11-05", 60000, "01"], 19289],
  [["Mercy Hospital PPO", 291, "2025-11-03", "2025-11-04", 30000, 2], 6756.84],
  [["Mercy Hospital PPO", 470, "2026-02-08", "2026-02-10", 60000, null], 20253.45],
  [["Mercy Behavioral", 885, "2025-03-01", "2025-03-08", 30000, null], 12000],
  [["Mercy Behavioral", 470, "2025-03-01", "2025-03-08", 40000, null], 20000],
  [["Mercy Behavioral", 885, "2025-03-01", "2025-03-08", 250000, null], 125000],
];

const LINE_HEADERS = [
  "Contract",
  "Claim ID",
  "Revenue Code",
  "HCPCS Code",
  "Units",
  "Charge",
  "Service Date",
  "Modifier",
];
/** Outpatient claim lines with the amount each should show. */
const LINES: readonly [CellInput[], number][] = [
  [["Mercy Hospital PPO", "OP-1", "0360", "27447", 1, 48000, "2025-03-10", null], 16984.2],
  [["Mercy Hospital PPO", "OP-1", "0260", "96374", 1, 900, "2025-03-10", null], 0],
  [["Mercy Hospital PPO", "OP-1", "0278", "C1776", 1, 9000, "2025-03-10", null], 0],
  [["Mercy Hospital PPO", "OP-1", "0636", "J2405", 1, 60, "2025-03-10", null], 0],
  [["Mercy Hospital PPO", "OP-1", "0300", "85025", 1, 45, "2025-03-10", null], 0],
  [["Mercy Hospital PPO", "OP-1", 270, null, 4, 400, "2025-03-10", null], 0],
  [["Valley Hospital", "OP-2", "0360", "10060", 1, 700, "2025-03-10", null], 111.27],
  [["Valley Hospital", "OP-2", "0360", "20610", 1, 800, "2025-03-10", null], 330.61],
  [["Valley Hospital", "OP-3", "0360", "10060", 1, 700, "2025-03-12", null], 222.54],
  [["Valley Hospital", "OP-3", "0360", "12002", 1, 500, "2025-03-12", null], 0],
  [["Valley Hospital", "OP-3", "0636", "J2250", 1, 40, "2025-03-12", null], 0],
  [["Mercy Rev Codes", "OP-4", "0450", "99284", 1, 1200, "2025-04-02", null], 450],
  [["Mercy Rev Codes", "OP-4", "0450", null, 1, 300, "2025-04-02", null], 0],
  [["Mercy Rev Codes", "OP-4", "0300", "85025", 3, 135, "2025-04-02", null], 75],
  [["Mercy Rev Codes", "OP-4", "0278", "C1776", 1, 5000, "2025-04-02", null], 2000],
];

const table = (name: string, headers: string[], rows: readonly [CellInput[], number][]): SheetSnapshot => ({
  name,
  cells: [headers, ...rows.map(([cells]) => cells)],
  tables: [{ name, address: `A1:${String.fromCharCode(64 + headers.length)}${rows.length + 1}` }],
});

const INPATIENT_COLUMN =
  "=PAYER.INPATIENT_PAYMENT(Stays[Contract], Stays[DRG], Stays[Admit Date], Stays[Discharge Date], Stays[Total Charges], Stays[Discharge Status])";
const OUTPATIENT_COLUMN =
  "=PAYER.OUTPATIENT_PAYMENT(Lines[Contract], Lines[Claim ID], Lines[Revenue Code], Lines[HCPCS Code], Lines[Units], Lines[Charge], Lines[Service Date], Lines[Modifier])";

let simulator: WorkbookSimulator;

describeWithSharedData("hospital contracts priced by formulas in the workbook", () => {
  beforeAll(async () => {
    const check: SheetSnapshot = { name: "Check", cells: [["Inpatient", "Outpatient", "One stay"], [INPATIENT_COLUMN, OUTPATIENT_COLUMN]] }; // prettier-ignore
    simulator = await simulatorWithRegistry(
      hospitalWorkbook(hospitalRows(), [
        table("Stays", STAY_HEADERS, STAYS),
        table("Lines", LINE_HEADERS, LINES),
        check,
      ]),
    );
  }, 60_000);

  /** What a formula typed into a free cell shows: its value, or its error and message. */
  async function typed(formula: string) {
    typeInto(simulator, "Check", "C2", formula);
    await afterRefresh(simulator);
    const { value, errorMessage } = cellAt(simulator, "Check", "C2");
    return errorMessage === undefined || errorMessage === null ? value : { value, message: errorMessage };
  }
  const stay = (contract: string, drg: CellInput, admit: string, discharge: string, charges: number, rest = "") =>
    `=PAYER.INPATIENT_PAYMENT("${contract}", ${JSON.stringify(drg)}, "${admit}", "${discharge}", ${charges}${rest})`;

  describe("PAYER.INPATIENT_PAYMENT in one cell", () => {
    it("pays DRG 470 discharged 2025-11-05 at the contracted base rate: FY2026 weight 1.9289 x $10,000.00 = $19,289.00", async () =>
      expect(await typed(stay("Mercy Hospital PPO", 470, "2025-11-03", "2025-11-05", 60000))).toBe(19289));

    it("weights a stay discharged 2025-09-30 with FY2025's table: 1.8855 x $10,000.00 = $18,855.00", async () =>
      expect(await typed(stay("Mercy Hospital PPO", 470, "2025-09-27", "2025-09-30", 60000))).toBe(18855));

    it("pays an acute transfer (02) after 1 day by the GMLOS per diem: DRG 291 $12,838.00 / 3.8 x 2 days = $6,756.84", async () =>
      expect(await typed(stay("Mercy Hospital PPO", 291, "2025-11-03", "2025-11-04", 30000, ', "02"'))).toBe(6756.84));

    it("takes the 2026 version for a 2026 discharge: 1.9289 x $10,500.00 = $20,253.45", async () =>
      expect(await typed(stay("Mercy Hospital PPO", "470", "2026-02-08", "2026-02-10", 60000))).toBe(20253.45));

    it("pays a per diem stay of 7 days by CMS's tiers: 3 x $2,000 + 2 x $1,800 + 2 x $1,200 = $12,000.00", async () =>
      expect(await typed(stay("Mercy Behavioral", 885, "2025-03-01", "2025-03-08", 30000))).toBe(12000));

    it("pays the case rate instead of the per diem: DRG 470 $20,000.00 beats 7 days' $12,000.00", async () =>
      expect(await typed(stay("Mercy Behavioral", 470, "2025-03-01", "2025-03-08", 40000))).toBe(20000));

    it("pays a claim over $200,000 at 50% of charges (first-dollar stop-loss): $250,000 x 50% = $125,000.00", async () =>
      expect(await typed(stay("Mercy Behavioral", 885, "2025-03-01", "2025-03-08", 250000))).toBe(125000));

    it("counts covered days over the dates: per diem of 4 covered days = 3 x $2,000 + $1,800 = $7,800.00", async () =>
      expect(await typed(stay("Mercy Behavioral", 885, "2025-03-01", "2025-03-08", 30000, ", , 4"))).toBe(7800));
  });

  describe("PAYER.INPATIENT_PAYMENT as a spilled column", () => {
    it("gives every stay of the table its amount, in order", () =>
      expect(STAYS.map((_, r) => simulator.cell("Check", r + 1, 0).value)).toEqual(STAYS.map(([, amount]) => amount)));
  });

  describe("PAYER.OUTPATIENT_PAYMENT as a spilled column, each claim priced as a whole", () => {
    const shown = () => LINES.map((_, r) => simulator.cell("Check", r + 1, 1).value);

    it("pays a J1 claim once at 150% of OPPS, wage index 0.8: 27447 $12,866.82 x 0.88 x 150% = $16,984.20, the rest packaged", () =>
      expect(shown().slice(0, 6)).toEqual([16984.2, 0, 0, 0, 0, 0]));

    it("discounts a T pair at wage index 1.2: 20610 $295.19 x 1.12 = $330.61; 10060 $198.70 x 1.12 x 50% = $111.27", () =>
      expect(shown().slice(6, 8)).toEqual([111.27, 330.61]));

    it("packages an N drug and a Q1 repair with a T procedure: 10060 $198.70 x 1.12 = $222.54, 12002 and J2250 $0", () =>
      expect(shown().slice(8, 11)).toEqual([222.54, 0, 0]));

    it("pays revenue code rates and the implant carve-out: ER $450.00 once per visit, lab 3 x $25.00, 0278 $5,000 x 40%", () =>
      expect(shown().slice(11)).toEqual([450, 0, 75, 2000]));
  });

  describe("bad input answers an error that says what to fix", () => {
    it.each([
      ["a contract without inpatient terms", stay("Valley Hospital", 470, "2025-11-03", "2025-11-05", 60000), "#N/A", 'Contract "Valley Hospital" has no inpatient terms: add its row to the InpatientTerms table.'], // prettier-ignore
      ["an empty contract", stay("", 470, "2025-11-03", "2025-11-05", 60000), "#VALUE!", "contract is required: a contract name from the PayerContracts table, with its terms in InpatientTerms."], // prettier-ignore
      ["a contract the registry lacks", stay("Nowhere Hospital", 470, "2025-11-03", "2025-11-05", 60000), "#N/A", 'There is no contract named "Nowhere Hospital". Known contracts: Mercy Behavioral, Mercy Hospital PPO, Mercy Rev Codes, Mercy Two Levels, Valley Hospital.'], // prettier-ignore
      ["a per diem contract of two levels, which needs revenue lines", stay("Mercy Two Levels", 885, "2025-03-01", "2025-03-08", 30000), "#N/A", 'Contract "Mercy Two Levels" pays per diem at 2 levels of care (Medical/Surgical 0110-0159; Intensive Care 0200-0209): the days at each level come from the stay\'s room-and-board revenue lines, which PAYER.INPATIENT_PAYMENT does not take. It prices a per diem contract of one level, or a DRG with a case rate.'], // prettier-ignore
      ["a DRG typed with the letter O", stay("Mercy Hospital PPO", "47O", "2025-11-03", "2025-11-05", 60000), "#VALUE!", '"47O" is not an MS-DRG: expected a number from 1 to 999 like 470 or 039.'], // prettier-ignore
      ["an empty admit date", stay("Mercy Hospital PPO", 470, "", "2025-11-05", 60000), "#VALUE!", "admit_date row 1 is empty: give the admission date, like 2025-03-01."], // prettier-ignore
      ["a discharge before the admission", stay("Mercy Hospital PPO", 470, "2025-11-05", "2025-11-03", 60000), "#VALUE!", "The discharge date 2025-11-03 is before the admit date 2025-11-05."], // prettier-ignore
      ["a discharge before every version", stay("Mercy Hospital PPO", 470, "2024-06-01", "2024-06-03", 60000), "#N/A", 'No version of contract "Mercy Hospital PPO" is in effect on 2024-06-03; its versions cover 2025-01-01 to 2025-12-31, 2026-01-01 to 9999-12-31.'], // prettier-ignore
      ["total charges of 1e20", stay("Mercy Hospital PPO", 470, "2025-11-03", "2025-11-05", 1e20), "#VALUE!", "total_charges: 100,000,000,000,000,000,000 is outside the range of the total charges of one stay: $0 to $100,000,000."], // prettier-ignore
      ["a discharge status of three digits", stay("Mercy Hospital PPO", 470, "2025-11-03", "2025-11-05", 60000, ', "102"'), "#VALUE!", '"102" is not a patient discharge status: expected the 2-digit UB-04 code like 01 (home) or 02 (short-term hospital).'], // prettier-ignore
    ])("%s", async (_what, formula, value, message) => expect(await typed(formula)).toEqual({ value, message }));
  });

  // Last: it changes the workbook the tests above read.
  describe("after an edit of the hospital terms", () => {
    it("follows a base rate typed into InpatientTerms: 1.9289 x $11,000.00 = $21,217.90", async () => {
      const headers = simulator.usedSize("InpatientTerms").columns;
      const baseRate = Array.from({ length: headers }, (_, c) => simulator.cell("InpatientTerms", 0, c).value).indexOf("Base Rate"); // prettier-ignore
      simulator.setCellInput("InpatientTerms", 1, baseRate, "11000");
      await afterRefresh(simulator);
      expect(simulator.cell("Check", 1, 0).value).toBe(21217.9);
    });
  });
});
