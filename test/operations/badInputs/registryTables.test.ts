/**
 * Bad rows typed into the registry tables of the sample workbook (issue 10, item 5), as a user types them in Excel:
 * PayerContracts, ContractCarveOuts, MedicareSchedules and the fee schedule FS_AcmePPO_2025. After each edit the
 * add-in's registry cache refreshes as it does in Excel; each case asserts what readRegistry reports, word for word,
 * the error value and message PAYER.EXPECTED_PAYMENT answers with for a line the bad row concerns, and that the
 * workbook is exactly as before apart from the cells typed.
 */
import { readRegistry, registryIssueMessage } from "../../../src/excel/registry";
import type { WorkbookDescription, WorkbookSimulator } from "../../../src/playground/simulator";
import { afterRefresh, simulatorWithRegistry } from "../../formulas/support";
import { cellAt, typeInto } from "../../playground/simulator/helpers";
import { described, sampleWorkbook, workbookChanges } from "./support";
import { EXPECTED_FORMULA_HEADER } from "../../../src/playground/sample/hospitalSheets";

const HOSPITAL_SHEET = "Hospital Claims";

/** A column's letters from its 0-based index (0 -> A, 28 -> AC). */
const letters = (column: number): string =>
  (column >= 26 ? letters(Math.floor(column / 26) - 1) : "") + String.fromCharCode(65 + (column % 26));

/** A workbook of this file starts as the playground does: the sample, the PAYER functions, the registry loaded. */
const opened = () => simulatorWithRegistry(sampleWorkbook());

let before: WorkbookDescription;
/** The cells the Hospital Claims sheet's PAYER formulas fill (each formula and its spill), by place. */
let hospitalFormulas: string[];
beforeAll(async () => {
  const simulator = await opened();
  before = await described(simulator);
  const { rows, columns } = simulator.usedSize(HOSPITAL_SHEET);
  const column = Array.from({ length: columns }, (_, c) => c).find(
    (c) => simulator.cell(HOSPITAL_SHEET, 0, c).value === EXPECTED_FORMULA_HEADER,
  )!;
  hospitalFormulas = Array.from({ length: rows - 1 }, (_, i) => i + 1)
    .filter((r) => simulator.cell(HOSPITAL_SHEET, r, column).value !== null)
    .map((r) => `${HOSPITAL_SHEET}!${letters(column)}${r + 1}`);
});

/** One cell typed: sheet, address and the text as typed. */
type Typed = readonly [sheet: string, address: string, input: string];

/** A claim line to price after the edit: contract and code (1 unit, billed $1,000, 2025-06-30, office). */
type Line = readonly [contract: string, code: string];
const ACME: Line = ["Acme Health PPO", "99213"];
const SUMMIT: Line = ["Summit Medicare Advantage", "99213"];

/** A free cell below the registration table, where the user types the formula to check. */
const CHECK = ["Medicare Schedules", "A5"] as const;

/** Types the cells into a freshly opened sample, then prices the line in a cell of its own. */
async function typeAndPrice(typed: readonly Typed[], [contract, code]: Line) {
  const simulator: WorkbookSimulator = await opened();
  for (const [sheet, address, input] of typed) typeInto(simulator, sheet, address, input);
  await afterRefresh(simulator);
  const changes = workbookChanges(before, await described(simulator));
  const issues = (await readRegistry(simulator.excel)).issues.map(registryIssueMessage);
  typeInto(simulator, ...CHECK, `=PAYER.EXPECTED_PAYMENT("${contract}", "${code}", , 1, 1000, "2025-06-30", "11")`);
  await simulator.whenIdle();
  const { value, errorMessage } = cellAt(simulator, ...CHECK);
  return { changes, issues, priced: { value, message: errorMessage } };
}

const places = (typed: readonly Typed[]) => typed.map(([sheet, address]) => `${sheet}!${address}`);
/**
 * A registry problem that is also the one the line's formula answers with: #VALUE! for a cell to correct, #N/A where
 * the registry names something the workbook lacks (the catalogue's kind, which Excel shows as thrown).
 */
const only = (message: string, error: "#VALUE!" | "#N/A" = "#VALUE!") => ({ issues: [message], message, error });

type Case = readonly [what: string, typed: readonly Typed[], line: Line, expected: { issues: string[]; message: string; error: string }]; // prettier-ignore

/**
 * The cells typed, and the table's header list when a header (row 1) was typed over. A PayerContracts header typed
 * over leaves no contract readable, so the hospital sheet's PAYER formulas turn to errors as well.
 */
