// Reading hospital files filtered and as streams: the filter keeps only the codes, settings and billing classes asked
// for; a file read in small pieces or as a Blob gives the same rates as read whole; progress and cancel work.
import {
  hospitalMrfIssueMessage,
  readHospitalMrf,
  type HospitalMrfOptions,
  type HospitalMrfRead,
} from "../../../src/formats/priceTransparency/hospitalMrf";
import type { HospitalMrfInput } from "../../../src/formats/priceTransparency/hospitalMrf";
import { describeWithSharedData, readSharedData } from "../../support/sharedData";

const DIR = "price-transparency/hospital-mrf/";
const TALL_V3 = "V3.0.0_Tall_CSV_Format_Example.csv";

async function read(input: HospitalMrfInput, options: HospitalMrfOptions = {}): Promise<HospitalMrfRead> {
  const result = await readHospitalMrf(input, options);
  if (!result.ok) throw new Error(hospitalMrfIssueMessage(result.issue));
  return result.value;
}

/** The v3 tall example with a billing_class column added: professional for the MRI rows 4-5, facility elsewhere. */
function tallWithBillingClass(): string {
  return readSharedData(DIR + TALL_V3)
    .split("\n")
    .map((line, i) => {
      if (i < 2 || line === "") return line;
      if (i === 2) return `${line},billing_class`;
      return `${line},${i === 3 || i === 4 ? "professional" : "facility"}`;
    })
    .join("\n");
}

describeWithSharedData("hospital MRF: filters", () => {
  it("keeps only the codes asked for, and counts the other charges as filtered out", async () => {
    const result = await read(readSharedData(DIR + TALL_V3), { filter: { codes: new Set(["70551", " j1450 "]) } });
    expect(result.rates.map((rate) => `${rate.code} ${rate.plan} ${rate.rate.toString()}`)).toEqual([
      "70551 PPO 400",
      "70551 HMO 250",
      "J1450 PPO 35",
      "J1450 HMO 37",
    ]);
    // Of the 45 rows, the 4 of the two codes are kept; every other row is filtered out, modifier rows included.
    expect(result.summary.skipped.filteredOut).toBe(45 - 4);
  });

  it("filters a JSON file as it filters the same hospital's CSV", async () => {
    const filter = { codes: new Set(["99283", "470"]), settings: new Set(["outpatient" as const]) };
    const json = await read(readSharedData(DIR + "v3_json_format_example.json"), { filter });
    const tall = await read(readSharedData(DIR + TALL_V3), { filter });
    const line = (rate: { code: string; plan: string; setting: string; rate: { toString(): string } }) =>
      `${rate.code} ${rate.plan} ${rate.setting} ${rate.rate.toString()}`;
    // 470 is inpatient only: only the ER visit 99283 (80% PPO, 75% HMO) is outpatient.
    expect(json.rates.map(line)).toEqual(["99283 PPO outpatient 80", "99283 HMO outpatient 75"]);
    expect(tall.rates.map(line)).toEqual(json.rates.map(line));
    expect(json.summary.skipped.modifierAdjustment).toBe(0);
  });

  it("keeps the rates of the setting asked for and those for both settings", async () => {
    const result = await read(readSharedData(DIR + TALL_V3), { filter: { settings: new Set(["inpatient"]) } });
    expect(new Set(result.rates.map((rate) => rate.setting))).toEqual(new Set(["inpatient", "both"]));
    // Inpatient: 470 x2, 120 x2, H0017 x4; both: the twelve drug rows, four of which also carry an NDC = 16.
    expect(result.rates.length).toBe(8 + 16);
  });

  it("reads the optional billing_class column, facility as institutional", async () => {
    const result = await read(tallWithBillingClass(), { filter: { billingClasses: new Set(["professional"]) } });
    expect(result.rates.map((rate) => `${rate.code} ${rate.billingClass}`)).toEqual([
      "611 professional",
      "70551 professional",
      "611 professional",
      "70551 professional",
    ]);
    const all = await read(tallWithBillingClass());
    expect(all.rates.find((rate) => rate.code === "470")?.billingClass).toBe("institutional");
  });

  it("keeps no rate whose billing class the file does not state when a billing class is asked for", async () => {
    const result = await read(readSharedData(DIR + TALL_V3), {
      filter: { billingClasses: new Set(["institutional"]) },
    });
    expect(result.rates).toEqual([]);
  });
});

