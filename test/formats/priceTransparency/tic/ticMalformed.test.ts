// Malformed variants of the CMS example files: schema violations are reported by their JSON path and the rest is
// read; a file cut short, invalid JSON or an empty file gives no rates at all, with a message saying where.
import { describeWithSharedData } from "../../../support/sharedData";
import { MAX_LISTED_WARNINGS, ticIssueMessage } from "../../../../src/formats/priceTransparency/tic";
import { ALL_TYPES, edited, FFS, readOk, readRefused, ticFile } from "./ticFiles";

describeWithSharedData("TiC in-network reader: schema violations", () => {
  it('reports a negotiated_rate of "abc" by its path and keeps the file\'s other rates', async () => {
    const text = edited(ticFile(FFS), (file) => {
      file.in_network[1].negotiated_rates[0].negotiated_prices[0].negotiated_rate = "abc";
    });
    const read = await readOk(text);
    expect(read.warnings.map(ticIssueMessage)).toEqual([
      'in_network[1].negotiated_rates[0].negotiated_prices[0].negotiated_rate: expected a positive number, found "abc".',
    ]);
    expect(read.summary.ratesKept).toBe(8);
    expect(read.summary.skipped.invalidPrice).toBe(1);
  });

  it("refuses a zero rate as the schema does (exclusive minimum 0)", async () => {
    const text = edited(ticFile(FFS), (file) => {
      file.in_network[0].negotiated_rates[1].negotiated_prices[0].negotiated_rate = 0;
    });
    const read = await readOk(text);
    expect(read.warnings.map(ticIssueMessage)).toEqual([
      "in_network[0].negotiated_rates[1].negotiated_prices[0].negotiated_rate: expected a positive number, found 0.",
    ]);
  });

  it("reports an unknown negotiated_type, billing class and setting, each by path", async () => {
    const text = edited(ticFile(ALL_TYPES), (file) => {
      Object.assign(file.in_network[2].negotiated_rates[0].negotiated_prices[0], {
        negotiated_type: "case rate",
        billing_class: "facility",
        setting: "home",
      });
    });
    const read = await readOk(text);
    const at = "in_network[2].negotiated_rates[0].negotiated_prices[0]";
    expect(read.warnings.map(ticIssueMessage)).toEqual([
      `${at}.negotiated_type: expected one of "negotiated", "derived", "fee schedule", "percentage", "per diem", found "case rate".`,
      `${at}.billing_class: expected one of "professional", "institutional", "both", found "facility".`,
      `${at}.setting: expected one of "inpatient", "outpatient", "both", found "home".`,
    ]);
    expect(read.rates.some((r) => r.code === "0200")).toBe(false);
  });

  it("reports a missing expiration date and a bad place of service code", async () => {
    const text = edited(ticFile(FFS), (file) => {
      const price = file.in_network[0].negotiated_rates[0].negotiated_prices[0];
      delete price.expiration_date;
      price.service_code = ["18", "1"];
    });
    const read = await readOk(text);
    const at = "in_network[0].negotiated_rates[0].negotiated_prices[0]";
    expect(read.warnings.map(ticIssueMessage)).toEqual([
      `${at}.expiration_date: missing.`,
      `${at}.service_code: expected a list of 2-digit place of service codes, or ["CSTM-00"], found ["18","1"].`,
    ]);
  });

  it("reports a file without reporting_entity_name and keeps its rates with a blank publisher", async () => {
    const text = edited(ticFile(FFS), (file) => {
      delete file.reporting_entity_name;
    });
    const read = await readOk(text);
    expect(read.warnings.map(ticIssueMessage)).toEqual(["reporting_entity_name: missing."]);
    expect([read.publisher, read.rates[0]!.payer, read.summary.ratesKept]).toEqual(["", "ACME Issuer", 10]);
  });

  it("skips an item without a billing code and says where", async () => {
    const text = edited(ticFile(FFS), (file) => {
      delete file.in_network[1].billing_code;
    });
    const read = await readOk(text);
    expect(read.warnings.map(ticIssueMessage)).toEqual(["in_network[1].billing_code: missing."]);
    expect(read.summary.skipped.invalidItem).toBe(1);
    expect(read.summary.ratesKept).toBe(6);
  });

  it("reports an NPI that is not 10 digits and skips that provider group", async () => {
    const text = edited(ticFile(FFS), (file) => {
      file.provider_references[0].provider_groups[1].npi = [123];
    });
    const read = await readOk(text);
    expect(read.warnings.map(ticIssueMessage)).toEqual([
      "provider_references[0].provider_groups[1].npi: expected a non-empty list of 10-digit NPIs, or [0], found [123].",
    ]);
    expect(new Set(read.rates.map((r) => r.tinValue))).toEqual(new Set(["11-1111111"]));
  });

  it("reports a tin whose type is neither ein nor npi and skips that provider group", async () => {
    const text = edited(ticFile(FFS), (file) => {
      file.provider_references[1].provider_groups[0].tin.type = "constructor";
    });
    const read = await readOk(text);
    const tin = '{"type":"constructor","value":"22-2222222","business_name":"Midland Medical Group"}';
    expect(read.warnings.map(ticIssueMessage)).toEqual([
      `provider_references[1].provider_groups[0].tin: expected an object with type "ein" or "npi" and a value, found ${tin.slice(0, 60)}....`,
    ]);
    expect(read.summary.ratesKept).toBe(10);
  });

  it(`lists at most ${MAX_LISTED_WARNINGS} problems and counts the rest`, async () => {
    const text = edited(ticFile(FFS), (file) => {
      const price = file.in_network[0].negotiated_rates[0].negotiated_prices[0];
      file.in_network[0].negotiated_rates[0].negotiated_prices = Array.from(
        { length: MAX_LISTED_WARNINGS + 5 },
        (_, i) => ({
          ...price,
          negotiated_rate: -i - 1,
        }),
      );
    });
    const read = await readOk(text);
    expect(read.warnings).toHaveLength(MAX_LISTED_WARNINGS + 1);
    expect(ticIssueMessage(read.warnings[MAX_LISTED_WARNINGS]!)).toBe(
      "... and 5 more problems of the same kinds, not listed.",
    );
  });
});