function changedBy(typed: readonly Typed[]): string[] {
  const headers = typed.filter(([, address]) => /^[A-Z]+1$/.test(address));
  if (headers.length === 0) return places(typed);
  const everyContract = headers.some(([sheet]) => sheet === "Contracts") ? hospitalFormulas : [];
  return [...places(typed), ...everyContract, "tables"];
}

function specify(cases: readonly Case[]): void {
  it.each(cases)(
    "%s is reported, the line's amount is an error, nothing else changes",
    async (_w, typed, line, expected) => {
      const { changes, issues, priced } = await typeAndPrice(typed, line);
      expect(hospitalFormulas.length).toBeGreaterThan(1);
      expect(changes).toEqual(changedBy(typed));
      expect(issues).toEqual(expected.issues);
      expect(priced).toEqual({ value: expected.error, message: expected.message });
    },
  );
}

const CONTRACTS = "Table PayerContracts (sheet Contracts)";
const CARVE_OUTS = "Table ContractCarveOuts (sheet Carve-outs)";
const REGISTRATIONS = "Table MedicareSchedules (sheet Medicare Schedules)";
const FEES = "Table FS_AcmePPO_2025 (sheet Acme Fee Schedule)";
const DATE = "an Excel date or text like 2025-01-31";
const PERCENT = "expected a percentage like 115% (or the fraction 1.15)";
const DOLLARS = "expected an amount in dollars from 0 to 10,000,000, like 91.00";

describe("a bad cell typed into PayerContracts", () => {
  specify([
    ["a method the registry does not know", [["Contracts", "F3", "percent of medicaid"]], ACME, only(`${CONTRACTS}, row 3, column "Method": "percent of medicaid" is not valid; expected one of Fee Schedule, Percent of Medicare, Percent of Billed, None (hospital terms only).`)], // prettier-ignore
    ["a percent written in words", [["Contracts", "G4", "one hundred three"]], SUMMIT, only(`${CONTRACTS}, row 4, column "Percent": "one hundred three" is not valid; ${PERCENT}.`)], // prettier-ignore
    ["103 typed for 103% in a cell that is not formatted as %", [["Contracts", "G4", "103"]], SUMMIT, only(`${CONTRACTS}, row 4, column "Percent": "103" is not valid; ${PERCENT}.`)], // prettier-ignore
    ["a percent of 10^20", [["Contracts", "G4", "1E+20"]], SUMMIT, only(`${CONTRACTS}, row 4, column "Percent": "100000000000000000000" is not valid; ${PERCENT}.`)], // prettier-ignore
    ["a start date in 1899", [["Contracts", "D3", "1899-12-31"]], ACME, only(`${CONTRACTS}, row 3, column "Effective Start Date": "1899-12-31" is not valid; expected a date from 1990-01-01 to 2100-12-31: ${DATE}.`)], // prettier-ignore
    ["a start date with month 13", [["Contracts", "D3", "13/45/2025"]], ACME, only(`${CONTRACTS}, row 3, column "Effective Start Date": "13/45/2025" is not valid; expected a date from 1990-01-01 to 2100-12-31: ${DATE}.`)], // prettier-ignore
    ["an end date before the start date", [["Contracts", "E3", "2024-06-30"]], ACME, only('Contract "Acme Health PPO" (registry row 3) ends before it starts: check its effective dates. (sheet Contracts)')], // prettier-ignore
    ["the 2024 version extended over the 2025 version", [["Contracts", "E2", "2025-06-30"]], ACME, only('Contract "Acme Health PPO" has two versions in effect on the same days (registry rows 2 and 3): end one before the next starts. (sheet Contracts)')], // prettier-ignore
    ["a Fee Schedule naming a table the workbook lacks", [["Contracts", "H3", "FS_Acme_2025"]], ACME, only(`${CONTRACTS}, row 3, column "Fee Schedule" names table FS_Acme_2025, which is not in the workbook; expected the name of a fee schedule table: add the table or correct the name.`, "#N/A")], // prettier-ignore
    ["a Fee Schedule naming the registry itself", [["Contracts", "H3", "PayerContracts"]], ACME, only(`${CONTRACTS}, row 3, column "Fee Schedule" names table PayerContracts, one of the registry's own tables; expected the name of a fee schedule table.`)], // prettier-ignore
    ["a Fee Schedule naming the Medicare schedule", [["Contracts", "H3", "MPFS_2025"]], ACME, only(`${CONTRACTS}, row 3, column "Fee Schedule" names table MPFS_2025, a Medicare schedule table registered in MedicareSchedules; expected the name of a fee schedule table.`)], // prettier-ignore
    ["a Medicare Schedule that is not registered", [["Contracts", "I4", "MPFS_2026"]], SUMMIT, only('Contract "Summit Medicare Advantage" uses Medicare schedule MPFS_2026, which is not registered: add a row for it (with its locality) to the MedicareSchedules table.', "#N/A")], // prettier-ignore
    ["a Lesser Of of 'maybe'", [["Contracts", "J4", "maybe"]], SUMMIT, only(`${CONTRACTS}, row 4, column "Lesser Of": "maybe" is not valid; expected TRUE or FALSE (or yes/no).`)], // prettier-ignore
    ["a contract name pasted with a NUL character after it", [["Contracts", "A4", "Summit Medicare Advantage\u0000"]], SUMMIT, only(`${CONTRACTS}, row 4, column "Contract Name": "Summit Medicare Advantage␀" is not valid; expected text without control characters.`)], // prettier-ignore
    ["the Contract Name header renamed", [["Contracts", "A1", "Contract"]], SUMMIT, only(`${CONTRACTS} has no "Contract Name" column. Its columns should be: Contract Name, Payer, Product, Effective Start Date, Effective End Date, Method, Percent, Fee Schedule, Medicare Schedule, Lesser Of, Default Method, Default Percent, Multiple Procedure Rule, Term End Date, Renewal Notice Date, Auto Renew, Anesthesia Conversion Factor.`)], // prettier-ignore
  ]);
});

