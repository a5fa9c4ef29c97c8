/** The negotiation workbook's pure parts (issue 17): its closed sets, the renewal calendar, the meeting follow-up and the ZOPA. */
export {
  CONTRACT_CLAUSES,
  CLAUSE_STATUSES,
  LOG_STATUSES,
  type ClauseToCheck,
  type ContractClause,
  type ClauseStatus,
  type LogStatus,
  type LogStatusEntry,
} from "./vocabulary";
export {
  NEGOTIATION_START_MONTHS,
  NEGOTIATION_LATEST_MONTHS,
  NOTICE_CLOSING_DAYS,
  RENEWAL_FLAGS,
  daysBetween,
  monthsBefore,
  renewalCalendar,
  renewalEntry,
  renewalSentence,
  type RenewalDates,
  type RenewalEntry,
  type RenewalFlag,
} from "./renewalCalendar";
export {
  ITEM_SEPARATOR,
  followUpText,
  isOfMeeting,
  letterDate,
  meetingsOf,
  type LogEntry,
  type Meeting,
} from "./followUp";
export {
  MAX_PERCENT_DECIMALS,
  NEGOTIATION_INPUTS,
  OPENING_WORDS,
  ZOPA_WORDS,
  checkNegotiationInputs,
  computeNegotiation,
  describeZopaIssue,
  marketMaximumCents,
  type NegotiationCode,
  type NegotiationInput,
  type NegotiationInputs,
  type NegotiationPoint,
  type NegotiationPosition,
  type OpeningPlace,
  type Zopa,
  type ZopaIssue,
} from "./zopa";
export * from "./proposalVocabulary";
export * from "./proposalIssues";
export * from "./proposalRates";
export * from "./proposalPricing";
export * from "./objections";
