// Damaged and wrong hospital files, built from the real CMS examples in ../shared/data/price-transparency/hospital-mrf:
// each gives a positioned message and never a rate it should not, and a cut file gives no rate at all.
import {
  hospitalMrfIssueMessage,
  readHospitalMrf,
  type HospitalMrfResult,
} from "../../../src/formats/priceTransparency/hospitalMrf";
import { describeWithSharedData, readSharedData } from "../../support/sharedData";

const DIR = "price-transparency/hospital-mrf/";
const TALL_V3 = "V3.0.0_Tall_CSV_Format_Example.csv";

function lines(file: string): string[] {
  return readSharedData(DIR + file).split("\n");
}

/** The v3 tall example with row `row` (1-based) changed. */
function tallWith(row: number, change: (line: string) => string): string {
  const all = lines(TALL_V3);
  all[row - 1] = change(all[row - 1]!);
  return all.join("\n");
}

function issueOf(result: HospitalMrfResult) {
  if (result.ok) throw new Error("expected the file to be refused");
  return result.issue;
}

describeWithSharedData("hospital MRF: files that are not hospital files", () => {
  it("says an 835 remittance is not a hospital file", async () => {
    const result = await readHospitalMrf(readSharedData("x12-835/tastypackets/profee.edi"));
    expect(issueOf(result)).toMatchObject({ code: "notHospitalMrf", looksLike: "x12" });
    expect(hospitalMrfIssueMessage(issueOf(result))).toContain("X12");
  });

  it("says a Medicare fee schedule CSV is not a hospital file", async () => {
    const result = await readHospitalMrf(readSharedData("cms-pfs/2026-rvu26c/PPRRVU2026_Jul_nonQPP.csv"));
    expect(issueOf(result)).toMatchObject({ code: "notHospitalMrf", looksLike: "delimited" });
  });

  it("says a plan's TiC in-network file is to be read as a TiC file", async () => {
    const result = await readHospitalMrf(
      readSharedData("price-transparency/tic/in-network-rates-fee-for-service-single-plan-sample.json"),
    );
    expect(issueOf(result)).toMatchObject({ code: "notHospitalMrf", looksLike: "tic" });
  });

  it("says an empty file is empty", async () => {
    expect(issueOf(await readHospitalMrf("\uFEFF  \n"))).toEqual({ code: "fileEmpty" });
  });
});

describeWithSharedData("hospital MRF: damaged headers", () => {
  it("refuses a file whose item header row is missing, naming row 3", async () => {
    const all = lines(TALL_V3);
    const result = await readHospitalMrf([...all.slice(0, 2), ...all.slice(3)].join("\n"));
    expect(issueOf(result)).toMatchObject({ code: "itemHeaderMissing", rowNumber: 3 });
  });

  it("refuses a version it does not know, naming where it is", async () => {
    const result = await readHospitalMrf(tallWith(2, (line) => line.replace(",3.0.0,", ",4.1.0,")));
    expect(issueOf(result)).toEqual({ code: "versionUnknown", value: "4.1.0", at: { row: 2, column: "version" } });
    expect(hospitalMrfIssueMessage(issueOf(result))).toBe(
      'The version "4.1.0" (row 2, column "version") is not a CMS template version this reader knows: expected 2.x.x or 3.0.0.',
    );
  });

  it("refuses a JSON file of an unknown version", async () => {
    const json = readSharedData(DIR + "v3_json_format_example.json").replace('"3.0.0"', '"9.0"');
    expect(issueOf(await readHospitalMrf(json))).toEqual({
      code: "versionUnknown",
      value: "9.0",
      at: { path: "version" },
    });
  });

  it("refuses a tall file without its methodology column", async () => {
    const result = await readHospitalMrf(tallWith(3, (line) => line.replace("standard_charge | methodology", "notes")));
    expect(issueOf(result)).toMatchObject({ code: "columnMissing", column: "standard_charge|methodology" });
  });
});