describe("a bad cell typed into ContractCarveOuts", () => {
  const J_CODE: Line = ["Summit Medicare Advantage", "J1100"];
  const LAB: Line = ["Summit Medicare Advantage", "80053"];
  specify([
    ["a range typed backwards", [["Carve-outs", "B5", "J9999"], ["Carve-outs", "C5", "J0120"]], J_CODE, only(`${CARVE_OUTS}, row 5, column "HCPCS Code To": "J0120", but a range ends at a code of the same kind as its first code J9999, and not before it.`)], // prettier-ignore
    ["a code with a decimal", [["Carve-outs", "C6", "87999.5"]], LAB, only(`${CARVE_OUTS}, row 6, column "HCPCS Code To": "87999.5" is not valid; expected a CPT/HCPCS code like 99213, 0001F or J1100.`)], // prettier-ignore
    ["a code that looks like a formula", [["Carve-outs", "B5", "=J0120"]], J_CODE, only(`${CARVE_OUTS}, row 5, column "HCPCS Code From": "=J0120" is not valid; expected a CPT/HCPCS code like 99213, 0001F or J1100.`)], // prettier-ignore
    ["a rate with words after it", [["Carve-outs", "E6", "$11.25 per test"]], LAB, only(`${CARVE_OUTS}, row 6, column "Rate": "$11.25 per test" is not valid; ${DOLLARS}.`)], // prettier-ignore
    ["a negative rate", [["Carve-outs", "E6", "-11.25"]], LAB, only(`${CARVE_OUTS}, row 6, column "Rate": "-11.25" is not valid; ${DOLLARS}.`)], // prettier-ignore
    ["a rate with a decimal comma", [["Carve-outs", "E6", "11,25"]], LAB, only(`${CARVE_OUTS}, row 6, column "Rate": "11,25" is not valid; ${DOLLARS}.`)], // prettier-ignore
    ["a method the registry does not know", [["Carve-outs", "D6", "capitation"]], LAB, only(`${CARVE_OUTS}, row 6, column "Method": "capitation" is not valid; expected one of Flat Rate, Percent of Billed, Percent of Medicare.`)], // prettier-ignore
    ["40 typed for 40% in a cell that is not formatted as %", [["Carve-outs", "F5", "40"]], J_CODE, only(`${CARVE_OUTS}, row 5, column "Percent": "40" is not valid; ${PERCENT}.`)], // prettier-ignore
  ]);

  it("a carve-out naming a contract the registry lacks is reported, and the line is priced without it", async () => {
    const typed: Typed[] = [["Carve-outs", "A7", "Summit MA"]];
    const { changes, issues, priced } = await typeAndPrice(typed, ["Summit Medicare Advantage", "36415"]);
    expect(changes).toEqual(places(typed));
    expect(issues).toEqual([
      'Carve-out row 7 names contract "Summit MA", which is not in the contract registry. (sheet Carve-outs)',
    ]);
    expect(priced).toEqual({
      value: "#N/A",
      message:
        "36415 is not payable under the Medicare fee schedule (status X: statutory exclusion (e.g. ambulance, clinical laboratory)).",
    });
  });
});