describeWithSharedData("hospital MRF: streams", () => {
  it("gives the same rates when the CSV arrives in 7-character pieces (rows and quotes cut across pieces)", async () => {
    const text = readSharedData(DIR + TALL_V3);
    const pieces = Array.from({ length: Math.ceil(text.length / 7) }, (_, i) => text.slice(i * 7, i * 7 + 7));
    const whole = await read(text);
    const streamed = await read(pieces);
    expect(streamed.rates.map((rate) => `${rate.at} ${rate.code} ${rate.rate.toString()}`)).toEqual(
      whole.rates.map((rate) => `${rate.at} ${rate.code} ${rate.rate.toString()}`),
    );
  });

  it("gives the same rates, counts and row numbers when a file read for some codes is skimmed in pieces", async () => {
    const text = readSharedData(DIR + TALL_V3);
    const pieces = Array.from({ length: Math.ceil(text.length / 7) }, (_, i) => text.slice(i * 7, i * 7 + 7));
    const filter = { codes: new Set(["70551", "001", "H0017", "J3420"]) };
    const whole = await read(text, { filter });
    const skimmed = await read(pieces, { filter });
    const line = (rate: { at: string; code: string; plan: string; rate: { toString(): string } }) =>
      `${rate.at} ${rate.code} ${rate.plan} ${rate.rate.toString()}`;
    expect(skimmed.rates.map(line)).toEqual(whole.rates.map(line));
    expect(skimmed.summary).toEqual(whole.summary);
    // H0017 is on lines 24-27 of the file (one payer each; no cell of the file spans lines, so lines are rows).
    expect(skimmed.rates.filter((rate) => rate.code === "H0017").map((rate) => rate.at)).toEqual([
      "row 24",
      "row 25",
      "row 26",
      "row 27",
    ]);
  });

  it("skims past a cell that spans lines without losing count of rows", async () => {
    const lines = readSharedData(DIR + TALL_V3).split("\n");
    // Row 12 (Basic metabolic panel, PPO) gets a quoted description over two lines; MRI 70551 follows on rows 4-5.
    lines[11] = lines[11]!.replace("Basic metabolic panel,", '"Basic metabolic\npanel",');
    lines.push(
      "MRI of brain (no contrast),611,RC,70551,CPT,outpatient,,,1200,1080,Other Plan Co,EPO,,333,,,,,,,250,400,fee schedule,",
    );
    const text = lines.join("\n");
    const pieces = Array.from({ length: Math.ceil(text.length / 5) }, (_, i) => text.slice(i * 5, i * 5 + 5));
    const skimmed = await read(pieces, { filter: { codes: new Set(["70551"]) } });
    expect(skimmed.rates.map((rate) => `${rate.at} ${rate.plan} ${rate.rate.toString()}`)).toEqual([
      "row 4 PPO 400",
      "row 5 HMO 250",
      `row ${lines.length} EPO 333`,
    ]);
  });

  it("gives the same rates when the JSON arrives as bytes in 100-byte pieces", async () => {
    const text = readSharedData(DIR + "v3_json_format_example.json");
    const bytes = new TextEncoder().encode(text);
    async function* pieces() {
      for (let i = 0; i < bytes.length; i += 100) yield bytes.subarray(i, i + 100);
    }
    const streamed = await read(pieces());
    expect(streamed.summary).toEqual((await read(text)).summary);
  });

  it("reads a Blob (a File chosen in the task pane) and reports its bytes as progress", async () => {
    const text = readSharedData(DIR + "V3.0.0_Wide_CSV_Format_Example.csv");
    const blob = new Blob([text]);
    const progress: { bytesRead: number; totalBytes: number | null; rowsRead: number }[] = [];
    const result = await read(blob, { onProgress: (p) => progress.push(p) });
    expect(result.summary.kept).toBe(43);
    expect(progress.at(-1)).toEqual({ bytesRead: blob.size, totalBytes: blob.size, rowsRead: 26 });
  });

  it("says the file could not be read when reading a File fails, and keeps no rate", async () => {
    const failing = {
      size: 10,
      slice: () => ({ arrayBuffer: () => Promise.reject(new Error("The file was moved or deleted.")) }),
    };
    expect(await readHospitalMrf(failing)).toEqual({
      ok: false,
      issue: { code: "readFailed", detail: "The file was moved or deleted." },
    });
  });

  it("stops when cancelled and keeps no rate", async () => {
    const controller = new AbortController();
    const text = readSharedData(DIR + TALL_V3);
    const pieces = Array.from({ length: 20 }, (_, i) =>
      text.slice((i * text.length) / 20, ((i + 1) * text.length) / 20),
    );
    const result = await readHospitalMrf(pieces, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.rowsRead > 10) controller.abort();
      },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issue.code).toBe("cancelled");
  });
});
