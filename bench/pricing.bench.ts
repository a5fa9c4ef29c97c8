// Contract pricing of 1,000,000 claim lines (ARCHITECTURE.md s.9): at least 2,000,000 lines/s on one core for
// fee-schedule and %-of-Medicare contracts, and within 5x of a bare Map lookup + multiply over the same data.
import { priceLines, type PricingColumns } from "../src/engine";
import { measureInterleaved } from "./measure";
import { columnsFor, feeRows, freshRegistry } from "./syntheticClaims";

const LINES = 1_000_000;
const MIN_LINES_PER_SECOND = 2_000_000;
const MAX_RATIO = 5;

/** The floor: one Map lookup of a precomputed rate per line times units, lesser-of as a minimum, summed. */
function bareBaseline(columns: PricingColumns, rates: ReadonlyMap<string, number>): number {
  let total = 0;
  const { hcpcsCode, units, chargeAmount } = columns;
  for (let i = 0; i < hcpcsCode.length; i++) {
    const amount = (rates.get(hcpcsCode[i]!) ?? 0) * units![i]!;
    total += Math.min(amount, chargeAmount![i]!);
  }
  return total;
}

const rates = new Map(
  feeRows.map((row) => [row.hcpcsCode as string, Math.round(row.nonFacilityRate!.toNumber() * 100)]),
);
const verdict = (ok: boolean): string => (ok ? "ok" : "OVER");
const MAX_WARM_RATIO = 3;
for (const contractName of ["Fee Schedule PPO", "Medicare Advantage"]) {
  const columns = columnsFor(contractName, LINES);
  const sample = priceLines(freshRegistry(), columns);
  const label = contractName === "Fee Schedule PPO" ? "fee schedule" : "103% of Medicare";
  const warmRegistry = freshRegistry();
  // Interleaved rounds: the bare loop, cold (a new registry each run, so every distinct key is priced with decimal.js
  // inside the measured time) and warm (the shared runtime's steady state, registry unchanged since the last
  // recalculation) run one after the other in every round, so noise lands on all three and the ratios hold.
  const timed = measureInterleaved("bare", {
    bare: () => bareBaseline(columns, rates),
    cold: () => priceLines(freshRegistry(), columns),
    warm: () => priceLines(warmRegistry, columns),
  });
  console.log(
    `bare Map lookup + multiply, same 1M lines, ${label}: median ${timed.bare.medianMs.toFixed(1)} ms (${sample.distinctKeys} keys)`,
  );
  for (const [kind, maxRatio] of [
    ["cold", MAX_RATIO],
    ["warm", MAX_WARM_RATIO],
  ] as const) {
    const run = timed[kind];
    const linesPerSecond = LINES / (run.medianMs / 1000);
    console.log(
      `  ${label}, ${kind}: median ${run.medianMs.toFixed(1)} ms, ${Math.round(linesPerSecond).toLocaleString("en-US")} lines/s (budget >= 2,000,000) ${verdict(linesPerSecond >= MIN_LINES_PER_SECOND)}; ` +
        `${run.medianRatio.toFixed(2)}x the bare loop, median of interleaved rounds (budget <= ${maxRatio}x) ${verdict(run.medianRatio <= maxRatio)}`,
    );
  }
  console.log(
    `  ${label}: ${sample.issues.size} lines with issues, ${sample.lesserOfBound.reduce((n, b) => n + b, 0)} bound by lesser-of`,
  );
}