describe("a bad cell typed into MedicareSchedules", () => {
  specify([
    ["a year written in words", [["Medicare Schedules", "B2", "twenty25"]], SUMMIT, only(`${REGISTRATIONS}, row 2, column "Year": "twenty25" is not valid; expected a year like 2025.`)], // prettier-ignore
    ["a city typed as the locality", [["Medicare Schedules", "C2", "Houston"]], SUMMIT, only(`${REGISTRATIONS}, row 2, column "Locality": "Houston" is not valid; expected a Medicare locality: MAC and locality numbers like 04412-18.`)], // prettier-ignore
    ["the Schedule Table header renamed", [["Medicare Schedules", "A1", "Table"]], SUMMIT, only(`${REGISTRATIONS} has no "Schedule Table" column. Its columns should be: Schedule Table, Year, Locality, Locality Name, Effective Start Date, Effective End Date.`)], // prettier-ignore
  ]);

  it("a Schedule Table naming a table the workbook lacks is reported, and the contracts on MPFS_2025 say it is no longer registered", async () => {
    const typed: Typed[] = [["Medicare Schedules", "A2", "MPFS_2025_Houston"]];
    const { changes, issues, priced } = await typeAndPrice(typed, SUMMIT);
    const notRegistered = (contract: string) =>
      `Contract "${contract}" uses Medicare schedule MPFS_2025, which is not registered: add a row for it (with its locality) to the MedicareSchedules table.`;
    expect(changes).toEqual(places(typed));
    expect(issues).toEqual([
      `${REGISTRATIONS}, row 2, column "Schedule Table" names table MPFS_2025_Houston, which is not in the workbook; expected the name of a Medicare schedule table: add the table or correct the name.`,
      notRegistered("Acme Health PPO"),
      notRegistered("Acme Health PPO"),
      notRegistered("Summit Medicare Advantage"),
    ]);
    expect(priced).toEqual({ value: "#N/A", message: notRegistered("Summit Medicare Advantage") });
  });
});

describe("a bad cell typed into the fee schedule FS_AcmePPO_2025", () => {
  const DEBRIDEMENT: Line = ["Acme Health PPO", "11042"];
  specify([
    ["a rate of 'TBD'", [["Acme Fee Schedule", "C2", "TBD"]], DEBRIDEMENT, only(`${FEES}, row 2, column "Non-Facility Rate": "TBD" is not valid; ${DOLLARS}.`)], // prettier-ignore
    ["a rate of 10^20", [["Acme Fee Schedule", "C2", "1E+20"]], DEBRIDEMENT, only(`${FEES}, row 2, column "Non-Facility Rate": "100000000000000000000" is not valid; ${DOLLARS}.`)], // prettier-ignore
    ["a rate with a decimal comma", [["Acme Fee Schedule", "C2", "165,91"]], DEBRIDEMENT, only(`${FEES}, row 2, column "Non-Facility Rate": "165,91" is not valid; ${DOLLARS}.`)], // prettier-ignore
    ["a negative rate", [["Acme Fee Schedule", "C2", "-165.91"]], DEBRIDEMENT, only(`${FEES}, row 2, column "Non-Facility Rate": "-165.91" is not valid; ${DOLLARS}.`)], // prettier-ignore
    ["February 30th as the start date", [["Acme Fee Schedule", "E2", "2025-02-30"]], DEBRIDEMENT, only(`${FEES}, row 2, column "Effective Start Date": "2025-02-30" is not valid; expected a date from 1990-01-01 to 2100-12-31: ${DATE}.`)], // prettier-ignore
    ["a code deleted from a row that keeps its rates", [["Acme Fee Schedule", "A2", ""]], DEBRIDEMENT, only(`${FEES}, row 2, column "HCPCS Code" is empty: this column is required.`)], // prettier-ignore
    ["a modifier of three letters", [["Acme Fee Schedule", "B2", "XYZ"]], DEBRIDEMENT, only(`${FEES}, row 2, column "Modifier": "XYZ" is not valid; expected one modifier of two letters or digits, like 26 or TC.`)], // prettier-ignore
    ["a code that looks like a formula", [["Acme Fee Schedule", "A2", "+11042"]], DEBRIDEMENT, only(`${FEES}, row 2, column "HCPCS Code": "+11042" is not valid; expected a CPT/HCPCS code like 99213, 0001F or J1100.`)], // prettier-ignore
  ]);

  it("a code typed again on another row with other rates makes both rows the code's problem", async () => {
    const typed: Typed[] = [["Acme Fee Schedule", "A3", "11042"]];
    const { changes, issues, priced } = await typeAndPrice(typed, DEBRIDEMENT);
    const twoRates = "Fee schedule FS_AcmePPO_2025 has two different rates for 11042 on the same dates (rows 2 and 3): delete one or make their dates not overlap."; // prettier-ignore
    expect(changes).toEqual(places(typed));
    expect(issues).toEqual([`${twoRates} (sheet Acme Fee Schedule)`]);
    expect(priced).toEqual({ value: "#VALUE!", message: twoRates });
  });
});
