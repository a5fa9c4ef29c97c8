// Stream a generated 1 GB Transparency in Coverage in-network file through readTicInNetwork, filtered to 20 codes.
// Budget (issue 16, ARCHITECTURE.md s.9): under 60 s with peak memory under 300 MB. The file is written to a temp
// file as a stream (never held in memory) in the shape of real payer files: provider_references first (20,000
// groups, 1-4 NPIs each), then thousands of CPT codes with 400 negotiated rates each, two prices per rate.
// TIC_BENCH_MB (default 1024) and TIC_BENCH_RUNS (default 3) change the size and the number of timed runs.
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import path from "path";
import { readTicInNetwork } from "../src/formats/priceTransparency/tic";
import { median } from "./measure";

const TARGET_BYTES = Number(process.env.TIC_BENCH_MB ?? 1024) * 1024 * 1024;
const RUNS = Number(process.env.TIC_BENCH_RUNS ?? 3);
const REFERENCES = 20_000;
const RATES_PER_CODE = 400;
const BUDGET_MS = 60_000;
const BUDGET_MB = 300;

function providerReference(id: number): string {
  const npis = Array.from({ length: 1 + (id % 4) }, (_, k) => 1_000_000_000 + id * 10 + k);
  const ein = `${String(10 + (id % 89))}-${String(id).padStart(7, "0")}`;
  return `{"provider_group_id":${id},"network_name":["Bench Network"],"provider_groups":[{"npi":[${npis.join(",")}],"tin":{"type":"ein","value":"${ein}","business_name":"Group ${id}"}}]}`;
}

function item(index: number): string {
  const code = String(10_000 + index);
  let text = `{"negotiation_arrangement":"ffs","name":"Procedure ${code}","billing_code_type":"CPT","billing_code_type_version":"2026","billing_code":"${code}","description":"Synthetic procedure ${code}","negotiated_rates":[`;
  for (let k = 0; k < RATES_PER_CODE; k++) {
    const ref = 1 + ((index * 7919 + k * 104_729) % REFERENCES);
    const rate = (50 + ((k * 37 + index) % 5000) + 0.25).toFixed(2);
    text += `${k === 0 ? "" : ","}{"provider_references":[${ref},${1 + ((ref * 31) % REFERENCES)}],"negotiated_prices":[{"negotiated_type":"negotiated","negotiated_rate":${rate},"expiration_date":"9999-12-31","service_code":["11","22"],"billing_class":"professional","setting":"outpatient","billing_code_modifier":["26"]},{"negotiated_type":"fee schedule","negotiated_rate":${100 + k}.5,"expiration_date":"9999-12-31","billing_class":"institutional","setting":"outpatient"}]}`;
  }
  return `${text}]}`;
}

/** Writes the file with backpressure, one item at a time; returns the number of codes written. */
async function generate(file: string): Promise<number> {
  const out = createWriteStream(file);
  let bytes = 0;
  const write = async (text: string) => {
    bytes += text.length;
    if (!out.write(text)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  };
  await write(
    '{"reporting_entity_name":"Bench Health","reporting_entity_type":"health insurance issuer","plan_name":"Bench PPO","issuer_name":"Bench Issuer","plan_id_type":"ein","plan_id":"1234567890","plan_market_type":"group","plan_sponsor_name":"Bench Employer","last_updated_on":"2026-01-01","version":"2.0.0","provider_references":[',
  );
  for (let id = 1; id <= REFERENCES; id++) await write(`${id === 1 ? "" : ","}${providerReference(id)}`);
  await write('],"in_network":[');
  let codes = 0;
  while (bytes < TARGET_BYTES) await write(`${codes === 0 ? "" : ","}${item(codes++)}`);
  await write("]}");
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return codes;
}

async function readOnce(file: string, codes: ReadonlySet<string>) {
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const start = performance.now();
  const result = await readTicInNetwork(
    createReadStream(file, { highWaterMark: 1024 * 1024 }),
    { codes },
    {
      onProgress: () => {
        const memory = process.memoryUsage();
        peakRss = Math.max(peakRss, memory.rss);
        peakHeap = Math.max(peakHeap, memory.heapUsed);
      },
    },
  );
  const ms = performance.now() - start;
  if (!result.ok) throw new Error(`bench file refused: ${result.issue.code}`);
  return { ms, peakRss, peakHeap, kept: result.value.summary };
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "tic-bench-"));
  const file = path.join(dir, "in-network-rates.json");
  try {
    const generateStart = performance.now();
    const codeCount = await generate(file);
    const size = statSync(file).size;
    console.log(
      `generated ${(size / 1e9).toFixed(2)} GB, ${codeCount} codes x ${RATES_PER_CODE} rates, in ${((performance.now() - generateStart) / 1000).toFixed(0)} s`,
    );
    const step = Math.floor(codeCount / 20);
    const codes = new Set(Array.from({ length: 20 }, (_, i) => String(10_000 + i * step)));
    const runs = [];
    for (let run = 0; run < RUNS; run++) {
      const r = await readOnce(file, codes);
      runs.push(r);
      console.log(
        `  run ${run + 1}: ${(r.ms / 1000).toFixed(1)} s (${(size / 1e6 / (r.ms / 1000)).toFixed(1)} MB/s), peak RSS ${(r.peakRss / 1e6).toFixed(0)} MB, peak heap ${(r.peakHeap / 1e6).toFixed(0)} MB; ${r.kept.itemsKept} of ${r.kept.itemsRead} items, ${r.kept.ratesKept} rates kept`,
      );
    }
    const ms = median(runs.map((r) => r.ms));
    const rssMb = Math.max(...runs.map((r) => r.peakRss)) / 1e6;
    console.log(
      `${"TiC in-network 1 GB, filtered to 20 codes".padEnd(60)} median ${(ms / 1000).toFixed(1)} s  budget ${BUDGET_MS / 1000} s  ${ms <= BUDGET_MS ? "ok" : "OVER"}; peak RSS ${rssMb.toFixed(0)} MB  budget ${BUDGET_MB} MB  ${rssMb <= BUDGET_MB ? "ok" : "OVER"}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
