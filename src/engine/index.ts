// Public API of the pricing engine (pure TypeScript: no Office, no DOM, no I/O). A plain list of re-exports.
export type { Brand } from "./brand";
export { Decimal, toDecimal } from "./decimal";
export { ok, fail, type Result } from "./result";
export {
  catalogue,
  fieldOf,
  type ByCode,
  type Coded,
  type EntriesByCode,
  type Entry,
  type Messages,
  type WithCode,
} from "./catalogue";
export {
  ISSUE_CATALOGUE,
  issueMessage,
  issueExcelError,
  type EngineIssue,
  type EngineIssueCode,
  type AnesthesiaIssue,
  type ExcelErrorKind,
} from "./issues";
export { parseHcpcsCode, type HcpcsCode } from "./hcpcsCode";
export { priorAuthorizationKey, priorAuthorizationOf, type PriorAuthorizationNumber } from "./priorAuthorization";
export { parseRevenueCode, revenueCodeInRange, type RevenueCode, type RevenueCodeIssue } from "./revenueCode";
export { parseModifier, parseModifiers, hasModifier, MAX_MODIFIERS, type Modifier } from "./modifiers";
export {
  parsePlaceOfService,
  settingOf,
  FACILITY_PLACES_OF_SERVICE,
  type PlaceOfService,
  type PlaceOfServiceCode,
  type CareSetting,
} from "./placeOfService";
export { parseIsoDate, type IsoDate } from "./isoDate";
export {
  toCents,
  centsToDollars,
  formatCents,
  dollarsOf,
  dollarsText,
  sumCents,
  centsDifference,
  scaleCents,
  type Cents,
} from "./money";
// The cell-value vocabulary: how every reader reads blank, numbers, dollars, percents, dates and codes.
export {
  isBlankCell,
  decimalOfNumber,
  numberTextParts,
  parseNumberText,
  readNumberCell,
  readQuantity,
  createCentsReader,
  readCents,
  readDollars,
  MAX_LINE_CENTS,
  percentText,
  readFraction,
  excelSerialOf,
  readDateCell,
  serialDateText,
  readHcpcsCodeCell,
  zerosLostFrom,
  type DecimalStyle,
  type NumberRead,
  type NumberTextOptions,
  type NumberTextParts,
  type QuantityRead,
  type CentsRead,
  type CentsRule,
  type DollarsRead,
  type SignRule,
  type FractionRead,
} from "./cellValues";
export {
  conversionFactorOn,
  MEDICARE_PFS_CONVERSION_FACTORS,
  type ApmStatus,
  type ConversionFactorPeriod,
} from "./conversionFactor";
export {
  buildPfsSchedule,
  findPfsRow,
  pfsRowKey,
  PFS_STATUS_CODES,
  type PfsRvuRow,
  type PfsSchedule,
} from "./pfsSchedule";
export {
  buildGpciIndex,
  findLocality,
  localityKeyOf,
  parseLocalityKey,
  NATIONAL_GPCI,
  type LocalityGpci,
  type LocalityKey,
} from "./gpci";
export {
  formatTrace,
  formatTraceStep,
  type TraceStep,
  type TraceStepKind,
  type TraceSource,
  type PfsAdjustmentStep,
} from "./trace";
export {
  priceMedicarePfs,
  pfsBaseAmount,
  type MedicarePfsLine,
  type MedicarePfsData,
  type MedicarePfsPrice,
} from "./medicarePfs";
export type { PfsAdjustment, PfsRule } from "./pfsRules/adjustment";
export { bilateralAdjustment } from "./pfsRules/bilateral";
export {
  assistantAtSurgeryAdjustment,
  ASSISTANT_AT_SURGERY_FACTOR,
  NPP_ASSISTANT_AT_SURGERY_FACTOR,
} from "./pfsRules/assistantAtSurgery";
export { coSurgeryAdjustment, CO_SURGERY_FACTOR } from "./pfsRules/coSurgery";
export { globalSurgerySplitAdjustment } from "./pfsRules/globalSurgerySplit";
export { multipleProcedureAdjustment, rankMultipleProcedures } from "./pfsRules/multipleProcedure";
export { buildOppsCapTable, findOppsCap, type OppsCapRow, type OppsCapTable } from "./pfsRules/oppsCap";
export {
  isAnesthesiaCode,
  anesthesiaTimeUnits,
  anesthesiaAmount,
  medicalDirectionOf,
  buildAnesthesiaBaseUnits,
  MEDICAL_DIRECTION_RULES,
  type MedicalDirectionModifier,
  type MedicalDirectionRule,
  type MedicalDirection,
  type AnesthesiaBaseUnitsRow,
  type AnesthesiaBaseUnitsTable,
  type AnesthesiaConversionFactor,
  type AnesthesiaInputs,
} from "./pfsRules/anesthesia";
export { MULTIPLE_PROCEDURE_FAMILIES, type ProcedureRole } from "./pfsRules/procedureFamilies";
export {
  computeUpliftScenario,
  upliftPercentChange,
  readUpliftRates,
  upliftFractionFor,
  upliftFactor,
  upliftedLineCents,
  capAtBilled,
  upliftToMarket,
  UPLIFT_RANK_BASES,
  UPLIFT_CODES,
  UPLIFT_CODE_KINDS,
  type UpliftCode,
  type UpliftCodeKind,
  type UpliftCodeOf,
  DEFAULT_UPLIFT_CODE,
  UPLIFT_ISSUE_CATALOGUE,
  type UpliftScenarioInput,
  type UpliftScenario,
  type UpliftCodeResult,
  type UpliftRankBasis,
  type UpliftInput,
  type UpliftRates,
  type UpliftFactor,
  type UpliftIssue,
  type UpliftIssueCode,
} from "./uplift";
export {
  buildFeeSchedule,
  findFeeScheduleRate,
  feeScheduleKey,
  COMPONENT_MODIFIERS,
  type FeeSchedule,
  type FeeScheduleRow,
  type FeeScheduleMatch,
} from "./feeSchedule";
export {
  CURRENT_MEDICARE_SCHEDULE,
  type ContractVersion,
  type ContractMethod,
  type DefaultRule,
  type MultipleProcedureRule,
  type CarveOut,
  type CarveOutMethod,
  type MedicareSchedule,
  type ContractLine,
  type ContractPrice,
  type PricingBasis,
  type LesserOfOutcome,
} from "./contracts/types";
export { parseMultipleProcedureRule, MULTIPLE_PROCEDURE_RULE_VALUES } from "./contracts/vocabulary";
export {
  buildContractRegistry,
  findHospitalTerms,
  registryKey,
  type ContractRegistry,
  type ContractRegistryInput,
  type HospitalRegistry,
  type HospitalTermsVersion,
  type OutpatientTermsVersion,
} from "./contracts/registry";
export { findContractVersion } from "./contracts/versionSelection";
export { dayAfter, dayBefore, FIRST_DATE, LAST_DATE } from "./contracts/dates";
export { codeShape, codeInRange, codeRangeText, findCarveOut } from "./contracts/carveOuts";
export { POLICY_MODIFIERS, type ModifierPolicy, type PolicyModifier } from "./contracts/modifierPolicies";
export {
  CONTRACT_METHODS,
  DEFAULT_RULES,
  CARVE_OUT_METHODS,
  methodChoices,
  contractMethodOf,
  defaultRuleOf,
  carveOutMethodOf,
  describeContractRates,
  type MethodWords,
  type ContractMethodCells,
  type CarveOutMethodCells,
  type ContractMethodEntry,
  type DefaultRuleEntry,
  type CarveOutMethodEntry,
  type ContractMethodTable,
  type DefaultRuleTable,
  type CarveOutMethodTable,
} from "./contracts/methods";
export { resolveMedicareBasis, type MedicareBasis } from "./contracts/medicareBasis";
export { priceLine } from "./contracts/priceLine";
export { contractAmount, lineUnitRule, type ContractAmount, type PricingKeyLine } from "./contracts/contractAmount";
export { type UnitRule } from "./pfsRules/unitRules";
export { priceClaim } from "./contracts/priceClaim";
export { priceLines, type PricingColumns, type BatchPricing } from "./contracts/priceLines";
export { CONTRACT_ISSUE_CATALOGUE, type ContractIssue, type ContractIssueCode } from "./contracts/issues";
export {
  classifyRemitLine,
  denialCategoryOf,
  denialReasonOf,
  patientResponsibilityOf,
  remitAllowedAmount,
  DENIAL_CATEGORIES,
  DENIAL_CATEGORY_BY_REASON,
  DENIAL_CATEGORY_LABELS,
  type DenialCategory,
  type RemitAdjustment,
  type RemitLineAmounts,
  type RemitLineDenial,
} from "./denials/denialCategory";

