/**
 * Builds (or rebuilds) an uplift model sheet from a claims table: reads the lines through the confirmed mapping,
 * runs the engine for every scenario, lays out the sheets, writes them atomically. Expected failures are values.
 */
import { centsToDollars, type Cents } from "../../engine";
import { ok, UPLIFT_CODES, type Result } from "../../engine";
import { claimsMappingStep } from "../claims/claimsMapping";
import type { ExcelGateway } from "../core/excelGateway";
import { runOperation } from "../core/operation";
import { readMarketTable } from "../benchmarks/marketTable";
import { computeModelNumbers, checkModelSettings, layoutModel, NO_MARKET_TABLE, type ModelNumbers } from "./modelPlan";
import type { UpliftModelIssue, UpliftModelRequest } from "./modelRequest";
import { readClaimLines } from "./readClaimLines";
import {
  modelCommitSteps,
  planModelTarget,
  stageModel,
  type ModelSheetNames,
  type ModelWriteOptions,
} from "./writeModel";

/** What a market scenario found: how many of its codes had a market rate, and which did not (they got no uplift). */
export interface BuiltMarketSummary {
  readonly percentileLabel: string;
  readonly codesInScope: number;
  readonly codesWithTarget: number;
  readonly withoutMarketRate: readonly string[];
}

/** A built model: where it is, and the engine's totals it shows (in dollars), per scenario. */
export interface BuiltUpliftModel extends ModelSheetNames {
  readonly lineCount: number;
  readonly codeCount: number;
  readonly currentTotal: number;
  readonly scenarios: readonly {
    readonly name: string;
    readonly newTotal: number;
    readonly delta: number;
    /** A market scenario's targets in brief; null for a percentage scenario. */
    readonly market: BuiltMarketSummary | null;
  }[];
  /** Whether an earlier build of this model was replaced. */
  readonly replaced: boolean;
  /** The engine's numbers the sheet reproduces, for callers that check them. */
  readonly numbers: ModelNumbers;
}

/** Options of a build: progress and cancel, request limits, and an injectable clock for the "built on" stamp. */
export interface BuildOptions extends ModelWriteOptions {
  readonly now?: () => Date;
}

/**
 * The column the model's revenue comes from, as the sheet names it: a stay's is its claim's allowed amount where the
 * table has that column, else the sum of its lines' amounts (readClaimLines.ts).
 */
function revenueColumn(request: UpliftModelRequest): string {
  const byStay = UPLIFT_CODES[request.codeKind ?? "hcpcs"].unit === "stay";
  return (byStay ? request.mapping.claimAllowedAmount : null) ?? request.mapping.amount ?? "Amount";
}

function filtersText(request: UpliftModelRequest): string {
  const { payers, contractNames, serviceDateFrom, serviceDateTo } = request.filters;
  const parts: string[] = [];
  if ((payers ?? []).length > 0) parts.push(`payer ${(payers ?? []).join(", ")}`);
  if ((contractNames ?? []).length > 0) parts.push(`contract ${(contractNames ?? []).join(", ")}`);
  if (serviceDateFrom !== null || serviceDateTo !== null) {
    parts.push(`service dates ${serviceDateFrom ?? "any"} to ${serviceDateTo ?? "any"}`);
  }
  return parts.length === 0 ? "all lines" : parts.join("; ");
}

/**
 * Builds the uplift model that `request` describes, as one operation (see writeModel.ts). Running it again with the
 * same sheet name replaces the earlier build (its two sheets) instead of adding a copy; a user's own sheet of that
 * name is never touched. The claims mapping is stored with the model.
 * @example
 * const built = await buildUpliftModel(hostExcel(), { tableName: "Claims", mapping, filters: NO_FILTERS,
 *   scenarios: DEFAULT_SCENARIOS, floor: DEFAULT_FLOOR, target: DEFAULT_TARGET, capAtBilled: true,
 *   sheetName: "Uplift Model" });
 */
export async function buildUpliftModel(
  excel: ExcelGateway,
  request: UpliftModelRequest,
  options: BuildOptions = {},
): Promise<Result<BuiltUpliftModel, UpliftModelIssue>> {
  const settings = checkModelSettings(request);
  if (!settings.ok) return settings;
  const sheetName = request.sheetName.trim();
  const { onProgress } = options;
  return runOperation(
    excel,
    {
      what: `building the model "${sheetName}"`,
      signal: options.signal,
      onProgress: onProgress && (({ done, total }) => onProgress({ rowsWritten: done, totalRows: total })),
    },
    async (op) => {
      const target = await planModelTarget(op.excel, sheetName);
      if (!target.ok) return target;
      const lines = await readClaimLines(op.excel, request);
      if (!lines.ok) return lines;
      // Only market scenarios need the Benchmarks table: a model without one reads nothing more than before.
      const needsMarket = request.scenarios.some((scenario) => scenario.kind === "toMarket");
      const market = needsMarket ? await readMarketTable(op.excel) : NO_MARKET_TABLE;
      const numbers = computeModelNumbers(lines.value, request.scenarios, market);
      if (!numbers.ok) return numbers;
      op.checkCancelled();
      const [linesSheet, modelSheet] = await op.addStagingSheets(2);
      const staged = { lines: linesSheet!, model: modelSheet! };
      const layout = layoutModel(
        request,
        lines.value,
        numbers.value,
        { modelSheet: staged.model.stagingName, linesSheet: staged.lines.stagingName },
        {
          tableName: request.tableName,
          linesSheet: target.value.final.linesSheet,
          amountColumn: revenueColumn(request),
          filtersText: filtersText(request),
          asOf: (options.now?.() ?? new Date()).toISOString().slice(0, 10),
        },
      );
      await stageModel(op, staged, layout, options);
      const dollars = (cents: number) => centsToDollars(cents as Cents);
      return ok({
        output: {
          ...target.value.final,
          lineCount: lines.value.hcpcsCodes.length,
          codeCount: numbers.value.codes.length,
          currentTotal: dollars(numbers.value.currentCents),
          scenarios: numbers.value.scenarios.map(({ scenario, result, market }) => ({
            name: scenario.name.trim(),
            newTotal: dollars(result.newCents),
            delta: dollars(result.deltaCents),
            market:
              market === null
                ? null
                : {
                    percentileLabel: market.percentileLabel,
                    codesInScope: market.codesInScope,
                    codesWithTarget: market.targets.length,
                    withoutMarketRate: market.withoutMarketRate,
                  },
          })),
          replaced: target.value.replaced !== null,
          numbers: numbers.value,
        },
        steps: modelCommitSteps(target.value, staged, [claimsMappingStep(request.tableName, request.mapping)]),
      });
    },
  );
}
