// Reader of X12 835 remittances (health care claim payment/advice) into engine types.
export { parse835, DEFAULT_MAX_835_BYTES, type Parse835Options } from "./parse835";
export {
  remit835IssueMessage,
  remit835UserMessage,
  REMIT_835_MESSAGES,
  EXPECTED_VALUES,
  type ElementConsequence,
  type EnvelopeTrailer,
  type ExpectedValue,
  type FileCut,
  type Remit835Issue,
  type Remit835Refusal,
  type Remit835Warning,
  type SegmentPosition,
} from "./issues";
export type {
  Remit835File,
  RemitTransaction,
  RemitClaim,
  RemitLine,
  RemitRemark,
  InpatientAdjudication,
  OutpatientAdjudication,
  InstitutionalClaimFields,
  ProviderAdjustment,
  X12Version,
} from "./types";
export type { Delimiters } from "./segments";
export type { TextEncoding } from "./encoding";
export { centsFromDecimalText, MAX_CLAIM_AMOUNT_CENTS, MAX_UNIT_QUANTITY } from "./values";
