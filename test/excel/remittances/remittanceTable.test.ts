// The remittance table built from real 835 samples (test/fixtures/x12-835, ../shared/data/x12-835) and, for what
// no public sample holds (a reversal, codes with leading zeros), small hand-written files.
import { readFileSync } from "fs";
import path from "path";
import { computeDenialRate } from "../../../src/engine/denials";
import {
  freeRemittanceNames,
  REMITTANCE_COLUMNS,
  remittanceRows,
  remittanceTableRequest,
  tableNameFor,
} from "../../../src/excel/remittances/remittanceTable";
import type { CellValue } from "../../../src/excel/core/tableColumns";
import { writeTable } from "../../../src/excel/core/tableWriter";
import { parse835, remit835IssueMessage, type Remit835File } from "../../../src/formats/remit835";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { describeWithSharedData, readSharedData } from "../../support/sharedData";
import { remit835 } from "../../formats/remit835/snippets";
import { cellAt } from "../../playground/simulator/helpers";

const FIXTURES = path.resolve(__dirname, "..", "..", "fixtures", "x12-835");

function parsed(text: string): Remit835File {
  const result = parse835(text);
  if (!result.ok) throw new Error(remit835IssueMessage(result.issue));
  return result.value;
}

const fixture = (name: string) => parsed(readFileSync(path.join(FIXTURES, name), "latin1"));

/** The table's rows as records keyed by header, for reading one column at a time. */
function records(fileName: string, file: Remit835File): Record<string, CellValue>[] {
  return remittanceRows([{ fileName, file }]).map((row) =>
    Object.fromEntries(REMITTANCE_COLUMNS.map((column, c) => [column.name, row[c] ?? null])),
  );
}

const column = (rows: readonly Record<string, CellValue>[], name: string) => rows.map((row) => row[name]);

describe("the remittance table's columns", () => {
  it("has the columns finance users read, in order, each described", () => {
    expect(REMITTANCE_COLUMNS.map((c) => c.name)).toEqual([
      "Payer",
      "Claim ID",
      "Claim Status Code",
      "Claim Line Number",
      "Service Date",
      "HCPCS Code",
      "HCPCS Modifier 1",
      "HCPCS Modifier 2",
      "HCPCS Modifier 3",
      "HCPCS Modifier 4",
      "Original HCPCS Code",
      "Paid Service Unit Quantity",
      "Charge Amount",
      "Allowed Amount",
      "Paid Amount",
      "Patient Responsibility Amount",
      "Adjustment Codes",
      "Outcome",
      "Adjustment Amount",
      "Denied Flag",
      "Partial Denial Flag",
      "Denial Category",
      "Denial Reason Code",
      "Reversal Flag",
      "Claim Received Date",
      "Statement Start Date",
      "Statement End Date",
      "Payment Date",
      "Check/EFT Trace Number",
      "Source File",
      "Warnings",
      "Revenue Code",
      "Facility Type Code",
      "MS-DRG",
      "DRG Weight",
      "Covered Days",
      "Prior Auth",
    ]);
    expect(REMITTANCE_COLUMNS.every((c) => c.description.length > 10)).toBe(true);
  });

  it("writes codes and ids as text and amounts as money", () => {
    const kinds = Object.fromEntries(REMITTANCE_COLUMNS.map((c) => [c.name, c.kind]));
    expect(kinds).toMatchObject({
      "Claim ID": "text",
      "Claim Status Code": "text",
      "HCPCS Code": "text",
      "HCPCS Modifier 1": "text",
      "Adjustment Codes": "text",
      Outcome: "text",
      "Charge Amount": "money",
      "Allowed Amount": "money",
      "Paid Amount": "money",
      "Service Date": "date",
      "Denied Flag": "boolean",
      "Claim Received Date": "date",
      "Statement Start Date": "date",
      "Statement End Date": "date",
      "Payment Date": "date",
      "Check/EFT Trace Number": "text",
      "Revenue Code": "text",
      "Facility Type Code": "text",
      "MS-DRG": "text",
      "DRG Weight": "number",
      "Covered Days": "number",
    });
  });
});

