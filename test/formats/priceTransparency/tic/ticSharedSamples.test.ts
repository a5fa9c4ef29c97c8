// Every CMS example file of data/price-transparency/tic read by the TiC in-network reader (DOMAIN.md 5.2). Expected
// values are read off the files themselves: e.g. the fee-for-service sample's 27447 has a professional price of
// 123.45 with modifier AS and POS 18/19/11, and provider reference 1 names two TINs, so each price is two rates.
import { describeWithSharedData } from "../../../support/sharedData";
import { ticIssueMessage } from "../../../../src/formats/priceTransparency/tic";
import { ALL_TYPES, BUNDLE, CAPITATION, FFS, MULTIPLE_PLANS, NO_NPI, readOk, readRefused, ticFile } from "./ticFiles";

describeWithSharedData("TiC in-network reader on the CMS example files", () => {
  describe("fee-for-service single plan sample", () => {
    it("keeps each of its 5 prices once per TIN of provider reference 1: 10 rates from 2 items", async () => {
      const read = await readOk(ticFile(FFS));
      expect(read.summary).toMatchObject({ itemsRead: 2, itemsKept: 2, ratesKept: 10 });
      expect(read.warnings).toEqual([]);
    });

    it("reads CPT 27447 negotiated at 123.45 professional and 1230.45 institutional (DOMAIN 5.2)", async () => {
      const read = await readOk(ticFile(FFS));
      const acme = read.rates.filter((r) => r.code === "27447" && r.tinValue === "11-1111111");
      expect(acme.map((r) => [r.rate.toString(), r.billingClass, r.setting, r.method, r.unit])).toEqual([
        ["123.45", "professional", "inpatient", "negotiated", "dollars"],
        ["1230.45", "institutional", "inpatient", "negotiated", "dollars"],
        ["120.45", "professional", "inpatient", "negotiated", "dollars"],
      ]);
    });

    it("keeps the professional price's modifier, places of service, expiration and position", async () => {
      const read = await readOk(ticFile(FFS));
      const first = read.rates[0]!;
      expect(first).toMatchObject({
        code: "27447",
        codeType: "CPT",
        modifiers: ["AS"],
        placeOfServiceCodes: ["18", "19", "11"],
        expirationDate: "2022-01-01",
        at: "in_network[0].negotiated_rates[0].negotiated_prices[0]",
      });
    });

    it("names the publisher, the issuer as payer and the plan, and each provider by TIN and NPIs", async () => {
      const read = await readOk(ticFile(FFS));
      const first = read.rates[0]!;
      expect([first.source, first.publisher, first.payer, first.plan]).toEqual([
        "tic",
        "medicare",
        "ACME Issuer",
        "Plan A PPO",
      ]);
      expect(first.provider).toBe("ACME Provider Group (EIN 11-1111111)");
      expect(first.npis).toEqual(["1111111111", "2222222222", "3333333333", "4444444444", "5555555555"]);
      expect(first.providerGroupId).toBe(1);
    });

    it("keeps the custom service code CSTM-00 of CPT 27448", async () => {
      const read = await readOk(ticFile(FFS));
      const rate = read.rates.find((r) => r.code === "27448" && r.rate.toString() === "12003.45");
      expect(rate?.placeOfServiceCodes).toEqual(["CSTM-00"]);
    });
  });

  describe("all negotiated types sample", () => {
    it("maps each negotiated_type to a method and unit, percentages as whole-number percents", async () => {
      const read = await readOk(ticFile(ALL_TYPES));
      const byCode = (code: string) => read.rates.find((r) => r.code === code)!;
      expect([byCode("99214").method, byCode("99214").rate.toString()]).toEqual(["negotiated", "150"]);
      expect([byCode("97110").method, byCode("97110").unit, byCode("97110").rate.toString()]).toEqual([
        "percentOfCharges",
        "percent",
        "65",
      ]);
      expect([byCode("0200").method, byCode("0200").codeType, byCode("0200").rate.toString()]).toEqual([
        "perDiem",
        "RC",
        "5500",
      ]);
      expect([byCode("80053").method, byCode("80053").rate.toString()]).toEqual(["derived", "45"]);
      expect([byCode("27447").method, byCode("27447").rate.toString()]).toEqual(["feeSchedule", "8500"]);
    });

    it("keeps 75.5 for the emergency visit's percentage price", async () => {
      const read = await readOk(ticFile(ALL_TYPES));
      const percent = read.rates.find((r) => r.code === "99285" && r.unit === "percent");
      expect(percent?.rate.toString()).toBe("75.5");
    });

    it("gives 27447's prices to all three TINs of references 1 and 2: 15 rates from 6 items", async () => {
      const read = await readOk(ticFile(ALL_TYPES));
      expect(read.summary).toMatchObject({ itemsRead: 6, itemsKept: 6, ratesKept: 15 });
      const knee = read.rates.filter((r) => r.code === "27447" && r.method === "negotiated");
      expect(knee.map((r) => r.tinValue)).toEqual(["12-3456789", "23-4567890", "34-5678901"]);
    });
  });

  it("multiple plans sample: 12 rates with the publisher as payer, and a warning that no plan is named", async () => {
    const read = await readOk(ticFile(MULTIPLE_PLANS));
    expect(read.summary.ratesKept).toBe(12);
    expect(new Set(read.rates.map((r) => `${r.payer}|${r.plan}`))).toEqual(new Set(["cms|"]));
    expect(read.warnings.map((w) => w.code)).toEqual(["noPlanNamed"]);
  });

  it("multiple plans sample: reads the derived price for both billing classes", async () => {
    const read = await readOk(ticFile(MULTIPLE_PLANS));
    const derived = read.rates.filter((r) => r.method === "derived");
    expect(derived.map((r) => [r.rate.toString(), r.billingClass])).toEqual([
      ["120.45", "both"],
      ["120.45", "both"],
    ]);
  });

  it("no-NPI sample: a provider group typed by NPI instead of EIN", async () => {
    const read = await readOk(ticFile(NO_NPI));
    expect(read.rates).toHaveLength(1);
    expect(read.rates[0]).toMatchObject({ tinType: "npi", tinValue: "1234567890", provider: "NPI 1234567890" });
    expect(read.rates[0]!.rate.toString()).toBe("123.45");
  });

  it("bundle sample: the bundle is skipped and counted, no rates", async () => {
    const read = await readOk(ticFile(BUNDLE));
    expect(read.rates).toEqual([]);
    expect(read.summary.skipped.bundleArrangement).toBe(1);
  });

  it("capitation sample: the capitation arrangement is skipped and counted, no rates", async () => {
    const read = await readOk(ticFile(CAPITATION));
    expect(read.rates).toEqual([]);
    expect(read.summary.skipped.capitationArrangement).toBe(1);
  });

  it.each([
    ["allowed-amounts-single-plan-sample.json", "allowedAmounts"],
    ["allowed-amounts-multiple-plan-sample.json", "allowedAmounts"],
    ["table-of-contents-sample.json", "tableOfContents"],
  ])("refuses %s, saying it is a %s file", async (name, kind) => {
    const refusal = await readRefused(ticFile(name));
    expect(refusal).toMatchObject({ code: "notInNetworkFile", kind });
    expect(ticIssueMessage(refusal)).toContain("expected in_network");
  });

  it("refuses a hospital JSON price file and says to read it as one", async () => {
    const refusal = await readRefused(ticFile("../hospital-mrf/v3_json_format_example.json"));
    expect(refusal).toMatchObject({ code: "notInNetworkFile", kind: "hospitalMrf" });
    expect(ticIssueMessage(refusal)).toContain("hospital machine-readable file");
  });

  it("refuses a hospital CSV price file as delimited text, not JSON", async () => {
    const refusal = await readRefused(ticFile("../hospital-mrf/V3.0.0_Tall_CSV_Format_Example.csv"));
    expect(refusal).toMatchObject({ code: "notJson", kind: "csv" });
    expect(ticIssueMessage(refusal)).toContain('expected a JSON object ("{")');
  });

  it("refuses an 835 remittance as an X12 file", async () => {
    const refusal = await readRefused(ticFile("../../x12-835/keironstoddart/blue_cross_nc_sample.txt"));
    expect(refusal).toMatchObject({ code: "notJson", kind: "x12" });
  });
});
