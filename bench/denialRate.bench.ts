// DENIAL_RATE over 1,000,000 rows in the engine and through the Excel adapter; budget under 0.5 s (s.9).
import { computeDenialRate } from "../src/engine";
import { installCustomFunctionsShim } from "../src/playground/customFunctionsShim";
import { measure } from "./measure";

installCustomFunctionsShim();

const ROWS = 1_000_000;
const budgetMs = 500;
const distinct = ["paid", "PR-2 CO-45", "CO-45", "CO-50", "CO-197", "PR-1", "denied", "", "CO-45 CO-59", true, 197];
const outcomes = Array.from({ length: ROWS }, (_, i) => distinct[(i * 7919) % distinct.length]);
const charges = Array.from({ length: ROWS }, (_, i) => ((i * 104729) % 500000) / 100);
const claimIds = Array.from({ length: ROWS }, (_, i) => `CLM${Math.floor(i / 3)}`);
const column = <T>(values: T[]) => values.map((value) => [value]);

async function main(): Promise<void> {
  measure("engine: 1M lines, count per line", () => computeDenialRate({ outcomes }), { budgetMs });
  measure(
    "engine: 1M lines, dollars per claim (333,334 claims)",
    () => computeDenialRate({ outcomes, charges, claimIds, basis: "dollars" }),
    { budgetMs },
  );
  const { DENIAL_RATE: denialRate } = (await import("../src/functions/functions")).excelFunctions;
  const [outcomeRange, chargeRange, idRange] = [column(outcomes), column(charges), column(claimIds)];
  measure("=PAYER.DENIAL_RATE(1M outcomes)", () => denialRate(outcomeRange), { budgetMs });
  measure(
    '=PAYER.DENIAL_RATE(1M outcomes, charges, "dollars", claim ids)',
    () => denialRate(outcomeRange, chargeRange, "dollars", idRange),
    { budgetMs },
  );
}

void main();
