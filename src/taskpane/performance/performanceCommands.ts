/** The Performance panel's command: build (or rebuild) the Contract Performance sheet, with progress in steps. */
import {
  buildPerformanceSheet,
  describePerformanceIssue,
  type BuiltPerformance,
  type PerformanceRequest,
} from "../../excel/performance";
import { writerCommand } from "../progress/writerCommand";
import { countOf } from "../shared/wording";

/** What a built sheet found, in words: "1 denial spike (Acme Health PPO 2025-02)". */
export function spikesText(built: BuiltPerformance): string {
  const denial = built.rows.filter((r) => r.denialSpike).map((r) => `${r.key} ${r.month}`);
  const days = built.rows.filter((r) => r.daysToPaySpike).map((r) => `${r.key} ${r.month}`);
  const part = (list: readonly string[], one: string, many: string) =>
    list.length === 0 ? `no ${many}` : `${countOf(list.length, one, many)} (${list.join(", ")})`;
  return `${part(denial, "denial spike", "denial spikes")}; ${part(days, "days-to-pay spike", "days-to-pay spikes")}`;
}

/** The scorecard's first rank in words: "renegotiate first: Acme Health PPO (mostly denials)"; "" without contracts. */
export function renegotiationText(built: BuiltPerformance): string {
  const first = built.scorecard.contracts.filter((c) => c.rank === 1);
  if (first.length === 0) return "";
  const why = (reason: string) => reason.slice(0, reason.indexOf(":"));
  return ` Renegotiate first: ${first.map((c) => `${c.key} (${why(c.reason)})`).join(", ")}.`;
}

/** Builds the sheet, which stores the confirmed mapping with it. */
export const buildPerformanceCommand = writerCommand({
  name: "performance.build",
  label: "Build performance sheet",
  write: (excel, request: PerformanceRequest, controls) => buildPerformanceSheet(excel, request, controls),
  describe: describePerformanceIssue,
  succeeded: (built: BuiltPerformance) => {
    const groups = new Set(built.rows.map((r) => r.key)).size;
    const months = groups === 0 ? 0 : built.rows.length / groups;
    return (
      `${built.replaced ? "Updated" : "Built"} sheet "${built.sheetName}": ${countOf(groups, "contract", "contracts")} ` +
      `over ${countOf(months, "month", "months")}; ${spikesText(built)}.${renegotiationText(built)}`
    );
  },
});
