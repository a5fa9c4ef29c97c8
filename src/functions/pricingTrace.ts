/**
 * `PAYER.PRICING_TRACE`: the calculation of `PAYER.EXPECTED_PAYMENT` as text, one step per line (contract version,
 * schedule row, Medicare base with GPCIs and CF, percent, adjustments, units, lesser-of, result), for a finance
 * user to prove a number to a payer. Same arguments, same engine (`priceLine`), so trace and amount cannot differ.
 */
import { priceLine } from "../engine";
import { formatTrace, type TraceStep } from "../engine";
import type { RegistrySnapshot } from "../excel/registry";
import { perLineFunction } from "./adapters";
import { CONTRACT_LINE_ARGUMENTS } from "./claimLineArgs";
import { engineIssueError } from "./errors";
import type { ReadArguments } from "./excelArgs";
import { readContractLines, type ContractLineInput } from "./expectedPayment";

/** The arguments of `PAYER.PRICING_TRACE`: those of `PAYER.EXPECTED_PAYMENT`. */
export const PRICING_TRACE_ARGUMENTS = CONTRACT_LINE_ARGUMENTS;

/** The first step of every trace: the line as read, so the reader sees what was priced. */
function lineStep(line: ContractLineInput): TraceStep {
  return {
    kind: "claimLine",
    hcpcsCode: line.hcpcsCode,
    modifiers: line.modifiers,
    units: line.units,
    placeOfService: line.placeOfService,
    setting: line.setting,
    chargeAmount: line.chargeAmount,
    serviceDate: line.serviceDate,
  };
}

/** The trace text of each line, or its error. Identical lines are traced once per call. */
export function pricingTraces(
  snapshot: RegistrySnapshot,
  read: ReadArguments<typeof CONTRACT_LINE_ARGUMENTS>,
): (string | CustomFunctions.Error)[] {
  const seen = new Map<string, string | CustomFunctions.Error>();
  return readContractLines(snapshot, read).map((line) => {
    if (line instanceof CustomFunctions.Error) return line;
    const key = JSON.stringify(line);
    let text = seen.get(key);
    if (text === undefined) {
      const price = priceLine(snapshot.registry, line);
      text = price.ok ? formatTrace([lineStep(line), ...price.value.trace]).join("\n") : engineIssueError(price.issue);
      seen.set(key, text);
    }
    return text;
  });
}

/**
 * `PAYER.PRICING_TRACE` for Excel arguments (those of `PAYER.EXPECTED_PAYMENT`): a column of trace texts, or the
 * error of a single line.
 */
export const pricingTraceResult = perLineFunction(PRICING_TRACE_ARGUMENTS, pricingTraces);