describeWithSharedData("hospital MRF: bad values are positioned and skipped", () => {
  // Row 4 is MRI 611/70551 for Platform PPO at 400 in column 14 (standard_charge | negotiated_dollar).
  it("reports text in the dollar column by row and column and keeps no rate from that row", async () => {
    const result = await readHospitalMrf(tallWith(4, (line) => line.replace(",,400,", ",,four hundred,")));
    if (!result.ok) throw new Error(hospitalMrfIssueMessage(result.issue));
    expect(result.value.issues).toEqual([
      {
        code: "valueInvalid",
        at: { row: 4, column: "standard_charge | negotiated_dollar" },
        value: "four hundred",
        expected: "a number of dollars",
      },
    ]);
    expect(hospitalMrfIssueMessage(result.value.issues[0]!)).toBe(
      'Row 4, column "standard_charge | negotiated_dollar": "four hundred" is not a number of dollars; this charge is skipped.',
    );
    expect(result.value.rates.filter((rate) => rate.at === "row 4")).toEqual([]);
    expect(result.value.summary.skipped.invalidValue).toBe(1);
    expect(result.value.summary.kept).toBe(41);
  });

  it("counts the placeholder 999999999 and never makes it a rate", async () => {
    const result = await readHospitalMrf(tallWith(4, (line) => line.replace(",,400,", ",,999999999,")));
    if (!result.ok) throw new Error(hospitalMrfIssueMessage(result.issue));
    expect(result.value.summary.skipped.placeholder).toBe(1);
    expect(result.value.rates.some((rate) => rate.rate.eq(999999999))).toBe(false);
  });

  it("counts a zero or negative rate and never makes it a rate", async () => {
    const result = await readHospitalMrf(tallWith(4, (line) => line.replace(",,400,", ",,-400,")));
    if (!result.ok) throw new Error(hospitalMrfIssueMessage(result.issue));
    expect(result.value.summary.skipped.notPositive).toBe(1);
    expect(result.value.rates.filter((rate) => rate.at === "row 4")).toEqual([]);
  });

  it("reports a methodology the template does not have", async () => {
    const result = await readHospitalMrf(tallWith(4, (line) => line.replace("fee schedule", "fixed fee")));
    if (!result.ok) throw new Error(hospitalMrfIssueMessage(result.issue));
    expect(result.value.issues[0]).toMatchObject({
      code: "valueInvalid",
      at: { row: 4, column: "standard_charge | methodology" },
      value: "fixed fee",
    });
  });

  it("reports text in a JSON dollar field by its path", async () => {
    const json = readSharedData(DIR + "v3_json_format_example.json").replace(
      '"standard_charge_dollar": 400',
      '"standard_charge_dollar": "N/A"',
    );
    const result = await readHospitalMrf(json);
    if (!result.ok) throw new Error(hospitalMrfIssueMessage(result.issue));
    expect(result.value.issues).toEqual([
      {
        code: "valueInvalid",
        at: { path: "standard_charge_information[0].standard_charges[0].payers_information[0].standard_charge_dollar" },
        value: "N/A",
        expected: "a number of dollars",
      },
    ]);
  });
});

describeWithSharedData("hospital MRF: cut files give no rate", () => {
  it("refuses a CSV cut inside a quoted cell", async () => {
    const text = readSharedData(DIR + TALL_V3);
    const cut = text.slice(0, text.indexOf('"Allowed amount = $8,000') + 20);
    const issue = issueOf(await readHospitalMrf(cut));
    expect(issue).toMatchObject({ code: "quoteNeverClosed", rowNumber: 14 });
  });

  it("refuses a CSV cut in the middle of its last row", async () => {
    const text = readSharedData(DIR + TALL_V3);
    const cut = text.slice(0, text.indexOf("Permethrin 5% cream,45802-0269-37,NDC,,,both"));
    const rows = cut.split("\n").filter((line) => line !== "").length;
    const issue = issueOf(await readHospitalMrf(cut + "Permethrin 5% cream,45802-0269-37,NDC,,,bo"));
    expect(issue).toEqual({ code: "fileCutMidRow", rowNumber: rows + 1, cells: 6, expected: 24 });
  });

  it("refuses a truncated JSON file", async () => {
    const json = readSharedData(DIR + "v3_json_format_example.json");
    const issue = issueOf(await readHospitalMrf(json.slice(0, Math.floor(json.length / 2))));
    expect(issue.code).toBe("jsonCut");
  });

  it("refuses JSON with a syntax error", async () => {
    const json = readSharedData(DIR + "v3_json_format_example.json").replace(
      '"setting": "outpatient",',
      '"setting" "outpatient",',
    );
    expect(issueOf(await readHospitalMrf(json)).code).toBe("jsonSyntax");
  });
});
