/**
 * Issue 12 item 1, the OPPS imaging cap in the workbook: importing the CY2025 October files (PPRRVU, GPCI and CMS's
 * OPPSCAP) for Seattle 02402-02 writes each row's caps beside its amounts, and the functions then pay a global CT
 * (74175) at the cap, as the engine's golden test test/engine/contracts/imagingCap.test.ts computes:
 * PPRRVU2025_Oct row 8123: 74175 global 1.82, 7.36, 0.13 -> 355.43 in Seattle;
 * OPPSCAP_Oct row 4988: "74175,,A,02402,02,306.22,306.22"; row 5103: "74175,TC,A,02402,02,216.81,216.81".
 */
import { associated } from "../../functions/support/installShim";
import "../../../src/functions/functions";
import { registryCache } from "../../../src/functions/registryCache";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { importMedicareSchedule } from "../../../src/taskpane/medicare/medicareCommands";
import { describeWithSharedData, readSharedData } from "../../support/sharedData";

const SEATTLE = "02402-02";
const SHEET = "Medicare 2025 Seattle";
const CAP_HEADERS = ["Non-Facility OPPS Cap", "Facility OPPS Cap"];
const CONTRACT = "Cascade Medicare 100%";

/** A Claims sheet to type formulas in, and one contract paying 100% of the Seattle schedule. */
function workbook(): WorkbookSimulator {
  return new WorkbookSimulator(
    {
      sheets: [
        { name: "Claims", cells: [["Claim ID"], ["C-1"]] },
        {
          name: "Contracts",
          cells: [
            ["Contract Name", "Payer", "Effective Start Date", "Method", "Percent", "Medicare Schedule"],
            [CONTRACT, "Cascade Health", "2025-01-01", "Percent of Medicare", 1, "MPFS_2025_0240202"],
          ],
          tables: [{ name: "PayerContracts", address: "A1:F2" }],
        },
      ],
    },
    { customFunctions: associated },
  );
}

async function importSeattle(simulator: WorkbookSimulator, withOppsCap: boolean) {
  return importMedicareSchedule.run(simulator.excel, {
    pprrvuText: readSharedData("cms-pfs/2025-rvu25d/PPRRVU2025_Oct.csv"),
    gpciText: readSharedData("cms-pfs/2025-rvu25d/GPCI2025.csv"),
    oppsCapText: withOppsCap ? readSharedData("cms-pfs/2025-rvu25d/OPPSCAP_Oct.csv") : null,
    oppsCapFileName: "OPPSCAP_Oct.csv",
    locality: SEATTLE,
    sheetName: SHEET,
  });
}

function headersOf(simulator: WorkbookSimulator): string[] {
  const { columns } = simulator.usedSize(SHEET);
  return Array.from({ length: columns }, (_, c) => String(simulator.cell(SHEET, 0, c).value));
}

/** The 0-based sheet row of a code ("74175", "74175-TC") on the schedule sheet. */
function rowOf(simulator: WorkbookSimulator, key: string): number {
  const headers = headersOf(simulator);
  const [code, modifier] = key.split("-");
  const cell = (r: number, header: string) => simulator.cell(SHEET, r, headers.indexOf(header)).value;
  const { rows } = simulator.usedSize(SHEET);
  for (let r = 1; r < rows; r++)
    if (cell(r, "HCPCS Code") === code && (cell(r, "Modifier") ?? "") === (modifier ?? "")) return r;
  throw new Error(`${key} is not on the sheet`);
}

/** The cap cells of a code on the schedule sheet, as [non-facility, facility]. */
function capsOf(simulator: WorkbookSimulator, key: string): unknown[] {
  const headers = headersOf(simulator);
  const row = rowOf(simulator, key);
  return CAP_HEADERS.map((header) => simulator.cell(SHEET, row, headers.indexOf(header)).value);
}

function enter(simulator: WorkbookSimulator, row: number, formula: string): unknown {
  simulator.setCellInput("Claims", row, 0, formula);
  return simulator.cell("Claims", row, 0).value;
}