describeWithSharedData("TiC in-network reader: files it refuses", () => {
  it("refuses a file cut short, with no rates, saying where it ends", async () => {
    const text = ticFile(FFS);
    const cut = text.slice(0, text.indexOf("1230.45"));
    const refusal = await readRefused(cut);
    expect(refusal).toEqual({
      code: "fileTruncated",
      bytesRead: cut.length,
      at: "in_network[0].negotiated_rates[0].negotiated_prices[1].negotiated_rate",
    });
    expect(ticIssueMessage(refusal)).toBe(
      `The file ends after ${cut.length.toLocaleString("en-US")} bytes in the middle of in_network[0].negotiated_rates[0].negotiated_prices[1].negotiated_rate: it is cut short, and an incomplete file is not a list of rates, so nothing was read. Download it again.`,
    );
  });

  it("refuses a file cut just before its last closing brace", async () => {
    const text = ticFile(FFS).trimEnd();
    const refusal = await readRefused(text.slice(0, -1));
    expect(refusal).toMatchObject({ code: "fileTruncated", at: "in_network" });
  });

  it("refuses invalid JSON, saying after which byte and where", async () => {
    const text = ticFile(FFS).replace('"billing_code": "27448",', '"billing_code": 27448x,');
    const refusal = await readRefused(text);
    expect(refusal).toMatchObject({ code: "jsonInvalid", at: "in_network[1].billing_code" });
    expect(ticIssueMessage(refusal)).toMatch(
      /^The file stops being valid JSON after byte [\d,]+, in in_network\[1\]\.billing_code; nothing was read\.$/,
    );
  });

  it("refuses an empty file", async () => {
    expect(await readRefused(["", "  \n"])).toEqual({ code: "fileEmpty" });
  });

  it("refuses a JSON object without in_network as not an in-network file", async () => {
    const refusal = await readRefused('{"reporting_entity_name": "x", "version": "2.0.0"}');
    expect(refusal).toEqual({
      code: "notInNetworkFile",
      kind: "otherJson",
      topKeys: ["reporting_entity_name", "version"],
    });
  });

  it("refuses a JSON array", async () => {
    expect(await readRefused("[1, 2]")).toMatchObject({ code: "notInNetworkFile", kind: "otherJson" });
  });

  it("refuses the XML form of a TiC file", async () => {
    expect(await readRefused('<?xml version="1.0"?><root/>')).toMatchObject({ code: "notJson", kind: "xml" });
  });
});
