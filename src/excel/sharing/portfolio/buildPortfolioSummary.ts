/**
 * Builds (or rebuilds in place) the contract portfolio summary sheet: the engines' figures per contract, laid out
 * with native formulas, formats, conditional formats and charts only, so it reads right without the add-in.
 */
import { percentText } from "../../../engine";
import { ok, type Result } from "../../../engine";
import { claimsMappingStep } from "../../claims/claimsMapping";
import type { ExcelGateway } from "../../core/excelGateway";
import { runOperation } from "../../core/operation";
import { findPerformanceSheet } from "../../performance/buildPerformanceSheet";
import type { PercentUpliftScenario } from "../../upliftModel";
import { layoutPortfolio } from "./portfolioLayout";
import { computePortfolioNumbers, type PortfolioNumbers } from "./portfolioNumbers";
import type { PortfolioIssue, PortfolioRequest } from "./portfolioRequest";
import { planPortfolioTarget, stagePortfolio } from "./writePortfolio";

/** A built summary: the sheet, and the engines' figures it shows. */
export interface BuiltPortfolio {
  readonly sheetName: string;
  readonly replaced: boolean;
  readonly numbers: PortfolioNumbers;
}

/** Steps of a build, for the progress bar. */
export const PORTFOLIO_BUILD_STEPS = 3;

/** Options: cancel, progress in steps (reading, computing, writing), and a clock for the "as of" date. */
export interface PortfolioBuildOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: { readonly done: number; readonly total: number }) => void;
  readonly now?: () => Date;
}

/** "5% on top 20 codes by revenue". */
export function scenarioText(scenario: PercentUpliftScenario): string {
  const percent = percentText(scenario.upliftFraction);
  const codes = scenario.topN === null ? "all codes" : `top ${scenario.topN} codes by ${scenario.rankBy}`;
  return `${scenario.name.trim()} (${percent} on ${codes})`;
}

/**
 * Builds the summary `request` describes, as one operation: reads, computes, stages the sheet, and commits it with
 * the claims mapping. Running it again with the same sheet name replaces the earlier build.
 * @example
 * const built = await buildPortfolioSummary(hostExcel(), { tableName: "Claims", mapping,
 *   scenario: DEFAULT_SCENARIOS[0], capAtBilled: true, sheetName: "Portfolio Summary" });
 */
export async function buildPortfolioSummary(
  excel: ExcelGateway,
  request: PortfolioRequest,
  options: PortfolioBuildOptions = {},
): Promise<Result<BuiltPortfolio, PortfolioIssue>> {
  const sheetName = request.sheetName.trim();
  const step = (done: number) => options.onProgress?.({ done, total: PORTFOLIO_BUILD_STEPS });
  return runOperation(
    excel,
    { what: `building the portfolio summary "${sheetName}"`, signal: options.signal },
    async (op) => {
      step(0);
      const target = await planPortfolioTarget(op.excel, sheetName);
      if (!target.ok) return target;
      const numbers = await computePortfolioNumbers(op.excel, request);
      if (!numbers.ok) return numbers;
      step(2);
      op.checkCancelled();
      const layout = layoutPortfolio(numbers.value, {
        tableName: request.tableName,
        amountColumn: request.mapping.amount ?? "Amount",
        scenarioText: scenarioText(request.scenario),
        capAtBilled: request.capAtBilled,
        asOf: (options.now?.() ?? new Date()).toISOString().slice(0, 10),
        recoverableSource: numbers.value.recoverableNote,
        performanceSheet: await findPerformanceSheet(op.excel),
      });
      const steps = await stagePortfolio(op, target.value, layout, [
        claimsMappingStep(request.tableName, request.mapping),
      ]);
      step(3);
      return ok({
        output: { sheetName, replaced: target.value.replaced !== null, numbers: numbers.value },
        steps,
      });
    },
  );
}
