// Every hospital machine-readable file in ../shared/data/price-transparency/hospital-mrf (CMS's own examples of the
// fictional West Mercy Hospital, SOURCES.md there) read into MarketRate records. The expected counts and values
// were worked out by reading the files by hand (see the comments), never copied from the reader's output.
import type { MarketRate } from "../../../src/formats/priceTransparency/marketRate";
import {
  hospitalMrfIssueMessage,
  readHospitalMrf,
  type HospitalMrfRead,
} from "../../../src/formats/priceTransparency/hospitalMrf";
import { describeWithSharedData, readSharedData } from "../../support/sharedData";

const DIR = "price-transparency/hospital-mrf/";

async function read(file: string): Promise<HospitalMrfRead> {
  const result = await readHospitalMrf(readSharedData(DIR + file));
  if (!result.ok) throw new Error(`${file}: ${hospitalMrfIssueMessage(result.issue)}`);
  return result.value;
}

function ratesOf(read: HospitalMrfRead, code: string, payer: string): MarketRate[] {
  return read.rates.filter((rate) => rate.code === code && rate.payer === payer);
}

function summaryLine(rate: MarketRate): string {
  return `${rate.code} ${rate.codeType} ${rate.plan} ${rate.setting} ${rate.method} ${rate.rate.toString()} ${rate.unit}`;
}

describeWithSharedData("hospital MRF: the CMS v2.0.0 examples", () => {
  // 31 data rows: MS-DRG 470 x4 (its LOCAL 175869 is not a rate), 92626 x2, H0017 x4, 762 x3, six modifier-only
  // rows, and ten drug rows where J1450 and J3420 also carry an NDC: 4+2+4+3+(2+2+4+2+2+4) = 29 rates.
  it("reads the tall CSV: 31 rows, 29 rates, the six modifier rows counted as skipped", async () => {
    const tall = await read("V2.0.0_Tall_CSV_Format_Example.csv");
    expect(tall.format).toEqual({ layout: "tall", generation: "v2", version: "2.0.0" });
    expect(tall.summary.rowsRead).toBe(31);
    expect(tall.summary.kept).toBe(29);
    expect(tall.summary.skipped.modifierAdjustment).toBe(6);
    expect(tall.issues).toEqual([]);
  });

  it("gives MS-DRG 470 for Platform Health Insurance PPO as a 20000 inpatient case rate (DOMAIN 5.1)", async () => {
    const tall = await read("V2.0.0_Tall_CSV_Format_Example.csv");
    const ppo = ratesOf(tall, "470", "Platform Health Insurance");
    expect(ppo.map(summaryLine)).toEqual(Array(3).fill("470 MS-DRG PPO inpatient caseRate 20000 dollars"));
    expect(ppo[0]!.at).toBe("row 4");
  });

  it("gives 92626 for the PPO as 98.98 dollars on a fee schedule and for the HMO as 115 percent", async () => {
    const tall = await read("V2.0.0_Tall_CSV_Format_Example.csv");
    expect(ratesOf(tall, "92626", "Platform Health Insurance").map(summaryLine)).toEqual([
      "92626 CPT PPO outpatient feeSchedule 98.98 dollars",
    ]);
    expect(ratesOf(tall, "92626", "Region Health Insurance").map(summaryLine)).toEqual([
      "92626 CPT HMO outpatient feeSchedule 115 percent",
    ]);
  });

  it("keeps the HMO's 50% of billed charges for MS-DRG 470 as a whole-number percent", async () => {
    const tall = await read("V2.0.0_Tall_CSV_Format_Example.csv");
    expect(ratesOf(tall, "470", "Region Health Insurance").map(summaryLine)).toEqual([
      "470 MS-DRG HMO inpatient percentOfCharges 50 percent",
    ]);
  });

  it("never makes a rate of a hospital's own LOCAL code", async () => {
    const tall = await read("V2.0.0_Tall_CSV_Format_Example.csv");
    expect(tall.rates.filter((rate) => rate.code === "175869")).toEqual([]);
  });

  it("names the hospital as publisher and its two locations as provider", async () => {
    const tall = await read("V2.0.0_Tall_CSV_Format_Example.csv");
    expect(tall.hospital).toBe("West Mercy Hospital");
    expect(tall.rates[0]).toMatchObject({
      source: "hospitalMrf",
      publisher: "West Mercy Hospital",
      provider: "West Mercy Hospital; West Mercy Surgical Center",
      billingClass: null,
    });
  });

  // 20 rows. Each of the three 470 rows has a PPO dollar and an HMO percent (6), 92626 both payers (2), H0017 one
  // payer per row (4), 762 PPO+HMO then PPO (3), three modifier rows x 2 payers skipped, drugs as in the tall file (16).
  it("reads the wide CSV: payers from the headers, 31 rates, underscores in payer names read as spaces", async () => {
    const wide = await read("V2.0.0_Wide_CSV_Format_Example.csv");
    expect(wide.format).toEqual({ layout: "wide", generation: "v2", version: "2.0.0" });
    expect(wide.summary.rowsRead).toBe(20);
    expect(wide.summary.kept).toBe(31);
    expect(wide.summary.skipped.modifierAdjustment).toBe(6);
    expect(ratesOf(wide, "92626", "Platform Health Insurance").map(summaryLine)).toEqual([
      "92626 CPT PPO outpatient feeSchedule 98.98 dollars",
    ]);
  });

  // 11 items whose payers_information give 4+2+4+3+2+1+1+4+2+2+4 = 29 rates; 3 modifiers x 2 payers skipped.
  it("reads the JSON: 11 items, 29 rates, the same 92626 and 470 rates as the CSV", async () => {
    const json = await read("V2.0.0_JSON_Format_Example.json");
    expect(json.format).toEqual({ layout: "json", generation: "v2", version: "2.0.0" });
    expect(json.summary.rowsRead).toBe(11);
    expect(json.summary.kept).toBe(29);
    expect(json.summary.skipped.modifierAdjustment).toBe(6);
    expect(ratesOf(json, "92626", "Platform Health Insurance").map(summaryLine)).toEqual([
      "92626 CPT PPO outpatient feeSchedule 98.98 dollars",
    ]);
    expect(ratesOf(json, "470", "Platform Health Insurance").map(summaryLine)).toEqual(
      Array(3).fill("470 MS-DRG PPO inpatient caseRate 20000 dollars"),
    );
  });
});

