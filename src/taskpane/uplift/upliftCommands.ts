import {
  buildUpliftModel,
  codeList,
  describeUpliftModelIssue,
  type BuiltMarketSummary,
  type BuiltUpliftModel,
  type UpliftModelRequest,
} from "../../excel/upliftModel";
import { UPLIFT_CODES } from "../../engine";
import { rowsProgress } from "../progress/operation";
import { writerCommand } from "../progress/writerCommand";
import { dollarsText, groupedNumber } from "../shared/wording";

/** Where a market scenario's targets came from: how many codes had one, and which had none (so got no uplift). */
function marketText(market: BuiltMarketSummary): string {
  const { percentileLabel: p, codesInScope, codesWithTarget, withoutMarketRate: missing } = market;
  const targets = `${p} targets for ${groupedNumber(codesWithTarget)} of ${groupedNumber(codesInScope)} codes`;
  if (missing.length === 0) return ` (${targets})`;
  const codes = `${groupedNumber(missing.length)} ${missing.length === 1 ? "code" : "codes"}`;
  return ` (${targets}; no market rate, so no uplift, for ${codes}: ${codeList(missing)})`;
}

/**
 * What the model built is worth, in one line: the lines (or stays) and codes it read, and each scenario's added
 * revenue.
 */
function builtMessage(built: BuiltUpliftModel): string {
  const code = UPLIFT_CODES[built.numbers.codeKind];
  const summary = built.scenarios
    .map((s) => `${s.name}: +${dollarsText(s.delta)}${s.market === null ? "" : marketText(s.market)}`)
    .join("; ");
  return (
    `${built.replaced ? "Updated" : "Built"} sheet "${built.modelSheet}" from ${groupedNumber(built.lineCount)} ` +
    `${code.unit}s and ${groupedNumber(built.codeCount)} ${code.plural} (current ${dollarsText(built.currentTotal)}). ${summary}.`
  );
}

/**
 * Builds (or rebuilds) the model sheet, which stores the confirmed mapping with it, reporting progress in rows and
 * stopping on cancel; the outcome carries the message the progress UI shows.
 */
export const buildUpliftModelCommand = writerCommand({
  name: "uplift.buildModel",
  label: "Build model",
  write: (excel, request: UpliftModelRequest, { signal, onProgress }) =>
    buildUpliftModel(excel, request, { signal, onProgress: rowsProgress(onProgress) }),
  describe: describeUpliftModelIssue,
  succeeded: builtMessage,
});
