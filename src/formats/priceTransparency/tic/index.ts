// Public API of the Transparency in Coverage in-network reader. A plain list of re-exports.
export { readTicInNetwork, type TicRead } from "./readTicInNetwork";
export {
  TIC_SKIP_REASONS,
  SKIP_UNITS,
  type TicRate,
  type TicReadSummary,
  type TicProgress,
  type TicReadOptions,
  type TicSource,
  type TicBlob,
  type TicSkipReason,
  type TicTinType,
} from "./types";
export {
  TIC_MESSAGES,
  TIC_EXPECTED,
  ticIssueMessage,
  type TicIssue,
  type TicRefusal,
  type TicWarning,
  type ForeignFileKind,
  type NotJsonKind,
} from "./issues";
export { NEGOTIATED_TYPES, type TicNegotiatedType } from "./prices";
export { MAX_LISTED_WARNINGS } from "./issueSink";