describe("rows of a hospital remittance (test/fixtures/x12-835/institutional_drg_mia_moa.835)", () => {
  const rows = records("hospital.835", fixture("institutional_drg_mia_moa.835"));
  const institutional = (row: Record<string, CellValue>) =>
    [row["Claim ID"], row["Facility Type Code"], row["MS-DRG"], row["DRG Weight"], row["Covered Days"], row["Revenue Code"], row["HCPCS Code"]]; // prettier-ignore

  it("gives a stay sent without lines its DRG, weight, facility code and covered days on its one row", () =>
    expect(institutional(rows[0]!)).toEqual(["IP-2025-0001", "11", "470", 1.9289, 2, null, null]));

  it("gives each revenue code line of a stay the stay's DRG and the line's revenue code", () =>
    expect(rows.slice(1, 4).map(institutional)).toEqual([
      ["IP-2025-0002", "11", "291", 1.2838, 1, "0200", null],
      ["IP-2025-0002", "11", "291", 1.2838, 1, "0250", null],
      ["IP-2025-0002", "11", "291", 1.2838, 1, "0300", null],
    ]));

  it("gives an outpatient line its HCPCS code and revenue code, and no DRG", () =>
    expect(institutional(rows[4]!)).toEqual(["OP-2025-0003", "13", null, null, null, "0360", "27447"]));

  it("leaves the hospital columns blank on a professional remittance", () => {
    const professional = records("emedny_sample.835", fixture("emedny_sample.835"));
    expect(professional.every((row) => row["MS-DRG"] === null && row["DRG Weight"] === null && row["Revenue Code"] === null)).toBe(true); // prettier-ignore
  });
});

describe("rows built from the eMedNY sample (NY Medicaid, 3 claims, 10 lines)", () => {
  const rows = records("emedny_sample.835", fixture("emedny_sample.835"));

  it("has one row per service line with its payer, claim and line number", () => {
    expect(rows).toHaveLength(10);
    expect(rows[0]).toMatchObject({
      Payer: "NYSDOH",
      "Claim ID": "PATIENT ACCOUNT NUMBER",
      "Claim Status Code": "1",
      "Claim Line Number": 1,
      "Service Date": "2010-01-01",
      "HCPCS Code": "V2020",
      "HCPCS Modifier 1": "RB",
      "Source File": "emedny_sample.835",
    });
  });

  it("gives money in dollars from the file's cents", () => {
    expect(rows[3]).toMatchObject({
      "HCPCS Code": "S0580",
      "Paid Service Unit Quantity": 2,
      "Charge Amount": 20,
      "Allowed Amount": 20,
      "Paid Amount": 20,
    });
  });

  it("flags the lines denied for timely filing and for documentation, with their reason", () => {
    const denied = rows.filter((row) => row["Denied Flag"] === true);
    expect(denied.map((row) => [row["Denial Reason Code"], row["Denial Category"], row["Paid Amount"]])).toEqual([
      ["CO-29", "Timely filing", 0],
      ["CO-29", "Timely filing", 0],
      ["CO-251", "Medical documentation requested", 0],
      ["CO-251", "Medical documentation requested", 0],
    ]);
    expect(denied[0]).toMatchObject({ "Adjustment Codes": "CO-29", "Adjustment Amount": 12 });
  });

  it("leaves Adjustment Codes blank on a line paid without adjustment, and its Outcome says Paid", () => {
    expect(column(rows, "Adjustment Codes")).toEqual([
      null,
      null,
      null,
      null,
      "CO-29",
      "CO-29",
      null,
      null,
      "CO-251",
      "CO-251",
    ]);
    expect(column(rows, "Outcome")).toEqual([
      "Paid",
      "Paid",
      "Paid",
      "Paid",
      "Denied",
      "Denied",
      "Paid",
      "Paid",
      "Denied",
      "Denied",
    ]);
  });

  it("rates denials over the Outcome column by the 835 rules: 4 of 10 lines", () => {
    const rate = computeDenialRate({ outcomes: column(rows, "Outcome") });
    expect(rate.ok && [rate.value.deniedQuantity, rate.value.ratedQuantity]).toEqual([4, 10]);
  });
});

describe("rows with contractual and patient-responsibility adjustments", () => {
  it("lists every adjustment as group-reason, the way DENIAL_RATE reads it", () => {
    const file = parsed(
      remit835([
        "CLP*C-77*1*200*120*30*12*PCN1",
        "SVC*HC:99214:25*200*120**1",
        "DTM*472*20250110",
        "CAS*CO*45*50",
        "CAS*PR*2*20**1*10",
        "AMT*B6*150",
      ]),
    );
    const [row] = records("acme.835", file);

    expect(row).toMatchObject({
      "Adjustment Codes": "CO-45 PR-2 PR-1",
      "Adjustment Amount": 80,
      "Allowed Amount": 150,
      "Patient Responsibility Amount": 30,
      "HCPCS Modifier 1": "25",
      "Denied Flag": false,
      "Partial Denial Flag": false,
    });
    expect(row?.Outcome).toBe("Paid");
    const rate = computeDenialRate({ outcomes: [row?.Outcome] });
    expect(rate.ok && rate.value.deniedQuantity).toBe(0);
  });

  it("marks a paid line reduced by a CO denial reason as a partial denial", () => {
    const file = parsed(
      remit835(["CLP*C-78*1*300*150**12*PCN2", "SVC*HC:97110*300*150**4", "CAS*CO*45*50", "CAS*CO*151*100"]),
    );
    const [row] = records("acme.835", file);

    expect(row).toMatchObject({
      "Denied Flag": false,
      "Partial Denial Flag": true,
      Outcome: "Partial",
      "Denial Reason Code": "CO-151",
      "Denial Category": "Medical coding",
    });
  });
});