const MEDICARE_RATE = `=PAYER.MEDICARE_RATE("74175","${SEATTLE}",,,"2025-06-02")`;
const EXPECTED_PAYMENT = `=PAYER.EXPECTED_PAYMENT("${CONTRACT}","74175",,1,,"2025-06-02",11)`;

describeWithSharedData("a Medicare schedule imported with CMS's OPPSCAP file", () => {
  let simulator: WorkbookSimulator;
  let outcome: Awaited<ReturnType<typeof importMedicareSchedule.run>>;
  beforeAll(async () => {
    simulator = workbook();
    outcome = await importSeattle(simulator, true);
    await registryCache.start(simulator.excel);
  }, 120_000);
  afterAll(() => registryCache.start(new WorkbookSimulator().excel));

  it("says how many rows got a cap from the file", () => {
    expect(outcome.ok).toBe(true);
    expect(outcome.message).toMatch(/Wrote the OPPS imaging caps of [\d,]+ rows from OPPSCAP_Oct\.csv\./);
  });

  it("writes the Seattle caps of the global CT and of its technical component beside their amounts", () => {
    expect(headersOf(simulator).slice(-2)).toEqual(CAP_HEADERS);
    expect(capsOf(simulator, "74175")).toEqual([306.22, 306.22]);
    expect(capsOf(simulator, "74175-TC")).toEqual([216.81, 216.81]);
  });

  it("leaves the cap blank for the professional component and for a code CMS does not cap", () => {
    expect(capsOf(simulator, "74175-26").every((cell) => cell === null || cell === "")).toBe(true);
    expect(capsOf(simulator, "99213").every((cell) => cell === null || cell === "")).toBe(true);
  });

  it("pays the global CT at the cap, 306.22, in PAYER.MEDICARE_RATE", () => {
    expect(enter(simulator, 3, MEDICARE_RATE)).toBe(306.22);
  });

  it("pays the global CT at the cap, 306.22, in PAYER.EXPECTED_PAYMENT under a 100%-of-Medicare contract", () => {
    expect(enter(simulator, 4, EXPECTED_PAYMENT)).toBe(306.22);
  });

  it("names the row of the schedule sheet whose cap bound in the pricing trace", () => {
    const trace = String(enter(simulator, 5, EXPECTED_PAYMENT.replace("EXPECTED_PAYMENT", "PRICING_TRACE")));
    const row = rowOf(simulator, "74175") + 1; // Excel's row number
    expect(trace).toContain(`OPPS imaging cap (sheet "${SHEET}" row ${row}): 306.22 is lower than 355.434663275, so the cap is paid`); // prettier-ignore
  });
});

describeWithSharedData("a Medicare schedule imported without the OPPSCAP file", () => {
  let simulator: WorkbookSimulator;
  beforeAll(async () => {
    simulator = workbook();
    const outcome = await importSeattle(simulator, false);
    if (!outcome.ok) throw new Error(outcome.message);
    await registryCache.start(simulator.excel);
  }, 120_000);
  afterAll(() => registryCache.start(new WorkbookSimulator().excel));

  it("has no OPPS cap columns", () => {
    expect(headersOf(simulator).filter((header) => CAP_HEADERS.includes(header))).toEqual([]);
  });

  it("pays the global CT its PFS amount, 355.43, in PAYER.MEDICARE_RATE and PAYER.EXPECTED_PAYMENT", () => {
    expect([enter(simulator, 3, MEDICARE_RATE), enter(simulator, 4, EXPECTED_PAYMENT)]).toEqual([355.43, 355.43]);
  });

  it("says in the pricing trace that the cap was not checked", () => {
    const trace = String(enter(simulator, 5, EXPECTED_PAYMENT.replace("EXPECTED_PAYMENT", "PRICING_TRACE")));
    expect(trace).toMatch(/so the cap on 74175 was not checked/);
  });
});
