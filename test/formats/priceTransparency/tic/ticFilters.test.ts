// Filtering while reading (MarketRateFilter) and the ways a file names its providers, on the CMS example files and
// variants built from them: provider_references after in_network, remote references, inline provider groups and
// the reporting_plans form of a multiple-plan file.
import { describeWithSharedData } from "../../../support/sharedData";
import { ticIssueMessage } from "../../../../src/formats/priceTransparency/tic";
import { ALL_TYPES, edited, FFS, MULTIPLE_PLANS, rateLine, readOk, ticFile, withTopKeysOrdered } from "./ticFiles";

describeWithSharedData("TiC in-network reader: filters", () => {
  it("keeps only the codes asked for and counts the other items as not requested", async () => {
    const read = await readOk(ticFile(ALL_TYPES), { codes: new Set(["27447", "0200"]) });
    expect(new Set(read.rates.map((r) => r.code))).toEqual(new Set(["27447", "0200"]));
    expect(read.summary).toMatchObject({ itemsRead: 6, itemsKept: 2, ratesKept: 7 });
    expect(read.summary.skipped.codeNotRequested).toBe(4);
  });

  it("compares codes trimmed and upper case", async () => {
    const read = await readOk(ticFile(FFS), { codes: new Set([" 27448 "]) });
    expect(read.rates.map((r) => r.code)).toEqual(["27448", "27448", "27448", "27448"]);
  });

  it("keeps only professional prices, and counts the institutional ones skipped", async () => {
    const read = await readOk(ticFile(FFS), { billingClasses: new Set(["professional"]) });
    expect(read.rates.map((r) => r.rate.toString()).sort()).toEqual(
      ["123.45", "123.45", "120.45", "120.45", "12003.45", "12003.45"].sort(),
    );
    expect(read.summary.skipped.billingClassNotRequested).toBe(2);
  });

  it("keeps a price for both billing classes under a professional filter", async () => {
    const read = await readOk(ticFile(MULTIPLE_PLANS), { billingClasses: new Set(["professional"]) });
    expect(read.rates.some((r) => r.billingClass === "both")).toBe(true);
  });

  it("keeps only outpatient prices when asked", async () => {
    const read = await readOk(ticFile(ALL_TYPES), { settings: new Set(["outpatient"]) });
    expect(new Set(read.rates.map((r) => r.code))).toEqual(new Set(["99214", "97110", "80053", "99285"]));
    expect(read.summary.skipped.settingNotRequested).toBe(3);
  });

  it("keeps the provider groups of a TIN given with or without its dash", async () => {
    const read = await readOk(ticFile(ALL_TYPES), { providerIds: new Set(["345678901"]) });
    expect(new Set(read.rates.map((r) => r.provider))).toEqual(new Set(["City General Hospital (EIN 34-5678901)"]));
    expect(read.summary.skipped.providerNotRequested).toBe(2);
  });

  it("keeps the provider groups one of whose NPIs is asked for", async () => {
    const read = await readOk(ticFile(ALL_TYPES), { providerIds: new Set(["4567890123"]) });
    expect(new Set(read.rates.map((r) => r.tinValue))).toEqual(new Set(["23-4567890"]));
  });
});

