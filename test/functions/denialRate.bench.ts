/**
 * Benchmark (not a timed test; ARCHITECTURE.md section 9): PAYER.DENIAL_RATE through the Excel adapter over
 * 1,000,000 rows passed as Excel passes ranges (2-D arrays), budget under 0.5 s.
 * Run: npx tsx test/functions/denialRate.bench.ts
 */
import { installCustomFunctionsShim } from "../../src/playground/customFunctionsShim";

installCustomFunctionsShim();

const ROWS = 1_000_000;
const BUDGET_MS = 500;
const distinct = ["paid", "PR-2 CO-45", "CO-45", "CO-50", "CO-197", "PR-1", "denied", "", "CO-45 CO-59", true, 197];
const outcomes = Array.from({ length: ROWS }, (_, i) => [distinct[(i * 7919) % distinct.length]]);
const charges = Array.from({ length: ROWS }, (_, i) => [((i * 104729) % 500000) / 100]);
const claimIds = Array.from({ length: ROWS }, (_, i) => [`CLM${Math.floor(i / 3)}`]);

async function main(): Promise<void> {
  const { denialRate } = await import("../../src/functions/functions");
  const time = (label: string, run: () => unknown) => {
    run(); // warm-up
    const start = performance.now();
    const result = run();
    const ms = performance.now() - start;
    const verdict = ms < BUDGET_MS ? "ok" : "OVER";
    console.log(
      `${label.padEnd(48)} ${ms.toFixed(0).padStart(5)} ms   budget ${BUDGET_MS} ms   ${verdict}   ${result}`,
    );
  };
  time("=DENIAL_RATE(1M outcomes)", () => denialRate(outcomes));
  time('=DENIAL_RATE(1M outcomes, charges, "dollars", ids)', () => denialRate(outcomes, charges, "dollars", claimIds));
}

void main();