describe("codes stay text", () => {
  it("keeps the leading zeros of an anesthesia code and a claim id", async () => {
    const file = parsed(remit835(["CLP*000123*1*500*400**12*PCN3", "SVC*HC:00100*500*400**1", "CAS*CO*45*100"]));
    const request = remittanceTableRequest("Remittances", "Remittances", [{ fileName: "a.835", file }]);
    const simulator = new WorkbookSimulator({ sheets: [{ name: "Sheet1", cells: [["Notes"]] }] });

    const result = await writeTable(simulator.excel, request);

    expect(result.ok).toBe(true);
    expect(cellAt(simulator, "Remittances", "B2").value).toBe("000123");
    expect(cellAt(simulator, "Remittances", "F2").value).toBe("00100");
    expect(cellAt(simulator, "Remittances", "M2").numberFormat).toMatch(/\$/);
  });

  it("keeps the leading zero of MS-DRG 039 and of revenue code 0120 in the written table", async () => {
    const file = parsed(
      remit835(["CLP*IP9*1*9000*6000**16*PCN9*11*1**039*1.0566", "SVC*NU:0120*9000*6000**3", "CAS*CO*45*3000"]),
    );
    const request = remittanceTableRequest("Remittances", "Remittances", [{ fileName: "a.835", file }]);
    const simulator = new WorkbookSimulator({ sheets: [{ name: "Sheet1", cells: [["Notes"]] }] });

    expect((await writeTable(simulator.excel, request)).ok).toBe(true);
    const header = REMITTANCE_COLUMNS.map((c) => c.name);
    const at = (name: string) => simulator.cell("Remittances", 1, header.indexOf(name)).value;
    expect([at("MS-DRG"), at("Revenue Code"), at("DRG Weight")]).toEqual(["039", "0120", 1.0566]);
  });
});

describe("a reversal (CLP02 = 22)", () => {
  const file = parsed(
    remit835([
      "CLP*C-90*22*-100*-80**12*PCN9",
      "SVC*HC:99213*-100*-80**1",
      "CAS*CO*45*-20",
      "CLP*C-91*22*-100*-100**12*PCN10",
      "SVC*HC:99213*-100*-100**1",
    ]),
  );
  const rows = records("reversal.835", file);

  it("is flagged a reversal and never a denial, with negative amounts", () => {
    expect(rows[0]).toMatchObject({
      "Claim Status Code": "22",
      "Reversal Flag": true,
      "Denied Flag": false,
      "Charge Amount": -100,
      "Paid Amount": -80,
      "Adjustment Codes": "CO-45",
    });
  });

  it("reads Reversed in Outcome, with or without adjustments, which DENIAL_RATE leaves out", () => {
    expect(column(rows, "Outcome")).toEqual(["Reversed", "Reversed"]);
    const rate = computeDenialRate({ outcomes: [...column(rows, "Outcome"), "Denied"] });
    expect(rate.ok && [rate.value.excludedLines, rate.value.ratedQuantity]).toEqual([2, 1]);
  });
});

describe("warnings", () => {
  it("puts each line's warnings in its Warnings cell, in plain words first, then with their segment position", () => {
    const file = parsed(remit835(["CLP*C-5*1*100*90**12*PCN5", "SVC*HC:99213*100*90**1"]));
    const [row] = records("unbalanced.835", file);

    expect(row?.Warnings).toMatch(
      /^The payer's amounts for claim C-5 line 1 do not add up\. EDI detail: Segment \d+ \(SVC, line \d+, character \d+\): claim C-5 line 1 does not balance/,
    );
  });
});

describeWithSharedData("rows from the shared 835 samples", () => {
  it("keeps the code the payer changed (Blue Cross NC: 59430 billed as 59410)", () => {
    const file = parsed(readSharedData("x12-835/keironstoddart/blue_cross_nc_sample.txt"));
    const rows = records("blue_cross_nc_sample.txt", file);

    expect(column(rows, "HCPCS Code")).toEqual(["59430", "59440", "59426"]);
    expect(column(rows, "Original HCPCS Code")).toEqual(["59410", "59410", null]);
    expect(rows[0]).toMatchObject({
      "Adjustment Codes": "CO-42 PR-2",
      "Paid Amount": 1057.86,
      "Allowed Amount": 1175.4,
    });
  });
});