describeWithSharedData("TiC in-network reader: provider references", () => {
  it("gives the same rates when provider_references come after in_network", async () => {
    const first = await readOk(ticFile(ALL_TYPES));
    const last = await readOk(withTopKeysOrdered(ticFile(ALL_TYPES), [], ["provider_references"]));
    expect(last.rates.map(rateLine)).toEqual(first.rates.map(rateLine));
  });

  it("applies the code and provider filters when provider_references come after in_network", async () => {
    const text = withTopKeysOrdered(ticFile(ALL_TYPES), [], ["provider_references"]);
    const read = await readOk(text, { codes: new Set(["27447"]), providerIds: new Set(["12-3456789"]) });
    expect(read.rates.map((r) => [r.rate.toString(), r.tinValue])).toEqual([
      ["8500", "12-3456789"],
      ["12000", "12-3456789"],
    ]);
  });

  it("counts a reference given as a remote location, skips its rates and says it cannot be fetched", async () => {
    const text = edited(ticFile(FFS), (file) => {
      file.provider_references.push({ provider_group_id: 3, location: "https://example.com/providers/3.json" });
      file.in_network[1].negotiated_rates[1].provider_references = [3];
    });
    const read = await readOk(text);
    expect(read.summary.remoteReferenceCount).toBe(1);
    expect(read.summary.skipped.remoteProviderReference).toBe(1);
    expect(read.rates.some((r) => r.rate.toString() === "12.45")).toBe(false);
    const warning = read.warnings.find((w) => w.code === "remoteReferences")!;
    expect(ticIssueMessage(warning)).toBe(
      '1 provider reference points to a remote file (e.g. "https://example.com/providers/3.json"), which the add-in cannot fetch; 1 negotiated rate citing only such references was skipped.',
    );
  });

  it("reports a reference id the file does not define, by position", async () => {
    const text = edited(ticFile(FFS), (file) => {
      file.in_network[0].negotiated_rates[1].provider_references = [9];
    });
    const read = await readOk(text);
    expect(read.warnings.map(ticIssueMessage)).toEqual([
      "in_network[0].negotiated_rates[1].provider_references: provider reference 9 is not among the file's provider_references; its rates were skipped.",
    ]);
    expect(read.summary.ratesKept).toBe(8);
  });

  it("still reports an unknown reference id when a provider filter is set", async () => {
    const text = edited(ticFile(FFS), (file) => {
      file.in_network[0].negotiated_rates[1].provider_references = [9];
    });
    const read = await readOk(text, { providerIds: new Set(["11-1111111"]) });
    expect(read.warnings.map((w) => w.code)).toEqual(["referenceUnknown"]);
    expect(read.rates.map((r) => r.tinValue)).toEqual(["11-1111111", "11-1111111", "11-1111111", "11-1111111"]);
  });

  it("reads provider groups given inline in a negotiated rate", async () => {
    const text = edited(ticFile(NO_NPI_FILE), (file) => {
      const rate = file.in_network[0].negotiated_rates[0];
      delete rate.provider_references;
      rate.provider_groups = [
        { npi: [1999999999], tin: { type: "ein", value: "98-7654321", business_name: "Inline Group" } },
      ];
    });
    const read = await readOk(text);
    expect(read.rates.map((r) => [r.provider, r.npis, r.providerGroupId])).toEqual([
      ["Inline Group (EIN 98-7654321)", ["1999999999"], null],
    ]);
  });

  it("gives each rate the payer and plan of every plan a reporting_plans file lists", async () => {
    const text = edited(ticFile(MULTIPLE_PLANS), (file) => {
      file.reporting_plans = [
        {
          plan_name: "medicaid",
          plan_id_type: "hios",
          issuer_name: "CMS",
          plan_id: "1111111111",
          plan_market_type: "individual",
        },
        {
          plan_name: "chip",
          plan_id_type: "hios",
          issuer_name: "CMS",
          plan_id: "3333333333",
          plan_market_type: "group",
        },
      ];
    });
    const read = await readOk(text, { codes: new Set(["27448"]) });
    expect(read.rates.map((r) => `${r.payer}/${r.plan} ${r.rate.toString()}`).sort()).toEqual(
      [
        "CMS/chip 12.45",
        "CMS/chip 12.45",
        "CMS/chip 12003.45",
        "CMS/chip 12003.45",
        "CMS/medicaid 12.45",
        "CMS/medicaid 12.45",
        "CMS/medicaid 12003.45",
        "CMS/medicaid 12003.45",
      ].sort(),
    );
    expect(read.warnings).toEqual([]);
  });
});

const NO_NPI_FILE = "in-network-rates-no-npi.json";
