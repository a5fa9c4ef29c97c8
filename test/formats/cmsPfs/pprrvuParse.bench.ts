// Benchmark (not a test): parse PPRRVU2025_Oct.csv and build the indexed schedule; budget 300 ms
// (ARCHITECTURE.md section 9). Run: npx tsx test/formats/cmsPfs/pprrvuParse.bench.ts
import { importPfsSchedule } from "../../../src/formats/cmsPfs/pprrvu";
import { readSharedData, SHARED_DATA } from "./sharedData";

const BUDGET_MS = 300;
if (SHARED_DATA === null) {
  console.log("skipped: ../shared/data not found beside the repository");
} else {
  const text = readSharedData("cms-pfs/2025-rvu25d/PPRRVU2025_Oct.csv");
  const timings: number[] = [];
  let rows = 0;
  for (let run = 0; run < 7; run++) {
    const start = performance.now();
    const result = importPfsSchedule(text);
    timings.push(performance.now() - start);
    if (result.ok) rows = result.value.schedule.rowCount;
  }
  const sorted = [...timings].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  console.log(
    `PPRRVU parse + index, ${rows} rows: first run ${timings[0]?.toFixed(0)} ms, median ${median.toFixed(0)} ms (budget ${BUDGET_MS} ms)`,
  );
}
