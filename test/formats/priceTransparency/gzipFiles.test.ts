// Price-transparency files as they are published: payers post TiC in-network files as .json.gz, and hospitals
// sometimes compress theirs. A gzip file is read decompressed, to the same rates as the plain file; a cut or damaged
// one is refused with no rate, saying so. The files are the shared examples, compressed here with Node's zlib.
import { gzipSync } from "zlib";
import {
  hospitalMrfIssueMessage,
  readHospitalMrf,
  type HospitalMrfResult,
} from "../../../src/formats/priceTransparency/hospitalMrf";
import { readTicInNetwork, ticIssueMessage, type TicRead } from "../../../src/formats/priceTransparency/tic";
import type { MarketRate } from "../../../src/formats/priceTransparency/marketRate";
import { describeWithSharedData, readSharedData } from "../../support/sharedData";

const TIC = "price-transparency/tic/in-network-rates-fee-for-service-single-plan-sample.json";
const HOSPITAL_CSV = "price-transparency/hospital-mrf/V3.0.0_Tall_CSV_Format_Example.csv";
const HOSPITAL_JSON = "price-transparency/hospital-mrf/V2.0.0_JSON_Format_Example.json";

const gzipped = (text: string) => new Blob([gzipSync(Buffer.from(text, "utf8"))]);
const plain = (text: string) => new Blob([text]);
/** The gzip file cut short: its last 40 bytes (the end of the deflate stream and the trailer) lost. */
const cut = (text: string) => {
  const bytes = gzipSync(Buffer.from(text, "utf8"));
  return new Blob([bytes.subarray(0, bytes.length - 40)]);
};
const line = (rate: MarketRate) => `${rate.code} ${rate.payer} ${rate.plan} ${rate.setting} ${rate.rate.toString()}`;

async function ticRates(blob: Blob): Promise<TicRead> {
  const read = await readTicInNetwork(blob);
  if (!read.ok) throw new Error(ticIssueMessage(read.issue));
  return read.value;
}

async function hospitalRates(blob: Blob): Promise<readonly string[]> {
  const read: HospitalMrfResult = await readHospitalMrf(blob);
  if (!read.ok) throw new Error(hospitalMrfIssueMessage(read.issue));
  return read.value.rates.map(line);
}

describeWithSharedData("compressed price-transparency files", () => {
  it("reads a plan's .json.gz to the same rates as the plain file, 27447 at 123.45 among them", async () => {
    const text = readSharedData(TIC);
    const fromGzip = await ticRates(gzipped(text));
    expect(fromGzip.rates.map(line)).toEqual((await ticRates(plain(text))).rates.map(line));
    expect(fromGzip.rates.some((r) => r.code === "27447" && r.rate.toString() === "123.45")).toBe(true);
  });

  it("reads a hospital's .csv.gz and .json.gz to the same rates as the plain files", async () => {
    for (const file of [HOSPITAL_CSV, HOSPITAL_JSON]) {
      const text = readSharedData(file);
      const fromGzip = await hospitalRates(gzipped(text));
      expect(fromGzip.length).toBeGreaterThan(0);
      expect(fromGzip).toEqual(await hospitalRates(plain(text)));
    }
  });

  it("refuses a cut .json.gz from a plan with no rate, saying it is cut short or damaged", async () => {
    const read = await readTicInNetwork(cut(readSharedData(TIC)));
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.issue.code).toBe("gzipDamaged");
      expect(ticIssueMessage(read.issue)).toMatch(/^The compressed \(\.gz\) file could not be decompressed \(.+\): it is cut short or damaged.*nothing was read\. Download it again\.$/); // prettier-ignore
    }
  });

  it("refuses a cut .csv.gz from a hospital with no rate, saying it is cut short or damaged", async () => {
    const read = await readHospitalMrf(cut(readSharedData(HOSPITAL_CSV)));
    expect(read.ok ? "read" : read.issue.code).toBe("gzipDamaged");
  });

  it("says how to go on where the host cannot decompress (an older Excel): decompress the file first", async () => {
    const saved = Object.getOwnPropertyDescriptor(globalThis, "DecompressionStream");
    Object.defineProperty(globalThis, "DecompressionStream", { value: undefined, configurable: true });
    try {
      const read = await readTicInNetwork(gzipped(readSharedData(TIC)));
      expect(read.ok ? "read" : ticIssueMessage(read.issue)).toMatch(/cannot decompress it: decompress it first/);
    } finally {
      if (saved !== undefined) Object.defineProperty(globalThis, "DecompressionStream", saved);
    }
  });
});
