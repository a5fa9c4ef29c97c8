/**
 * The order in which OPPS chooses between lines that tie (two T procedures or two J1 lines paying the same APC rate):
 * by what the lines are, and only between identical lines by their place on the claim. A claim's amounts then do not depend on the order its lines were exported in, which lets
 * the batch pricer price claims holding the same lines in any order once (issue 14 bench).
 */
import type { OutpatientLine } from "./types";

/** What the order reads of a line: exactly what a claim rule may read of it besides its charge. */
export type OrderedLine = Pick<OutpatientLine, "serviceDate" | "revenueCode" | "hcpcsCode" | "modifiers" | "units">;

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Compares two lines by date of service, revenue code, HCPCS code (none first), modifiers and units; 0 only for lines
 * the rules cannot tell apart, which then keep their claim order.
 * @example compareOutpatientLines(lineOf("0360", "20610"), lineOf("0360", "10060")) // 1
 */
export function compareOutpatientLines(a: OrderedLine, b: OrderedLine): number {
  return (
    byText(a.serviceDate, b.serviceDate) ||
    byText(a.revenueCode, b.revenueCode) ||
    byText(a.hcpcsCode ?? "", b.hcpcsCode ?? "") ||
    byText(a.modifiers.join(","), b.modifiers.join(",")) ||
    a.units.comparedTo(b.units)
  );
}
