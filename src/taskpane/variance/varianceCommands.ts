import { readRegistry } from "../../excel/registry";
import {
  describeVarianceReviewIssue,
  readReviewRecord,
  runVarianceReview,
  type VarianceReviewRecord,
  type VarianceReviewRequest,
  type VarianceReviewResult,
} from "../../excel/varianceReview";
import type { OperationControls, OperationOutcome } from "../progress/operation";
import type { TaskPaneCommand } from "../taskPaneCommand";

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

/** Input of {@link runVarianceReviewCommand}. */
export interface RunReviewInput {
  readonly request: VarianceReviewRequest;
  readonly controls?: OperationControls;
}

const money = (cents: number) => (cents / 100).toLocaleString("en-US", { style: "currency", currency: "USD" });

/**
 * Runs the review (which stores the confirmed mapping with it) with progress and cancel; the outcome's message says
 * what was flagged and what can be recovered.
 */
export const runVarianceReviewCommand: TaskPaneCommand<RunReviewInput, OperationOutcome<VarianceReviewResult>> = {
  name: "variance.run",
  label: "Run variance review",
  run: async (excel, { request, controls }) => {
    const result = await runVarianceReview(
      excel,
      request,
      controls === undefined ? {} : { signal: controls.signal, onProgress: controls.onProgress },
    );
    if (!result.ok) {
      return {
        ok: false,
        cancelled: result.issue.code === "cancelled",
        message: describeVarianceReviewIssue(result.issue),
      };
    }
    const { total, worklist } = result.value.summary;
    return {
      ok: true,
      value: result.value,
      message:
        `Reviewed ${result.value.lineCount.toLocaleString("en-US")} lines: ${total.underpaidLines} underpaid ` +
        `(${money(total.recoverableAmount)} recoverable on ${worklist.length} claims), ${total.overpaidLines} overpaid, ` +
        `${total.deniedLines} denied, ${total.noContractRateLines} without a contract rate. ` +
        `See sheets "${result.value.summarySheet}" and "${result.value.worklistSheet}".`,
    };
  },
};
