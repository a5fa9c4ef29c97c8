/**
 * Bad arguments of the PAYER functions as a user types them (issue 10, item 5): each formula is typed into a free
 * cell of the sample workbook, with its registry loaded as in the playground. Each case asserts the error value and
 * the exact message Excel shows for the cell, and that nothing but that cell changed.
 */
import type { WorkbookDescription, WorkbookSimulator } from "../../../src/playground/simulator";
import { afterRefresh, simulatorWithRegistry } from "../../formulas/support";
import { cellAt, typeInto } from "../../playground/simulator/helpers";
import { described, sampleWorkbook, workbookChanges } from "./support";

let simulator: WorkbookSimulator;
let before: WorkbookDescription;
beforeAll(async () => {
  simulator = await simulatorWithRegistry(sampleWorkbook());
  before = await described(simulator);
});

/** A free cell below the registration table. */
const CHECK = ["Medicare Schedules", "A5"] as const;

/** Types the formula, reads what the cell shows, lists what changed, then clears the cell again. */
async function typed(formula: string) {
  typeInto(simulator, ...CHECK, formula);
  await afterRefresh(simulator);
  const { value, errorMessage } = cellAt(simulator, ...CHECK);
  const changes = workbookChanges(before, await described(simulator));
  typeInto(simulator, ...CHECK, "");
  await afterRefresh(simulator);
  return { shown: { value, message: errorMessage }, changes };
}

const SUMMIT = '"Summit Medicare Advantage"';
/** PAYER.EXPECTED_PAYMENT for Summit with one argument replaced: code, modifiers, units, billed, date, POS. */
function expectedPayment(
  change: Partial<Record<"contract" | "code" | "modifiers" | "units" | "billed" | "date" | "pos", string>>,
) {
  const { contract = SUMMIT, code = '"99213"', modifiers = "", units = "1", billed = "500", date = '"2025-06-30"', pos = '"11"' } = change; // prettier-ignore
  return `=PAYER.EXPECTED_PAYMENT(${contract}, ${code}, ${modifiers}, ${units}, ${billed}, ${date}, ${pos})`;
}

const NOT_A_CODE = (code: string) =>
  `"${code}" is not a CPT/HCPCS code: expected 5 characters like 99213, 0001F, 0075T or J1100.`;
const NOT_A_DATE = (date: string) => `"${date}" is not a date: expected an Excel date or text like 2025-03-31.`;
/** Input that is fine but has no amount (a contract or schedule the workbook lacks) is #N/A, as Excel's lookups say. */
const NA = "#N/A";
const BILLED_RANGE = "is outside the range of a billed charge on one claim line: $0 to $100,000,000.";