describeWithSharedData("hospital MRF: the CMS v3.0.0 examples", () => {
  // 45 rows: eight algorithm-only rows (786, 278, 885 and 001, two payers each), six modifier rows, and 31 charges
  // giving 4 (611+70551) +4 (360+49505) +2 (470) +2 (120) +4 (301+80048) +4 (450+99283) +4 (H0017) +3 (762)
  // +2+2 (aspirin, mexiletine) +4 (J1450+NDC) +2 +2 (kit, permethrin) +4 (J3420+NDC) = 43 rates.
  it("reads the tall CSV with spaces around its header pipes: 45 rows, 43 rates, 8 algorithm-only", async () => {
    const tall = await read("V3.0.0_Tall_CSV_Format_Example.csv");
    expect(tall.format).toEqual({ layout: "tall", generation: "v3", version: "3.0.0" });
    expect(tall.summary.rowsRead).toBe(45);
    expect(tall.summary.kept).toBe(43);
    expect(tall.summary.skipped.algorithmOnly).toBe(8);
    expect(tall.summary.skipped.modifierAdjustment).toBe(6);
    expect(tall.issues).toEqual([]);
  });

  it("gives MRI 70551 at 400 for Platform PPO and 250 for Region HMO, and its revenue code 611 alike", async () => {
    const tall = await read("V3.0.0_Tall_CSV_Format_Example.csv");
    expect(ratesOf(tall, "70551", "Platform Health Insurance").map(summaryLine)).toEqual([
      "70551 CPT PPO outpatient feeSchedule 400 dollars",
    ]);
    expect(ratesOf(tall, "70551", "Region Health Insurance").map(summaryLine)).toEqual([
      "70551 CPT HMO outpatient feeSchedule 250 dollars",
    ]);
    expect(ratesOf(tall, "611", "Platform Health Insurance").map(summaryLine)).toEqual([
      "611 RC PPO outpatient feeSchedule 400 dollars",
    ]);
  });

  it("gives ER level 99283 as 80 and 75 percent of total billed charges", async () => {
    const tall = await read("V3.0.0_Tall_CSV_Format_Example.csv");
    expect(tall.rates.filter((rate) => rate.code === "99283").map(summaryLine)).toEqual([
      "99283 CPT PPO outpatient percentOfCharges 80 percent",
      "99283 CPT HMO outpatient percentOfCharges 75 percent",
    ]);
  });

  it("makes no rate of a row that has only a contractual algorithm (Cesarean MS-DRG 786)", async () => {
    const tall = await read("V3.0.0_Tall_CSV_Format_Example.csv");
    expect(tall.rates.filter((rate) => rate.code === "786")).toEqual([]);
  });

  it("reads the wide CSV with its byte-order mark: 26 rows and the same 43 rates as the tall file", async () => {
    const wide = await read("V3.0.0_Wide_CSV_Format_Example.csv");
    const tall = await read("V3.0.0_Tall_CSV_Format_Example.csv");
    expect(wide.format).toEqual({ layout: "wide", generation: "v3", version: "3.0.0" });
    expect(wide.summary.rowsRead).toBe(26);
    expect(wide.summary.kept).toBe(43);
    expect(wide.summary.skipped.algorithmOnly).toBe(8);
    const key = (rate: MarketRate) => `${rate.payer} ${summaryLine(rate)}`;
    expect(wide.rates.map(key).sort()).toEqual(tall.rates.map(key).sort());
  });

  it("reads the JSON: 22 items and the same 43 rates as the tall file", async () => {
    const json = await read("v3_json_format_example.json");
    const tall = await read("V3.0.0_Tall_CSV_Format_Example.csv");
    expect(json.format).toEqual({ layout: "json", generation: "v3", version: "3.0.0" });
    expect(json.summary.rowsRead).toBe(22);
    expect(json.summary.kept).toBe(43);
    expect(json.summary.skipped.algorithmOnly).toBe(8);
    expect(json.summary.skipped.modifierAdjustment).toBe(6);
    const key = (rate: MarketRate) => `${rate.payer} ${summaryLine(rate)}`;
    expect(json.rates.map(key).sort()).toEqual(tall.rates.map(key).sort());
    expect(ratesOf(json, "70551", "Platform Health Insurance")[0]!.at).toBe(
      "standard_charge_information[0].standard_charges[0].payers_information[0]",
    );
  });

  it.each(["V3.0.0_Tall_CSV_Format_Template.csv", "V3.0.0_Wide_CSV_Format_Template.csv"])(
    "refuses the blank CMS template %s: its headers still hold placeholders",
    async (file) => {
      const result = await readHospitalMrf(readSharedData(DIR + file));
      expect(result).toEqual({
        ok: false,
        issue: { code: "templatePlaceholders", rowNumber: 3, header: "code|[i]" },
      });
    },
  );

  it("refuses the JSON schema: it is JSON but not a hospital file", async () => {
    const result = await readHospitalMrf(readSharedData(DIR + "V3.0.0_Hospital_price_transparency_schema.json"));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issue).toMatchObject({ code: "notHospitalMrf", looksLike: "json" });
  });
});
