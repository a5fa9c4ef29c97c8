import { readRegistry } from "../../excel/registry";
import {
  describeVarianceReviewIssue,
  readReviewRecord,
  runVarianceReview,
  type VarianceReviewRecord,
  type VarianceReviewRequest,
  type VarianceReviewResult,
} from "../../excel/varianceReview";
import { writerCommand } from "../progress/writerCommand";
import type { TaskPaneCommand } from "../taskPaneCommand";
import { centsText, groupedNumber } from "../shared/wording";

/** What the panel needs besides the table: the earlier review's choices and the registry's contract names. */
export const loadReviewSettings: TaskPaneCommand<
  { readonly tableName: string },
  { readonly record: VarianceReviewRecord; readonly contractNames: readonly string[] }
> = {
  name: "variance.loadSettings",
  label: "Load review settings",
  run: async (excel, { tableName }) => {
    const [record, snapshot] = await Promise.all([readReviewRecord(excel, tableName), readRegistry(excel)]);
    return { record, contractNames: snapshot.registry.contractNames };
  },
};

/** What was flagged and what can be recovered, and where to look. */
function reviewedMessage(result: VarianceReviewResult): string {
  const { total, worklist } = result.summary;
  return (
    `Reviewed ${groupedNumber(result.lineCount)} lines: ${total.underpaidLines} underpaid ` +
    `(${centsText(total.recoverableAmount)} recoverable on ${worklist.length} claims), ${total.overpaidLines} overpaid, ` +
    `${total.deniedLines} denied, ${total.noContractRateLines} without a contract rate. ` +
    `See sheets "${result.summarySheet}" and "${result.worklistSheet}".`
  );
}

/**
 * Runs the review (which stores the confirmed mapping with it) with progress and cancel; the outcome's message says
 * what was flagged and what can be recovered.
 */
export const runVarianceReviewCommand = writerCommand({
  name: "variance.run",
  label: "Run variance review",
  write: (excel, request: VarianceReviewRequest, controls) => runVarianceReview(excel, request, controls),
  describe: describeVarianceReviewIssue,
  succeeded: reviewedMessage,
});
