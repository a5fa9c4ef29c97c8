// ARCHITECTURE.md s.9: "writing a 20,000-row fee schedule to a sheet: at most 10 requests, none over 4 MB".
// Requests and their sizes are read from the workbook simulator's request log (the same JSON-size estimate the
// writer plans with); the time is the simulator's, for the record only (Excel's own time is not measured here).
import { writeTable } from "../src/excel/core/tableWriter";
import { WorkbookSimulator } from "../src/playground/simulator";
import { aFeeSchedule } from "../test/excel/core/tableWriterBuilders";

const FOUR_MB = 4 * 1024 * 1024;

async function main(): Promise<void> {
  const request = aFeeSchedule(20_000);
  const runsMs: number[] = [];
  let simulator = new WorkbookSimulator();
  for (let run = 0; run < 3; run++) {
    simulator = new WorkbookSimulator();
    const start = performance.now();
    const result = await writeTable(simulator.excel, request);
    runsMs.push(performance.now() - start);
    if (!result.ok) throw new Error(`the write failed: ${result.issue.code}`);
  }
  const log = simulator.requestLog;
  const largest = Math.max(...log.map((entry) => entry.bytes));
  const verdict = (ok: boolean) => (ok ? "ok" : "OVER");
  console.log(
    `${"write a 20,000-row x 8-column fee schedule: requests".padEnd(60)} ${String(log.length).padStart(8)}       budget 10  ${verdict(log.length <= 10)}`,
  );
  console.log(
    `${"  largest request".padEnd(60)} ${(largest / 1024 / 1024).toFixed(2).padStart(8)} MB    budget 4 MB  ${verdict(largest <= FOUR_MB)}`,
  );
  console.log(
    `${"  sizes of all requests (KB)".padEnd(60)} ${log.map((entry) => Math.round(entry.bytes / 1024)).join(", ")}`,
  );
  const sorted = [...runsMs].sort((a, b) => a - b);
  console.log(`${"  time in the simulator (median of 3)".padEnd(60)} ${sorted[1]!.toFixed(1).padStart(8)} ms`);
  if (log.length > 10 || largest > FOUR_MB) process.exitCode = 1;
}

void main();
