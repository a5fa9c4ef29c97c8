/** A workbook of the sample's size: an edit recalculates dependents through structured references. (Timings: bench/simulator.bench.ts.) */
import { WorkbookSimulator, type WorkbookSnapshot } from "../../../src/playground/simulator";
import { cellAt, typeInto } from "./helpers";

function sampleSizedWorkbook(): WorkbookSnapshot {
  const header = [
    "Claim ID",
    "Claim Line Number",
    "Payer",
    "HCPCS Code",
    "Modifier 1",
    "Units",
    "Charge Amount",
    "Allowed Amount",
    "Paid Amount",
    "Place Of Service",
    "Service Date",
    "Adjustment Codes",
    "Contract",
    "Expected",
    "Variance",
  ];
  const rows = Array.from({ length: 3000 }, (_, i) => [
    `C-${1000 + Math.floor(i / 3)}`,
    (i % 3) + 1,
    i % 2 ? "Acme PPO" : "Medicare Advantage",
    String(99211 + (i % 5)),
    null,
    1 + (i % 2),
    150 + i,
    90 + (i % 50),
    70 + (i % 40),
    "11",
    "2025-01-15",
    i % 7 ? "CO-45" : "CO-50",
    "Acme 2025",
    "=[@[Allowed Amount]]*1.02",
    "=[@Expected]-[@[Paid Amount]]",
  ]);
  const schedule = Array.from({ length: 200 }, (_, i) => [String(10000 + i), 50 + i, 40 + i]);
  return {
    sheets: [
      {
        name: "Claims",
        cells: [header, ...rows],
        tables: [{ name: "Claims", address: "A1:O3001" }],
        numberFormats: [{ address: "G2:I3001", format: "$#,##0.00" }],
      },
      {
        name: "Schedule",
        cells: [["HCPCS Code", "Non-Facility Rate", "Facility Rate"], ...schedule],
        tables: [{ name: "FeeSchedule", address: "A1:C201" }],
      },
      { name: "Summary", cells: [["Total variance", "=SUM(Claims[Variance])"]] },
    ],
  };
}

describe("a sample-sized workbook", () => {
  it("recalculates a summary over a table column when one claim line is edited", () => {
    const simulator = new WorkbookSimulator(sampleSizedWorkbook());
    const before = cellAt(simulator, "Summary", "B1").value as number;

    typeInto(simulator, "Claims", "H2", "1090");

    expect(cellAt(simulator, "Summary", "B1").value).toBeCloseTo(before + 1000 * 1.02, 6);
  });
});