describe("names for the new sheet and table", () => {
  it("proposes Remittances in a workbook without one", () => {
    expect(freeRemittanceNames({ sheetNames: ["Claims"], tableNames: ["Claims"] })).toEqual({
      sheetName: "Remittances",
      tableName: "Remittances",
    });
  });

  it("proposes Remittances 2 when Remittances is taken, whatever its case", () => {
    expect(freeRemittanceNames({ sheetNames: ["REMITTANCES"], tableNames: [] })).toEqual({
      sheetName: "Remittances 2",
      tableName: "Remittances2",
    });
  });

  it("makes a table name Excel accepts from a sheet name", () => {
    expect(tableNameFor("Acme Q3 remits")).toBe("AcmeQ3remits");
    expect(tableNameFor("2025 remits")).toBe("_2025remits");
  });
});

describeWithSharedData("the dates of the UnitedHealthcare sample in the table", () => {
  const file = () => parsed(readSharedData("x12-835/keironstoddart/united_healthcare_legacy_sample.txt"));
  const DATES = [
    "Claim Received Date",
    "Statement Start Date",
    "Statement End Date",
    "Payment Date",
    "Check/EFT Trace Number",
  ];

  it("gives each line its claim's received date and statement period, and the payment's date and trace number", () => {
    const rows = records("uhc.835", file());
    expect(rows.map((row) => DATES.map((name) => row[name]))[0]).toEqual([
      "2021-01-14",
      "2020-12-21",
      "2021-01-13",
      "2021-02-04",
      "1234567890",
    ]);
  });

  it("writes the dates as real Excel dates (serial numbers with a date format) and the trace number as text", async () => {
    const simulator = new WorkbookSimulator({ sheets: [{ name: "Sheet1", cells: [["Notes"]] }] });
    const request = remittanceTableRequest("Remittances", "Remittances", [{ fileName: "uhc.835", file: file() }]);

    expect((await writeTable(simulator.excel, request)).ok).toBe(true);

    const at = (name: string) =>
      simulator.cell(
        "Remittances",
        1,
        REMITTANCE_COLUMNS.findIndex((col) => col.name === name),
      );
    // 2021-02-04 is Excel day 44231.
    expect([at("Payment Date").value, at("Payment Date").numberFormat]).toEqual([44231, expect.stringMatching(/y/)]);
    expect(at("Check/EFT Trace Number").value).toBe("1234567890");
  });
});

describe("a remittance without a received date or statement period", () => {
  it("leaves those cells blank, never guessed from the service dates", () => {
    const file = parsed(remit835(["CLP*C1*1*100*100**12*PCN1", "SVC*HC:99213*100*100**1", "DTM*472*20250105"]));
    expect(records("a.835", file)[0]).toMatchObject({
      "Service Date": "2025-01-05",
      "Claim Received Date": null,
      "Statement Start Date": null,
      "Statement End Date": null,
      "Payment Date": "2025-01-15",
      "Check/EFT Trace Number": "EFT12345",
    });
  });
});

describe("the prior authorization numbers of a remittance in the table", () => {
  const file = () =>
    parsed(
      remit835([
        "CLP*C1*1*300*300**12*PCN1",
        'REF*G1*=HYPERLINK("http://x")',
        "SVC*HC:70551*200*200**1",
        "REF*G1*00123",
        "SVC*HC:99213*100*100**1",
      ]),
    );

  it("writes each line's Prior Auth: its own REF*G1, else its claim's", () => {
    expect(column(records("a.835", file()), "Prior Auth")).toEqual(["00123", '=HYPERLINK("http://x")']);
  });

  it("keeps a number as text in the workbook: leading zeros kept, and one starting with = never a formula", async () => {
    const simulator = new WorkbookSimulator({ sheets: [{ name: "Sheet1", cells: [["Notes"]] }] });
    const request = remittanceTableRequest("Remittances", "Remittances", [{ fileName: "a.835", file: file() }]);
    expect((await writeTable(simulator.excel, request)).ok).toBe(true);
    const c = REMITTANCE_COLUMNS.findIndex((col) => col.name === "Prior Auth");
    const cells = [1, 2].map((r) => simulator.cell("Remittances", r, c));
    expect(cells.map((cell) => [cell.value, cell.formula])).toEqual([
      ["00123", null],
      ['=HYPERLINK("http://x")', null],
    ]);
  });
});
