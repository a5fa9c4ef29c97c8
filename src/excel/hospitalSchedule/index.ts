// Importing a hospital's CMS schedules into the registered tables (MsDrgWeights, OppsRates) and its wage index into
// OutpatientTerms. Re-exports only.
export { writeDrgWeights, writeOppsRates, MS_DRG_WEIGHTS_SHEET, OPPS_RATES_SHEET } from "./writeCmsSchedules";
export { type WrittenPeriodRows, type PeriodRowsWriteOptions } from "./replacePeriodRows";
export { listOutpatientTerms, writeWageIndex, type TermsRow, type WrittenWageIndex } from "./writeWageIndex";
export { describeHospitalImportIssue, type HospitalImportIssue } from "./hospitalImportIssues";
