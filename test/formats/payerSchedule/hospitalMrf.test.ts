// The CMS hospital price-transparency example files as a real "odd header" source: tall CSVs with two rows of
// hospital data above the header, "code | 1" / "code | 2" columns and one row per payer.
import { readFileSync } from "fs";
import path from "path";
import { previewPayerScheduleFile, type PayerScheduleFilePreview } from "../../../src/formats/payerSchedule";
import { describeWithSharedData, SHARED_DATA } from "../../support/sharedData";
import { problemsOfRow, rowSummaries } from "./fixtures";

function previewMrf(file: string): PayerScheduleFilePreview {
  const bytes = new Uint8Array(readFileSync(path.join(SHARED_DATA ?? "", "price-transparency/hospital-mrf", file)));
  const result = previewPayerScheduleFile({ name: file, bytes });
  if (!result.ok) throw new Error(`refused: ${result.issue.code}`);
  return result.value;
}

describeWithSharedData("hospital price-transparency MRF, v3.0.0 tall CSV", () => {
  const preview = previewMrf("V3.0.0_Tall_CSV_Format_Example.csv");
  it("finds the header on row 3, below the hospital's general data", () => {
    expect(preview.headerRowNumber).toBe(3);
  });
  it("maps the CPT code column, the modifiers and the negotiated dollar amount by header", () => {
    const header = (field: keyof typeof preview.suggestion.fields) => preview.suggestion.fields[field].chosen?.header;
    expect([header("hcpcsCode"), header("modifier"), header("nonFacilityRate"), header("description")]).toEqual([
      "code | 2",
      "modifiers",
      "standard_charge | negotiated_dollar",
      "description",
    ]);
  });
  it("offers the revenue-code column as the alternative code column", () => {
    expect(preview.suggestion.fields.hcpcsCode.alternatives.map((a) => a.header)).toEqual(["code | 1"]);
  });
  it("reports two payers' rates for one code as a conflict naming both rows", () => {
    expect(problemsOfRow(preview.problems, 5)).toEqual([
      "error: Rows 4 and 5 give 70551 different rates (400.00 / blank and 250.00 / blank) for the same dates: delete one or give them dates that do not overlap. Neither is imported.",
    ]);
  });
  it("rejects an NDC in the code column with its value", () => {
    expect(problemsOfRow(preview.problems, 41)).toEqual([
      'error: Row 41, column code | 2: "25021-0184-82" is not a CPT/HCPCS code: expected 5 characters like 99213, 0001F, 0075T or J1100.',
    ]);
  });
  it("accounts for every one of the 45 data rows", () => {
    const { sourceRows, skippedRows, rowsWithErrors, cleanRows, duplicateRowsDropped } = preview.counts;
    expect([sourceRows, skippedRows + rowsWithErrors + cleanRows + duplicateRowsDropped]).toEqual([45, 45]);
  });
  it("leaves no clean row: each CPT code with a dollar rate has one per payer, which a one-payer schedule cannot hold", () => {
    expect(rowSummaries(preview)).toEqual([]);
  });
});

describeWithSharedData("hospital price-transparency MRF, v2.0.0 tall CSV", () => {
  const preview = previewMrf("V2.0.0_Tall_CSV_Format_Example.csv");
  it("maps 'code|1' and the negotiated dollar column, not the estimated amount", () => {
    expect([preview.mapping.hcpcsCode, preview.suggestion.fields.nonFacilityRate.chosen?.header]).toEqual([
      1,
      "standard_charge|negotiated_dollar",
    ]);
  });
  it("keeps the codes priced by one payer only, reading MS-DRG 470 as 00470 (the code type column is not read)", () => {
    expect(rowSummaries(preview)).toEqual(["00470 20000.00/-", "92626 98.98/-"]);
  });
});

describeWithSharedData("hospital price-transparency MRF, v3.0.0 wide CSV", () => {
  it("maps the first payer's negotiated dollar column and offers the second payer's as the alternative", () => {
    const preview = previewMrf("V3.0.0_Wide_CSV_Format_Example.csv");
    const rate = preview.suggestion.fields.nonFacilityRate;
    expect([rate.chosen?.header, rate.alternatives.map((a) => a.header)]).toEqual([
      "standard_charge|Platform Health Insurance|PPO|negotiated_dollar",
      ["standard_charge|Region Health Insurance|HMO|negotiated_dollar"],
    ]);
  });
  it("imports that payer's CPT rates once the columns are mapped", () => {
    expect(rowSummaries(previewMrf("V3.0.0_Wide_CSV_Format_Example.csv"))).toEqual([
      "70551 400.00/-",
      "49505 8000.00/-",
      "80048 150.00/-",
    ]);
  });
});
