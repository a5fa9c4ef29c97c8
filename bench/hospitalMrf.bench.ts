// Read a generated 2,000,000-row hospital MRF (tall CSV, v3.0.0) filtered to 20 codes, as the Benchmarks tab reads
// a large academic center's file (DOMAIN.md 5.3: 2-5 million rows, over 500 MB). Budget (issue 16): under 20 s,
// with memory bounded by the chunk size rather than the file. The file is written to a temp file as a stream and
// read back as a stream of bytes, never held whole.
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "fs";
import { once } from "events";
import { tmpdir } from "os";
import path from "path";
import { readHospitalMrf } from "../src/formats/priceTransparency/hospitalMrf";
import { median } from "./measure";

const ROWS = 2_000_000;
const BUDGET_MS = 20_000;
const CODE_COUNT = 2_000;
const PAYERS = [
  ["Platform Health Insurance", "PPO"],
  ["Region Health Insurance", "HMO"],
  ["Coastal Care Health Plan", "EPO"],
  ["Summit Mutual", "POS"],
] as const;
const METHODS = ["fee schedule", "case rate", "per diem", "percent of total billed charges"] as const;

const HEADER = [
  "hospital_name,last_updated_on,version,location_name,hospital_address,license_number|CA,type_2_npi,attester_name",
  'Bench General Hospital,2026-04-01,3.0.0,Bench General Hospital,"1 Main Street, Fullerton, CA 92832",50056,0000000001,Bench Attester',
  "description,code | 1,code | 1 | type,code | 2,code | 2 | type,setting,drug_unit_of_measurement,drug_type_of_measurement,standard_charge | gross,standard_charge | discounted_cash,payer_name,plan_name,modifiers,standard_charge | negotiated_dollar,standard_charge | negotiated_percentage,standard_charge | negotiated_algorithm,median_amount,10th_percentile,90th_percentile,count,standard_charge | min,standard_charge | max,standard_charge | methodology,additional_generic_notes",
].join("\n");

function cptOf(index: number): string {
  return String(10000 + index * 37);
}

function rowOf(row: number): string {
  const code = cptOf(row % CODE_COUNT);
  const [payer, plan] = PAYERS[row % PAYERS.length]!;
  const method = METHODS[(row >> 2) % METHODS.length]!;
  const dollars = (100 + (row % 9000) + (row % 100) / 100).toFixed(2);
  const percent = method === "percent of total billed charges";
  return `"Service ${code}, outpatient",${450 + (row % 50)},RC,${code},CPT,outpatient,,,${dollars},${dollars},${payer},${plan},,${percent ? "" : dollars},${percent ? "70.5" : ""},,,,,,${dollars},${dollars},${method},`;
}

async function writeFile(file: string): Promise<void> {
  const out = createWriteStream(file);
  out.write(HEADER + "\n");
  let batch: string[] = [];
  for (let row = 0; row < ROWS; row++) {
    batch.push(rowOf(row));
    if (batch.length === 10_000) {
      if (!out.write(batch.join("\n") + "\n")) await once(out, "drain");
      batch = [];
    }
  }
  out.end(batch.join("\n"));
  await once(out, "finish");
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "hospital-mrf-bench-"));
  const file = path.join(dir, "tall-v3.csv");
  try {
    await writeFile(file);
    const bytes = statSync(file).size;
    const codes = new Set(Array.from({ length: 20 }, (_, i) => cptOf(i * 97)));
    const runs: number[] = [];
    let peakRss = 0;
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      const result = await readHospitalMrf(createReadStream(file, { highWaterMark: 1 << 20 }), {
        filter: { codes },
        onProgress: () => {
          peakRss = Math.max(peakRss, process.memoryUsage().rss);
        },
      });
      runs.push(performance.now() - start);
      if (!result.ok) throw new Error(`the generated file did not read: ${JSON.stringify(result.issue)}`);
      // 2,000 codes cycle through 2,000,000 rows: each of the 20 codes is on 1,000 rows, one rate per row.
      if (result.value.summary.kept !== 20 * (ROWS / CODE_COUNT)) throw new Error("wrong number of rates kept");
    }
    const medianMs = median(runs);
    console.log(
      `${`hospital MRF tall v3, ${ROWS.toLocaleString("en-US")} rows (${(bytes / 1e6).toFixed(0)} MB), 20 codes`.padEnd(60)} median ${medianMs.toFixed(0).padStart(8)} ms  (runs ${runs.map((ms) => ms.toFixed(0)).join(", ")}; ${(bytes / 1e6 / (medianMs / 1000)).toFixed(0)} MB/s; peak RSS ${(peakRss / 1e6).toFixed(0)} MB)  budget ${BUDGET_MS} ms  ${medianMs <= BUDGET_MS ? "ok" : "OVER"}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