describe("a bad argument of PAYER.EXPECTED_PAYMENT", () => {
  it.each([
    ["a contract name the registry lacks", expectedPayment({ contract: '"Summit MA"' }), 'There is no contract named "Summit MA". Known contracts: Acme Behavioral Health, Acme Health PPO, Acme Hospital PPO, Summit Medicare Advantage.', NA], // prettier-ignore
    ["a contract name holding an invisible character (CHAR(1))", expectedPayment({ contract: '"Summit"&CHAR(1)&" Medicare Advantage"' }), "contract: the text holds an invisible control character (U+0001) at character 7; retype the text, or clean it with Excel's CLEAN function."], // prettier-ignore
    ["a code of six digits", expectedPayment({ code: '"992130"' }), NOT_A_CODE("992130")],
    ["a code with decimals", expectedPayment({ code: "99213.5" }), NOT_A_CODE("99213.5")],
    ["a code that looks like a formula", expectedPayment({ code: '"=99213"' }), NOT_A_CODE("=99213")],
    ["an empty code", expectedPayment({ code: '""' }), "The code is empty: enter a CPT or HCPCS code."],
    ["a code stored as a number that lost its leading zero (9921)", expectedPayment({ code: "9921" }), 'Contract "Summit Medicare Advantage" has no rate for 09921: it is not on MPFS_2025 and the contract has no default rule.', NA], // prettier-ignore
    ["a modifier of three letters", expectedPayment({ modifiers: '"XYZ"' }), '"XYZ" is not a modifier: expected two letters or digits like 26, TC or 59, separated by spaces or commas.'], // prettier-ignore
    ["five modifiers", expectedPayment({ modifiers: '"26 59 76 77 79"' }), "5 modifiers given: a claim line carries at most 4."], // prettier-ignore
    ["units written in words", expectedPayment({ units: '"two"' }), '"two" is not a number of units: expected a positive number like 1 or 2.'], // prettier-ignore
    ["zero units", expectedPayment({ units: "0" }), '"0" is not a number of units: expected a positive number like 1 or 2.'], // prettier-ignore
    ["units of 10^300", expectedPayment({ units: "10^300" }), "units: 1e+300 is outside the range of units of service on one claim line: at most 100,000."], // prettier-ignore
    ["a billed charge in words", expectedPayment({ billed: '"five hundred"' }), "billed: 'five hundred' is not a number; billed is the billed charge in dollars, zero or more."], // prettier-ignore
    ["a billed charge with a decimal comma", expectedPayment({ billed: '"1.234,50"' }), "billed: '1.234,50' is not a number; billed is the billed charge in dollars, zero or more."], // prettier-ignore
    ["a billed charge of $1,000,000,000 typed as text", expectedPayment({ billed: '"$1,000,000,000"' }), `billed: 1,000,000,000 ${BILLED_RANGE}`], // prettier-ignore
    ["a negative billed charge", expectedPayment({ billed: "-500" }), `billed: -500 ${BILLED_RANGE}`],
    ["February 30th", expectedPayment({ date: '"2025-02-30"' }), NOT_A_DATE("2025-02-30")],
    ["a day-first date", expectedPayment({ date: '"31/12/2025"' }), NOT_A_DATE("31/12/2025")],
    ["a date of 0", expectedPayment({ date: "0" }), NOT_A_DATE("0")],
    ["a date before any version of the contract", expectedPayment({ date: '"2023-06-30"' }), 'No version of contract "Summit Medicare Advantage" is in effect on 2023-06-30; its versions cover 2024-01-01 to 2025-12-31.', NA], // prettier-ignore
    ["a place of service in words", expectedPayment({ pos: '"hospital"' }), '"hospital" is not a place of service: expected a two-digit POS code like 11 or 22, or "facility"/"non-facility".'], // prettier-ignore
    ["a place of service of three digits", expectedPayment({ pos: '"111"' }), '"111" is not a place of service: expected a two-digit POS code like 11 or 22, or "facility"/"non-facility".'], // prettier-ignore
  ])(
    "%s: its error with its message, and only the typed cell changes",
    async (_what, formula, message, error = "#VALUE!") => {
      expect(await typed(formula)).toEqual({
        shown: { value: error, message },
        changes: [`${CHECK[0]}!${CHECK[1]}`],
      });
    },
  );
});

