/**
 * The KPI functions as a user types them over tables (issue 15 item 2), evaluated by the simulator's formula engine:
 * days to pay over a remittance table imported from the real 835 samples, payment accuracy over a small claims table.
 */
import { associated } from "../functions/support/installShim";
import "../../src/functions/functions";
import { writeTable } from "../../src/excel/core/tableWriter";
import { remittanceTableRequest } from "../../src/excel/remittances/remittanceTable";
import { parse835, remit835UserMessage, type Remit835File } from "../../src/formats/remit835";
import { WorkbookSimulator } from "../../src/playground/simulator";
import { describeWithSharedData, readSharedData } from "../support/sharedData";

function parsed(relativePath: string): Remit835File {
  const result = parse835(readSharedData(relativePath));
  if (!result.ok) throw new Error(remit835UserMessage(result.issue));
  return result.value;
}

/** The value a formula typed into Sheet1!A1 shows once the workbook is idle. */
async function valueOf(simulator: WorkbookSimulator, formula: string): Promise<unknown> {
  simulator.setCellInput("Sheet1", 0, 0, formula);
  await simulator.whenIdle();
  return simulator.cell("Sheet1", 0, 0).value;
}

describeWithSharedData(
  "PAYER.DAYS_TO_PAY over remittances imported from the UnitedHealthcare and Blue Cross NC samples",
  () => {
    let simulator: WorkbookSimulator;

    beforeAll(async () => {
      simulator = new WorkbookSimulator(
        { sheets: [{ name: "Sheet1", cells: [[null]] }] },
        { customFunctions: associated },
      );
      const sources = [
        { fileName: "uhc.835", file: parsed("x12-835/keironstoddart/united_healthcare_legacy_sample.txt") },
        { fileName: "bcbsnc.835", file: parsed("x12-835/keironstoddart/blue_cross_nc_sample.txt") },
      ];
      const written = await writeTable(simulator.excel, remittanceTableRequest("Remittances", "Remittances", sources));
      if (!written.ok) throw new Error("the remittance table was not written");
    });

    // UHC: two claims received 2021-01-14, paid 2021-02-04 (21 days); Blue Cross NC: received 2011-01-03, paid
    // 2011-01-08 (5 days). By line: UHC's 5 lines wait 21 days, Blue Cross NC's 3 lines 5 days.
    it("averages the days from received date to payment date per claim: (21 + 21 + 5) / 3", async () => {
      const formula =
        "=PAYER.DAYS_TO_PAY(Remittances[Claim Received Date], Remittances[Payment Date], , Remittances[Claim ID])";
      expect(await valueOf(simulator, formula)).toBeCloseTo((21 + 21 + 5) / 3, 9);
    });

    it("gives the median per line", async () => {
      const formula = '=PAYER.DAYS_TO_PAY(Remittances[Claim Received Date], Remittances[Payment Date], "median")';
      expect(await valueOf(simulator, formula)).toBe(21);
    });

    it("gives the slowest payment as p100", async () => {
      const formula = '=PAYER.DAYS_TO_PAY(Remittances[Claim Received Date], Remittances[Payment Date], "p100")';
      expect(await valueOf(simulator, formula)).toBe(21);
    });

    it("shows #VALUE! with its message when the dates are swapped", async () => {
      simulator.setCellInput(
        "Sheet1",
        0,
        0,
        "=PAYER.DAYS_TO_PAY(Remittances[Payment Date], Remittances[Claim Received Date])",
      );
      await simulator.whenIdle();
      expect(simulator.cell("Sheet1", 0, 0)).toMatchObject({
        value: "#VALUE!",
        errorMessage: expect.stringMatching(/^paid_dates row 1: 2021-01-14 is before the submission date 2021-02-04/),
      });
    });
  },
);

describe("PAYER.PAYMENT_ACCURACY over a claims table", () => {
  let simulator: WorkbookSimulator;

  beforeAll(() => {
    const cells = [
      ["Claim ID", "Expected Allowed Amount", "Allowed Amount", "Outcome"],
      ["C1", 112.5, 112.5, "Paid"],
      ["C2", 80, 76, "Paid"],
      ["C3", 214.43, 0, "Denied"],
      ["C4", 95, 95.01, "Partial"],
      ["C5", -50, -50, "Reversed"],
    ];
    simulator = new WorkbookSimulator(
      {
        sheets: [
          { name: "Sheet1", cells: [[null]] },
          { name: "Claims", cells, tables: [{ name: "Claims", address: "A1:D6" }] },
        ],
      },
      { customFunctions: associated },
    );
  });

  it("measures the paid and partial lines within a cent: 2 of 3", async () => {
    const formula =
      "=PAYER.PAYMENT_ACCURACY(Claims[Expected Allowed Amount], Claims[Allowed Amount], , , Claims[Outcome])";
    expect(await valueOf(simulator, formula)).toBeCloseTo(2 / 3, 9);
  });

  it("counts the $4 short line accurate with a 5% tolerance", async () => {
    const formula =
      "=PAYER.PAYMENT_ACCURACY(Claims[Expected Allowed Amount], Claims[Allowed Amount], 0, 5%, Claims[Outcome])";
    expect(await valueOf(simulator, formula)).toBe(1);
  });

  it("shows an error with its message when only denied lines are given", async () => {
    simulator.setCellInput(
      "Sheet1",
      0,
      0,
      '=PAYER.PAYMENT_ACCURACY(Claims[Expected Allowed Amount], Claims[Allowed Amount], , , "Denied")',
    );
    await simulator.whenIdle();
    expect(simulator.cell("Sheet1", 0, 0)).toMatchObject({
      // Excel shows the thrown error's own code, #DIV/0! (test/functions/kpiFunctions.test.ts); the simulator shows
      // every error a scalar function throws as #VALUE!, so only its message is checked here.
      value: expect.stringMatching(/^#/),
      errorMessage: expect.stringMatching(
        /^No line to measure: of 5 rows, 0 are blank .* and 5 are denied, reversed or pending/,
      ),
    });
  });
});
