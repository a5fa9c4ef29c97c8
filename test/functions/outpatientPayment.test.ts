/**
 * PAYER.OUTPATIENT_PAYMENT line by line (issue 14): errors are values in their own rows, a claim with a line that
 * cannot be read is not priced (its other lines say which row to correct), and a problem in the contract's hospital
 * rows answers its lines until it is fixed. The registry is the hospital test workbook (rows of the real CMS files).
 */
import "./support/installShim";
import { registryCache } from "../../src/functions/registryCache";
import { PAYER_FUNCTIONS } from "../../src/functions/registry";
import { WorkbookSimulator } from "../../src/playground/simulator";
import { hospitalRows, hospitalWorkbook, type HospitalRows } from "../formulas/hospitalWorkbook";
import { describeWithSharedData } from "../support/sharedData";

const outpatientPayment = PAYER_FUNCTIONS.find((entry) => entry.id === "OUTPATIENT_PAYMENT")!.implementation;

/** A line as a test writes it: contract, claim id, revenue code, HCPCS, units, charge, date. */
type Line = [string, string, unknown, unknown, unknown, unknown, unknown];

/** Each line's answer: the amount, or the error kind and message. */
async function answers(...lines: Line[]): Promise<unknown[]> {
  const column = (k: number) => lines.map((line) => [line[k]]);
  const result = await outpatientPayment(column(0), column(1), column(2), column(3), column(4), column(5), column(6));
  const cells = result instanceof CustomFunctions.Error ? [[result]] : (result as unknown[][]);
  return cells.map(([cell]) => (cell instanceof CustomFunctions.Error ? { error: cell.code, message: cell.message } : cell)); // prettier-ignore
}

async function startWith(rows: HospitalRows): Promise<void> {
  await registryCache.start(new WorkbookSimulator(hospitalWorkbook(rows)).excel);
}

const VALLEY = "Valley Hospital";
const T_LINE: Line = [VALLEY, "OP-2", "0360", "20610", 1, 800, "2025-03-10"];

describeWithSharedData("PAYER.OUTPATIENT_PAYMENT answers each line", () => {
  beforeAll(() => startWith(hospitalRows()), 60_000);

  it("refuses a line with a revenue code of five digits, and leaves its claim unpriced, naming the row", async () =>
    expect(await answers(T_LINE, [VALLEY, "OP-2", "03600", "10060", 1, 700, "2025-03-10"])).toEqual([
      { error: "#VALUE!", message: "Claim OP-2 is priced as a whole (packaging and discounting read every line), and its row 2 cannot be read: correct that row first." }, // prettier-ignore
      { error: "#VALUE!", message: '"03600" is not a revenue code: expected 4 digits like 0278, 0450 or 0124.' },
    ]));

  it("prices the other claims of the call when one claim has a bad line", async () =>
    expect(await answers(T_LINE, [VALLEY, "OP-9", "0360", "10060", "two", 700, "2025-03-10"])).toEqual([
      330.61,
      { error: "#VALUE!", message: '"two" is not a number of units: expected a positive number like 1 or 2.' },
    ]));

  it("answers #N/A on a line whose code is not in Addendum B, and prices the rest of its claim", async () =>
    expect(await answers(T_LINE, [VALLEY, "OP-2", "0360", "99999", 1, 10, "2025-03-10"])).toEqual([
      330.61,
      { error: "#N/A", message: "99999 is not in OppsRates 2025-01-01: OPPS has no status indicator or rate for it." },
    ]));

  it("says a contract has no outpatient terms", async () =>
    expect(await answers(["Mercy Behavioral", "OP-5", "0450", "99284", 1, 900, "2025-03-10"])).toEqual([
      { error: "#N/A", message: 'Contract "Mercy Behavioral" has no outpatient terms: add its row to the OutpatientTerms table.' }, // prettier-ignore
    ]));

  it("says a line without a claim id needs one", async () =>
    expect(await answers(T_LINE, [VALLEY, "", "0360", "10060", 1, 700, "2025-03-10"])).toEqual([
      330.61,
      { error: "#VALUE!", message: "claim_ids row 2 is empty: give the line's claim id." },
    ]));

  it("chooses the version by the claim's first date of service: a claim of 2024-12-31 and 2025-01-02 is not in effect", async () =>
    expect(
      await answers(
        [VALLEY, "OP-7", "0360", "20610", 1, 800, "2025-01-02"],
        [VALLEY, "OP-7", "0450", "99284", 1, 900, "2024-12-31"],
      ),
    ).toEqual([
      // prettier-ignore
      { error: "#N/A", message: 'No version of contract "Valley Hospital" is in effect on 2024-12-31; its versions cover 2025-01-01 to 9999-12-31.' }, // prettier-ignore
      { error: "#N/A", message: 'No version of contract "Valley Hospital" is in effect on 2024-12-31; its versions cover 2025-01-01 to 9999-12-31.' }, // prettier-ignore
    ]));
});

describeWithSharedData("a problem in a contract's outpatient rows", () => {
  beforeAll(() => {
    const rows = hospitalRows();
    const terms = rows.OutpatientTerms!.map((row) => (row["Contract Name"] === VALLEY ? { ...row, "Wage Index": "high" } : row)); // prettier-ignore
    return startWith({ ...rows, OutpatientTerms: terms });
  }, 60_000);

  it("answers the contract's lines with the problem until it is fixed", async () =>
    expect(await answers(T_LINE)).toEqual([
      { error: "#VALUE!", message: 'Table OutpatientTerms (sheet OutpatientTerms), row 3, column "Wage Index": "high" is not valid; expected a wage index above 0, like 0.8732 or 1.2104.' }, // prettier-ignore
    ]));

  it("leaves the other contracts' lines priced", async () =>
    expect(await answers(["Mercy Rev Codes", "OP-4", "0450", "99284", 1, 1200, "2025-04-02"])).toEqual([450]));
});
