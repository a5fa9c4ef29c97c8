// UPLIFT_SCENARIO over 1,000,000 rows and about 2,000 distinct codes, with and without billed charges, in the engine
// and through the Excel adapter; budget under 0.5 s each (ARCHITECTURE.md section 9).
import { computeUpliftScenario } from "../src/engine";
import { installCustomFunctionsShim } from "../src/playground/customFunctionsShim";
import { measure } from "./measure";

installCustomFunctionsShim();

const ROWS = 1_000_000;
const budgetMs = 500;
// About 2,000 codes as Excel passes them: Category I codes as numbers, HCPCS Level II codes as text.
const distinctCodes: (number | string)[] = Array.from({ length: 2000 }, (_, k) =>
  k % 10 === 9 ? `J${String(1000 + k).padStart(4, "0")}` : 10000 + k * 43,
);
// A skewed mix, as real claims are: a few codes carry most lines.
const codes = Array.from({ length: ROWS }, (_, i) => distinctCodes[Math.floor(((i * 7919) % 10007) ** 2 / 50_070)]);
const amounts = Array.from({ length: ROWS }, (_, i) => ((i * 104729) % 500_000) / 100);
// Billed charges mostly 1.5-2x the amount, one line in eight just above it, so lesser-of binds on some lines.
const billed = amounts.map((amount, i) =>
  i % 8 === 0 ? Math.round(amount * 102) / 100 : Math.round(amount * 180) / 100,
);
const column = <T>(values: T[]) => values.map((value) => [value]);
const flat = { kind: "flat", fraction: 0.05 } as const;

async function main(): Promise<void> {
  measure("engine: 1M lines, 5% on all codes", () => computeUpliftScenario({ codes, amounts, uplift: flat }), {
    budgetMs,
  });
  measure(
    "engine: 1M lines, 5% on all codes, capped at billed",
    () => computeUpliftScenario({ codes, amounts, uplift: flat, billed }),
    { budgetMs },
  );
  measure(
    "engine: 1M lines, 5% on top 20 by revenue, capped at billed",
    () => computeUpliftScenario({ codes, amounts, uplift: flat, topN: 20, billed }),
    { budgetMs },
  );
  const { UPLIFT_SCENARIO: upliftScenario } = (await import("../src/functions/functions")).excelFunctions;
  const [codeRange, amountRange, billedRange] = [column(codes), column(amounts), column(billed)];
  const table = [
    ["*", 0.03],
    [distinctCodes[0], 0.05],
    [distinctCodes[1], 0.1],
  ];
  measure("=PAYER.UPLIFT_SCENARIO(1M codes, amounts, 3%)", () => upliftScenario(codeRange, amountRange, [[0.03]]), {
    budgetMs,
  });
  measure(
    '=PAYER.UPLIFT_SCENARIO(1M codes, amounts, table, 20, "revenue", , billed, "detail")',
    () => upliftScenario(codeRange, amountRange, table, 20, "revenue", undefined, billedRange, "detail"),
    { budgetMs },
  );
}

void main();
