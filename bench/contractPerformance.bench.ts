// The performance dashboard's numbers over 1,000,000 lines in the engine (issue 15 "Done when": within 1 s): the
// per-contract-and-month rows (accuracy, HFMA denial rates, days to pay, spikes), the scorecard (cost of doing
// business, prompt-pay interest, rank and reason) and actual vs modeled revenue of signed proposals, which the
// Contract Performance sheet computes in Excel formulas.
import { computeActualVsModeled, computeContractPerformance, computeScorecard, Decimal } from "../src/engine";
import { DENIAL_CATEGORIES, VARIANCE_FLAGS, type HcpcsCode, type SignedProposal } from "../src/engine";
import { DEFAULT_COST_ASSUMPTIONS, DEFAULT_SCORE_WEIGHTS, PROMPT_PAY_RULES, priorAuthorizationOf } from "../src/engine";
import type { PerformanceLine } from "../src/engine";
import { measure } from "./measure";
import { next, pick } from "./syntheticClaims";

const LINES = 1_000_000;
const BUDGET_MS = 1_000;
/** Excel's serial day of 2025-01-01: the lines span 2025. */
const FIRST_DAY = 45_658;

const payers = ["Acme PPO", "Summit HMO", "Cedar EPO", "Birch PPO", "Aspen Medicare Advantage", ""];
const codes = Array.from({ length: 400 }, (_, i) => String(99_000 + i) as HcpcsCode);
const lines: PerformanceLine[] = Array.from({ length: LINES }, () => {
  const flag = pick(VARIANCE_FLAGS);
  const submittedDay = FIRST_DAY + Math.floor(next() * 365);
  const expectedCents = 5_000 + Math.floor(next() * 50_000);
  const denied = flag === "Denied";
  return {
    key: pick(payers),
    flag,
    submittedDay,
    paidDay: denied ? null : submittedDay + 5 + Math.floor(next() * 60),
    expectedCents,
    varianceCents: denied ? null : Math.floor((next() - 0.6) * 2_000),
    paidCents: denied ? 0 : Math.floor(expectedCents * 0.8),
    chargeCents: expectedCents * 2,
    denialCategory: denied ? pick(DENIAL_CATEGORIES) : null,
    hcpcsCode: pick(codes),
    // One line in 16 was authorized, most numbers on several lines, as a claim's number repeats on its lines.
    priorAuthorizationNumber: next() < 1 / 16 ? priorAuthorizationOf(`PA${Math.floor(next() * 20_000)}`) : null,
    // A third of the lines already priced at signed rates: their price before signing is 5% lower.
    ...(next() < 0.33 ? { basisCents: Math.round(expectedCents / 1.05) } : {}),
  };
});

/** Two contracts signed mid-year: 5% on 20 codes and 2% on the rest; 3% on every code. */
const signed: SignedProposal[] = [
  {
    key: "Acme PPO",
    proposalName: "Top 20",
    effectiveDay: FIRST_DAY + 181,
    codeFractions: new Map(codes.slice(0, 20).map((code) => [code, new Decimal("0.05")])),
    otherFraction: new Decimal("0.02"),
  },
  { key: "Summit HMO", proposalName: "Flat", effectiveDay: FIRST_DAY + 90, codeFractions: new Map(), otherFraction: new Decimal("0.03") }, // prettier-ignore
];

const rows = measure(
  `computeContractPerformance, ${LINES.toLocaleString("en-US")} lines`,
  () => computeContractPerformance(lines),
  { runs: 5, budgetMs: BUDGET_MS },
);
const scorecard = measure(
  `computeScorecard, ${LINES.toLocaleString("en-US")} lines`,
  () => computeScorecard(lines, DEFAULT_COST_ASSUMPTIONS, PROMPT_PAY_RULES.CA, DEFAULT_SCORE_WEIGHTS),
  { runs: 5, budgetMs: BUDGET_MS },
);
const modeled = measure(
  `computeActualVsModeled, ${LINES.toLocaleString("en-US")} lines`,
  () => computeActualVsModeled(lines, signed),
  { runs: 5, budgetMs: BUDGET_MS },
);
const both = rows.medianMs + scorecard.medianMs + modeled.medianMs;
console.log(`  dashboard total ${both.toFixed(0)} ms (budget ${BUDGET_MS} ms) ${both <= BUDGET_MS ? "ok" : "OVER"}`);