// Denials (DOMAIN.md section 4): adjustment codes, line outcomes, the denial rate.
export { ADJUSTMENT_GROUP_CODES, type AdjustmentGroupCode } from "./denials/adjustmentCodes";
export { computeDenialRate, DENIAL_RATE_BASES } from "./denials/denialRate";
export { denialIssueMessage, denialIssueExcelError, type DenialIssue } from "./denials/issues";

export { REMIT_OUTCOMES, type RemitOutcome } from "./denials/outcome";

// Contract performance KPIs (DOMAIN.md 4.1): payment accuracy, days to pay.
export {
  computePaymentAccuracy,
  DEFAULT_ACCURACY_TOLERANCE,
  type PaymentAccuracy,
  type PaymentAccuracyInput,
} from "./kpis/paymentAccuracy";
export {
  computeDaysToPay,
  daysToPayBasisOf,
  DAYS_TO_PAY_BASES,
  PERCENTILE_BASIS,
  type DaysToPay,
  type DaysToPayBasis,
  type DaysToPayInput,
} from "./kpis/daysToPay";
export { kpiIssueMessage, kpiIssueExcelError, KPI_ISSUE_CATALOGUE, type KpiIssue } from "./kpis/issues";
export {
  computeContractPerformance,
  monthIndexOfDay,
  monthStartDay,
  monthText,
  percentileInc,
  type PerformanceLine,
  type PerformanceRow,
} from "./kpis/contractPerformance";
export { DEFAULT_AR_PERIOD_DAYS, daysInArAafp, netDaysInArMap } from "./kpis/daysInAr";
export {
  computeActualVsModeled,
  signedUpliftOf,
  type ModeledLine,
  type ModeledRow,
  type RankingLines,
  type SignedProposal,
  type SignedUplift,
} from "./kpis/actualVsModeled";
export { registryBeforeSigning, type RatesBefore, type Signing } from "./kpis/registryBeforeSigning";
export {
  COMPARED_FLAGS,
  DEFAULT_CLEAN_CLAIM_WINDOW_DAYS,
  DEFAULT_SPIKE_RULES,
  FLAG_ROLES,
  HFMA_DENOMINATOR_MONTHS,
  type FlagRole,
  type SpikeRules,
} from "./kpis/performanceRules";
export {
  computeScorecard,
  costOf,
  daysLate,
  shareText,
  promptPayDeadline,
  scoreReason,
  weekdaysThrough,
  type ContractCost,
  type Scorecard,
  type ScorecardRow,
} from "./kpis/costOfBusiness";
export {
  COST_ASSUMPTION_SOURCES,
  DEFAULT_COST_ASSUMPTIONS,
  DEFAULT_PROMPT_PAY_STATE,
  DEFAULT_SCORE_WEIGHTS,
  PROMPT_PAY_RULES,
  PROMPT_PAY_STATES,
  SCORE_MEASURE_WORDS,
  SCORE_MEASURES,
  type CostAssumptions,
  type PromptPayDayKind,
  type PromptPayRule,
  type PromptPayState,
  type ScoreMeasure,
  type ScoreWeights,
} from "./kpis/costRules";

