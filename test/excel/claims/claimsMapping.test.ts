/** The claims column mapping: suggested from the headers users really have, stored once in the workbook. */
import {
  checkClaimsMapping,
  claimsMappingSettingKey,
  describeClaimsMappingIssue,
  readClaimsMapping,
  claimsMappingStep,
  suggestClaimsMapping,
} from "../../../src/excel/claims/claimsMapping";
import { ok } from "../../../src/engine";
import { REMITTANCE_COLUMN_OF_FIELD } from "../../../src/excel/claims/claimsColumns";
import { REMITTANCE_TABLE_COLUMNS, REMITTANCE_TABLE_SPEC } from "../../../src/excel/remittances/remittanceTable";
import { runOperation } from "../../../src/excel/core/operation";
import { WorkbookSimulator } from "../../../src/playground/simulator";

describe("suggesting a claims mapping from headers", () => {
  const remittanceHeaders = REMITTANCE_TABLE_COLUMNS.map((column) => column.name);

  it("maps the units of the add-in's own remittance table, Paid Service Unit Quantity, without the user", () => {
    expect(suggestClaimsMapping(remittanceHeaders).units).toBe("Paid Service Unit Quantity");
  });

  it("maps every field the remittance table writes to its column, its reason and reversal flag among them", () => {
    const mapping = suggestClaimsMapping(remittanceHeaders);
    const expected = Object.fromEntries(
      Object.entries(REMITTANCE_COLUMN_OF_FIELD).map(([field, remittanceField]) => [
        field,
        remittanceField === null ? null : REMITTANCE_TABLE_SPEC.columns[remittanceField].header,
      ]),
    );
    expect(mapping).toEqual(expected);
    expect(mapping).toMatchObject({ denialReasonCode: "Denial Reason Code", reversalFlag: "Reversal Flag" });
  });

  it("maps the Tuva headers of the sample workbook, allowed amount as the amount", () => {
    const mapping = suggestClaimsMapping([
      "Claim ID",
      "Service Date",
      "Payer",
      "Contract Name",
      "HCPCS Code",
      "HCPCS Modifier 1",
      "Service Unit Quantity",
      "Place of Service Code",
      "Charge Amount",
      "Allowed Amount",
      "Paid Amount",
    ]);
    expect(mapping).toMatchObject({
      hcpcsCode: "HCPCS Code",
      amount: "Allowed Amount",
      units: "Service Unit Quantity",
      chargeAmount: "Charge Amount",
      payer: "Payer",
      contractName: "Contract Name",
      serviceDate: "Service Date",
      hcpcsModifier1: "HCPCS Modifier 1",
      placeOfServiceCode: "Place of Service Code",
      claimId: "Claim ID",
    });
  });

  it("understands the synonyms in users' own exports (CPT, Billed, Charges, POS, Units, Mod 1, DOS)", () => {
    const mapping = suggestClaimsMapping(["CPT", "Mod 1", "POS", "Units", "Billed", "Paid", "DOS", "Payor"]);
    expect(mapping).toMatchObject({
      hcpcsCode: "CPT",
      hcpcsModifier1: "Mod 1",
      placeOfServiceCode: "POS",
      units: "Units",
      chargeAmount: "Billed",
      amount: "Paid",
      serviceDate: "DOS",
      payer: "Payor",
    });
    expect(suggestClaimsMapping(["Charges"]).chargeAmount).toBe("Charges");
  });

  it("maps a claims export's own Submitted Date and Paid Date", () => {
    const mapping = suggestClaimsMapping(["Claim ID", "CPT", "Paid", "Submitted Date", "Paid Date"]);
    expect(mapping).toMatchObject({ submittedDate: "Submitted Date", paidDate: "Paid Date", paidAmount: "Paid" });
  });

  it("understands the usual names of those dates (Date Submitted, Date Paid, Check Date, Check Number)", () => {
    expect(suggestClaimsMapping(["Date Submitted", "Date Paid", "Check Number"])).toMatchObject({
      submittedDate: "Date Submitted",
      paidDate: "Date Paid",
      checkOrEftTraceNumber: "Check Number",
    });
    expect(suggestClaimsMapping(["Bill Date", "Check Date"])).toMatchObject({
      submittedDate: "Bill Date",
      paidDate: "Check Date",
    });
  });

  it("maps the remittance table's dates: received, statement period, payment date and trace number", () => {
    expect(suggestClaimsMapping(remittanceHeaders)).toMatchObject({
      submittedDate: null,
      claimReceivedDate: "Claim Received Date",
      statementStartDate: "Statement Start Date",
      statementEndDate: "Statement End Date",
      paidDate: "Payment Date",
      checkOrEftTraceNumber: "Check/EFT Trace Number",
    });
  });

  it("maps the prior authorization column under the names users' exports give it", () => {
    const names = ["Prior Auth", "Authorization Number", "Auth #", "PA Number", "PA #", "Precert Number"];
    expect(names.map((name) => suggestClaimsMapping(["CPT", "Paid", name]).priorAuthorizationNumber)).toEqual(names);
  });

  it("maps the remittance table's Prior Auth column", () => {
    expect(suggestClaimsMapping(remittanceHeaders).priorAuthorizationNumber).toBe("Prior Auth");
  });

  it("leaves a field unmapped when no header matches it", () => {
    expect(suggestClaimsMapping(["CPT", "Allowed"]).chargeAmount).toBeNull();
  });
});

describe("checking a mapping against its table", () => {
  const mapping = suggestClaimsMapping(["CPT", "Allowed", "Billed"]);

  it("asks for a required field that is not mapped", () => {
    const result = checkClaimsMapping(
      "Claims",
      { ...mapping, amount: null },
      ["CPT", "Billed"],
      ["hcpcsCode", "amount"],
    );
    expect(!result.ok && describeClaimsMappingIssue(result.issue)).toBe(
      "Table Claims: choose the column that holds the amount (allowed or paid).",
    );
  });

  it("reports a mapped column the table no longer has", () => {
    const result = checkClaimsMapping("Claims", mapping, ["CPT", "Allowed"], ["hcpcsCode"]);
    expect(!result.ok && describeClaimsMappingIssue(result.issue)).toMatch(/has no column "Billed" any more/);
  });
});

describe("the mapping stored in the workbook's settings", () => {
  it("reads back what was saved, keyed by table name whatever its case", async () => {
    const simulator = new WorkbookSimulator();
    const mapping = suggestClaimsMapping(["CPT", "Allowed", "Billed"]);

    await runOperation(simulator.excel, { what: "saving the mapping" }, async () =>
      ok({ output: null, steps: [claimsMappingStep("Claims", mapping)] }),
    );

    const read = await readClaimsMapping(simulator.excel, "CLAIMS");
    expect(read).toEqual({ ok: true, value: mapping });
  });

  it("is null for a table whose mapping was never confirmed", async () => {
    expect(await readClaimsMapping(new WorkbookSimulator().excel, "Claims")).toEqual({ ok: true, value: null });
  });

  it("refuses a stored value that is not a mapping, with a message to confirm again", async () => {
    const simulator = new WorkbookSimulator();
    await simulator.excel.run(async (context) => {
      context.workbook.settings.add(claimsMappingSettingKey("Claims"), {
        version: 1,
        tableName: "Claims",
        columns: { hcpcsCode: 5 },
      });
      await context.sync();
    });

    const read = await readClaimsMapping(simulator.excel, "Claims");

    expect(!read.ok && describeClaimsMappingIssue(read.issue)).toMatch(
      /^The saved column mapping of table Claims cannot be read \(columns\.hcpcsCode: .*\); confirm the mapping again\.$/,
    );
  });
});
