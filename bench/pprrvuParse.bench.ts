// Parse PPRRVU2025_Oct.csv (~19,000 rows) and build the indexed schedule; budget 300 ms (ARCHITECTURE.md s.9).
import { importPfsSchedule } from "../src/formats/cmsPfs/pprrvu";
import { readSharedData, SHARED_DATA } from "../test/support/sharedData";
import { measure } from "./measure";

if (SHARED_DATA === null) {
  console.log("skipped: ../shared/data not found beside the repository");
} else {
  const text = readSharedData("cms-pfs/2025-rvu25d/PPRRVU2025_Oct.csv");
  const result = importPfsSchedule(text);
  if (!result.ok) throw new Error("PPRRVU2025_Oct.csv did not parse");
  measure(`PPRRVU parse + index (${result.value.schedule.rowCount} rows)`, () => importPfsSchedule(text), {
    budgetMs: 300,
  });
}