// Variance review: each claim line against its contract, and what can be recovered.
export {
  DEFAULT_VARIANCE_TOLERANCE,
  VARIANCE_FLAGS,
  reviewVariances,
  summariseVariances,
  lineDenial,
  isReversalLine,
  deniedReasonPrefix,
  reviewInstitutionalVariances,
  summariseInstitutionalVariances,
  STAY_LINE_REASON_PREFIX,
  INSTITUTIONAL_CODE_KINDS,
  type InstitutionalCodeKind,
  type InstitutionalInputLine,
  type InstitutionalLinePricing,
  type InstitutionalSide,
  type InstitutionalVarianceSummary,
  type VarianceFlag,
  type VarianceInputLine,
  type VarianceLine,
  type VarianceSummary,
  type VarianceTolerance,
} from "./variance";

// Hospital outpatient pricing (issue 14): OPPS Addendum B, outpatient methods, institutional carve-outs.
export {
  OPPS_STATUS_INDICATORS,
  OPPS_STATUS_INDICATOR_CODES,
  parseStatusIndicator,
  statusIndicatorEntry,
  type OppsStatusIndicator,
  type OppsPaymentRule,
  type StatusIndicatorEntry,
} from "./outpatient/statusIndicators";
export { buildOppsTable, oppsTableOn, type OppsRow, type OppsTable } from "./outpatient/oppsTable";
export {
  OUTPATIENT_METHODS,
  outpatientMethodEntry,
  outpatientMethodText,
  type OutpatientMethodCells,
  type OutpatientMethodContext,
  type OutpatientMethodEntry,
  type OutpatientMethodTable,
} from "./outpatient/methods";
export {
  OPPS_LABOR_SHARE,
  MULTIPLE_PROCEDURE_FRACTION,
  DISCONTINUED_PROCEDURE_RULES,
  type DiscontinuedModifier,
  type MethodLineAmount,
} from "./outpatient/oppsClaim";
export {
  findRevenueCodeRate,
  REVENUE_CODE_RATE_BASES,
  type RevenueCodeRateBasisEntry,
} from "./outpatient/revenueCodeRates";
export { priceOutpatientClaim, priceOutpatientClaims } from "./outpatient/priceOutpatientClaim";
export { priceOutpatientLines, type BatchOutpatientPricing } from "./outpatient/priceOutpatientLines";
export type {
  OutpatientLine,
  OutpatientMethod,
  OutpatientTerms,
  RevenueCodeRate,
  RevenueCodeRateBasis,
  OppsPricingData,
  OutpatientLineAmount,
  OutpatientLinePrice,
  OutpatientClaimPrice,
} from "./outpatient/types";
export type { OutpatientTraceStep, OppsPackaging } from "./outpatient/traceSteps";
export { OUTPATIENT_ISSUE_CATALOGUE, type OutpatientIssue, type OutpatientIssueCode } from "./outpatient/issues";
export {
  INSTITUTIONAL_CODE_MATCHES,
  INSTITUTIONAL_CARVE_OUT_METHODS,
  findInstitutionalCarveOut,
  institutionalCarveOutAmount,
  carveOutCodesText,
  carveOutMethodText,
  type InstitutionalRevenueLine,
  type InstitutionalCodeMatch,
  type InstitutionalCarveOutMethod,
  type InstitutionalCarveOut,
  type CarveOutAmount,
  type CarveOutRowPlace,
  type CodeMatchEntry,
  type InstitutionalCarveOutMethodEntry,
} from "./institutional/carveOuts";
// Inpatient pricing of hospital contracts (issue 14): MS-DRG tables, stays, inpatient methods and terms.
export { parseMsDrg, type MsDrg } from "./inpatient/msDrg";
export {
  buildDrgWeightTable,
  drgTableOn,
  drgWeightOf,
  fiscalYearDates,
  fiscalYearOf,
  type DrgWeightRow,
  type DrgWeightTable,
} from "./inpatient/drgTable";
export {
  lengthOfStay,
  parseDischargeStatus,
  type DischargeStatus,
  type InpatientStay,
  type LengthOfStay,
  type LengthOfStaySource,
  type RevenueLine,
} from "./inpatient/stay";
export type {
  CaseRate,
  DayTier,
  InpatientMethod,
  InpatientMethodKind,
  InpatientTerms,
  OutlierTerm,
  PerDiemLevel,
  StopLoss,
  StopLossKind,
} from "./inpatient/terms";
export {
  INPATIENT_METHODS,
  inpatientMethodEntry,
  inpatientMethodOf,
  type InpatientMethodCells,
  type InpatientMethodEntry,
  type InpatientMethodTable,
} from "./inpatient/methods";
export { checkPerDiemTiers } from "./inpatient/perDiem";
export { describeInpatientTerms } from "./inpatient/describeTerms";
export { STOP_LOSS_KINDS } from "./inpatient/stopLoss";
export {
  TRANSFER_DISCHARGE_STATUSES,
  TRANSFER_KINDS,
  TRANSFER_ARITHMETIC,
  type NoTransferReason,
  type TransferAmount,
  type TransferArithmetic,
  type TransferClass,
  type TransferKind,
} from "./inpatient/transfer";
export { priceInpatientStay, type InpatientPrice } from "./inpatient/priceStay";
export { priceInpatientStays, type BatchStayPricing } from "./inpatient/priceStays";
export type { InpatientTraceStep, InpatientTraceStepKind, TierDays } from "./inpatient/traceSteps";
export { INPATIENT_ISSUE_CATALOGUE, type InpatientIssue } from "./inpatient/issues";

// Market benchmarks (DOMAIN.md 5.3): PERCENTILE.INC and PERCENTRANK.INC, exact; the MARKET_RATE rule.
export {
  exactPercentileInc,
  exactPercentRankInc,
  marketRate,
  marketDollarRates,
  marketRateIssueExcelError,
  marketRateIssueMessage,
  percentileFraction,
  MARKET_RATE_ISSUE_CATALOGUE,
  type MarketRateEntry,
  type MarketRateIssue,
  type MarketRateQuery,
  type PercentRank,
} from "./market";

// Negotiation (issue 17): the renewal calendar, the clause and log vocabularies, the follow-up text.
export * from "./negotiation";
