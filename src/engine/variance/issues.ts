import { catalogue } from "../catalogue";
import { ENGINE_MESSAGES, type EngineIssue } from "../issues";

/**
 * Why a line of a variance review cannot be priced before the contract engine is even asked: the line names no
 * contract and its payer is mapped to none. Other reasons are the engine's own issues (unknown contract, code not
 * covered, malformed code...), worded by its catalogue.
 */
export type VarianceIssue =
  | { readonly code: "varianceContractNotMapped"; readonly payer: string }
  /** The registry rows of the contract have problems; `message` is the registry's own, worded by its catalogue. */
  | { readonly code: "varianceContractUnreliable"; readonly contractName: string; readonly message: string };

/** The message of a variance or engine issue, as the Reason column shows it. */
export const varianceIssueMessage: (issue: VarianceIssue | EngineIssue) => string = catalogue<
  VarianceIssue | EngineIssue
>({
  ...ENGINE_MESSAGES,
  varianceContractNotMapped: (i) =>
    i.payer === ""
      ? "The line has no payer and no contract: map a contract column, or fill the payer."
      : `No contract is mapped to payer "${i.payer}": choose its contract in the Variance review panel.`,
  varianceContractUnreliable: (i) => i.message,
});
