// The variance review's engine work over 100,000 claim lines (issue 20: the add-in's own CPU per operation under
// 2 s at 100k lines): pricing each claim with its same-day rules, then a flag and a reason per line.
import { DEFAULT_VARIANCE_TOLERANCE, reviewVariances, type Cents, type VarianceInputLine } from "../src/engine";
import { measure } from "./measure";
import { columnsFor, freshRegistry, next } from "./syntheticClaims";

const LINES = 100_000;

/** Claims of 1 to 4 lines (mostly 1 or 2), allowed at the contract amount give or take a planted variance. */
function reviewLines(contractName: string): VarianceInputLine[] {
  const columns = columnsFor(contractName, LINES);
  const lines: VarianceInputLine[] = [];
  let claim = 0;
  let left = 0;
  for (let i = 0; i < LINES; i++) {
    if (left === 0) {
      claim++;
      left = 1 + Math.floor(next() ** 2 * 4);
    }
    left--;
    const charge = columns.chargeAmount![i] as Cents;
    lines.push({
      claimKey: `C${claim}`,
      claimId: `C${claim}`,
      payer: "Bench",
      hcpcsCode: columns.hcpcsCode[i]!,
      serviceDate: columns.serviceDate[i]!,
      pricing: {
        ok: true,
        value: {
          contractName,
          hcpcsCode: columns.hcpcsCode[i]!,
          modifiers: columns.modifiers![i]!,
          units: columns.units![i]!,
          chargeAmount: charge,
          serviceDate: columns.serviceDate[i]!,
          setting: columns.setting![i]!,
        },
      },
      allowedAmount: Math.round(charge * (0.3 + next() * 0.4)) as Cents,
      chargeAmount: charge,
      denial: { denied: next() < 0.05, category: null, reasonCode: null },
      reversal: false,
    });
  }
  return lines;
}

for (const contractName of ["Fee Schedule PPO", "Medicare Advantage"]) {
  const lines = reviewLines(contractName);
  measure(
    `reviewVariances, 100k lines, ${contractName} (budget: the whole operation under 2 s)`,
    () => reviewVariances(freshRegistry(), lines, DEFAULT_VARIANCE_TOLERANCE),
    { runs: 5, budgetMs: 2000 },
  );
}
