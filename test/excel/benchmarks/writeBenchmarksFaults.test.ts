/**
 * Writing the Benchmarks table is all or nothing (ARCHITECTURE.md s.5): whatever Excel does at any request, refusing
 * it, failing after applying it, or the user pressing Cancel just before it, the workbook ends exactly as it was
 * (the earlier Benchmarks table and its rows kept) or exactly as after a clean run, the message says which, and
 * running it again succeeds. The run replaces an earlier table and prices % of Medicare, so every request is met.
 */
import type { IsoDate } from "../../../src/engine";
import { BENCHMARKS_SPEC, describeBenchmarksIssue, writeBenchmarks, type BenchmarkFile } from "../../../src/excel/benchmarks"; // prettier-ignore
import type { SheetSnapshot } from "../../../src/playground/simulator";
import { faultCases, runCleanly, runWithFault, type CleanRun, type Operation } from "../../support/faults";
import { describeWithSharedData } from "../../support/sharedData";
import { HOUSTON, medicareOnlyWorkbook, readBenchmarkFile } from "./support";

jest.setTimeout(120_000);

const HEADERS = Object.values(BENCHMARKS_SPEC.columns).map((column) => column.header);

/** An earlier Benchmarks table of one rate, alone on its sheet, as an earlier write left it. */
const EARLIER: SheetSnapshot = {
  name: "Benchmark Rates",
  cells: [HEADERS, ["Hospital MRF", "old.csv", "Old Hospital", "Acme", "PPO", "Old Hospital", "99213", "CPT", "", "outpatient", "", "fee schedule", "dollars", 90, "", "", "No Medicare locality was chosen.", "row 4"]], // prettier-ignore
  tables: [{ name: "Benchmarks", address: "A1:R2" }],
};
const workbook = () => medicareOnlyWorkbook(EARLIER);

/** Requests of a clean run, pinned so that `it.each` can list the cases when the file loads (checked below). */
const REQUESTS = 10;

let file: BenchmarkFile;
const write: Operation = async (excel, signal) => {
  const request = { files: [file], locality: HOUSTON, replaceExisting: true, today: "2025-06-30" as IsoDate };
  const result = await writeBenchmarks(excel, request, { signal });
  return { ok: result.ok, message: result.ok ? `wrote ${result.value.rowCount}` : describeBenchmarksIssue(result.issue) }; // prettier-ignore
};

describeWithSharedData("writing the Benchmarks table, with a fault at any request", () => {
  let clean: CleanRun;
  beforeAll(async () => {
    file = await readBenchmarkFile("V3.0.0_Tall_CSV_Format_Example.csv");
    clean = await runCleanly(workbook, write);
  });

  it(`takes ${REQUESTS} requests when nothing goes wrong`, () => {
    expect(clean.requests).toBe(REQUESTS);
  });

  it.each(faultCases(REQUESTS))(
    "ends with the earlier table or the new one, and says which, when $title",
    async (fault) => {
      const run = await runWithFault(workbook, write, fault);
      expect(run.fired).toBe(true);
      if (run.outcome.ok) expect(run.after).toEqual(clean.after);
      else {
        expect(run.after).toEqual(run.before);
        expect(run.outcome.message).toMatch(/Nothing was changed: the workbook is as it was\.$/);
        if (fault.mode === "cancelled")
          expect(run.outcome.message).toMatch(/^Writing table Benchmarks was cancelled\./);
        else expect(run.outcome.message).toMatch(/^Writing table Benchmarks did not complete: .*\(Excel error \w+\)\./);
      }
      const retry = await run.retry();
      expect(retry.outcome).toEqual(clean.outcome);
      expect(retry.after).toEqual(clean.after);
    },
  );
});
