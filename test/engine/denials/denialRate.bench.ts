/**
 * Benchmark (not a timed test; ARCHITECTURE.md section 9): DENIAL_RATE over 1,000,000 rows, budget under 0.5 s.
 * Run: npx tsx test/engine/denials/denialRate.bench.ts
 */
import { computeDenialRate } from "../../../src/engine/denials/denialRate";

const ROWS = 1_000_000;
const BUDGET_MS = 500;
const distinct = ["paid", "PR-2 CO-45", "CO-45", "CO-50", "CO-197", "PR-1", "denied", "", "CO-45 CO-59", true, 197];
const outcomes = Array.from({ length: ROWS }, (_, i) => distinct[(i * 7919) % distinct.length]);
const charges = Array.from({ length: ROWS }, (_, i) => ((i * 104729) % 500000) / 100);
const claimIds = Array.from({ length: ROWS }, (_, i) => `CLM${Math.floor(i / 3)}`);

function time(label: string, run: () => unknown): void {
  run(); // warm-up
  const start = performance.now();
  run();
  const ms = performance.now() - start;
  console.log(
    `${label.padEnd(44)} ${ms.toFixed(0).padStart(5)} ms   budget ${BUDGET_MS} ms   ${ms < BUDGET_MS ? "ok" : "OVER"}`,
  );
}

time("1M lines, count per line", () => computeDenialRate({ outcomes }));
time("1M lines, dollars per line", () => computeDenialRate({ outcomes, charges, basis: "dollars" }));
time("1M lines, dollars per claim (333,334 claims)", () =>
  computeDenialRate({ outcomes, charges, claimIds, basis: "dollars" }),
);