describe("a bad argument of the other PAYER functions", () => {
  const CLAIMS = "Claims[HCPCS Code], Claims[Allowed Amount]";
  it.each([
    ["PRICING_TRACE of a contract the registry lacks", '=PAYER.PRICING_TRACE("Summit MA", "99213")', 'There is no contract named "Summit MA". Known contracts: Acme Behavioral Health, Acme Health PPO, Acme Hospital PPO, Summit Medicare Advantage.', NA], // prettier-ignore
    ["MEDICARE_RATE of a city typed as the locality", '=PAYER.MEDICARE_RATE("99213", "Houston")', '"Houston" is not a Medicare locality: expected the MAC and locality numbers like 01112-05 (San Francisco).'], // prettier-ignore
    ["MEDICARE_RATE of a locality the workbook has no schedule for", '=PAYER.MEDICARE_RATE("99213", "01112-05", , , "2025-06-30")', "No Medicare schedule for locality 01112-05 is registered in the MedicareSchedules table. Registered localities: 04412-18 HOUSTON, TX.", NA], // prettier-ignore
    ["MEDICARE_RATE on a date no registered schedule covers", '=PAYER.MEDICARE_RATE("99213", "04412-18", , , "2026-03-01")', "No Medicare schedule registered for locality 04412-18 covers 2026-03-01. Registered: MPFS_2025 (2025-01-01 to 2025-12-31).", NA], // prettier-ignore
    ["MEDICARE_RATE with a place of service typed where the modifiers go", '=PAYER.MEDICARE_RATE("99213", "04412-18", "office", , "2025-06-30")', '"office" is not a modifier: expected two letters or digits like 26, TC or 59, separated by spaces or commas.'], // prettier-ignore
    ["MEDICARE_RATE without its code", "=PAYER.MEDICARE_RATE()", "code is required: the CPT/HCPCS code, text or number (110 reads as 00110)."], // prettier-ignore
    ["UPLIFT_SCENARIO of '5 percent'", `=PAYER.UPLIFT_SCENARIO(${CLAIMS}, "5 percent")`, "uplift: '5 percent' is not a fraction; give a fraction like 0.05 (5%) or -0.02 (-2%)."], // prettier-ignore
    ["UPLIFT_SCENARIO of 500 typed for 5%", `=PAYER.UPLIFT_SCENARIO(${CLAIMS}, 500)`, "uplift: 500 is outside the range of an uplift fraction: at most 10 (1,000%)."], // prettier-ignore
    ["UPLIFT_SCENARIO cutting rates by 150%", `=PAYER.UPLIFT_SCENARIO(${CLAIMS}, -1.5)`, "uplift: -1.5 is a cut of more than 100%, which would make rates negative; give a fraction of -1 or more."], // prettier-ignore
    ["UPLIFT_SCENARIO ranked by 'dollars'", `=PAYER.UPLIFT_SCENARIO(${CLAIMS}, 0.05, , "dollars")`, "rank_by: 'dollars' is not one of \"revenue\", \"volume\"; leave it out for \"revenue\"."], // prettier-ignore
    ["UPLIFT_SCENARIO of the top -3 codes", `=PAYER.UPLIFT_SCENARIO(${CLAIMS}, 0.05, -3)`, "top_n: -3 is not a number of codes; give a whole number of 1 or more, or leave it blank for all codes."], // prettier-ignore
    ["UPLIFT_SCENARIO asked for a 'sum'", `=PAYER.UPLIFT_SCENARIO(${CLAIMS}, 0.05, , , , , "sum")`, "result: 'sum' is not one of \"delta\", \"total\", \"percent\", \"detail\"; leave it out for \"delta\"."], // prettier-ignore
    ["DENIAL_RATE on a basis of 'euros'", '=PAYER.DENIAL_RATE(Claims[Denied Flag], Claims[Charge Amount], "euros")', "basis: 'euros' is not one of \"count\", \"dollars\"; leave it out for \"count\"."], // prettier-ignore
    ["DENIAL_RATE in dollars without the charges", '=PAYER.DENIAL_RATE(Claims[Denied Flag], , "dollars")', 'basis "dollars" needs charges: give the billed charge of each line, or use basis "count".'], // prettier-ignore
    ["DENIAL_RATE of an outcome 'maybe'", '=PAYER.DENIAL_RATE({"denied";"maybe"})', "outcomes row 2: 'maybe' is not an outcome; expected TRUE/FALSE, a status word (denied, partial, paid, pending, reversed) or adjustment codes like CO-50 or PR-2 CO-45."], // prettier-ignore
  ])(
    "%s: its error with its message, and only the typed cell changes",
    async (_what, formula, message, error = "#VALUE!") => {
      expect(await typed(formula)).toEqual({
        shown: { value: error, message },
        changes: [`${CHECK[0]}!${CHECK[1]}`],
      });
    },
  );
});
