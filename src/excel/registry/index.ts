// The contract registry as read from the workbook: table specs, parsing, issues, and the reader. Re-exports only.
export { readRegistry, readRegistryTables, type RegistryTables } from "./readRegistry";
export { buildRegistry, scheduleTablesNeeded, REGISTRY_TABLE_NAMES, type RegistrySnapshot } from "./buildRegistry";
export {
  REGISTRY_ISSUE_CATALOGUE,
  registryIssueMessage,
  registryIssueExcelError,
  registryIssueRows,
  type RegistryIssue,
  type TableRow,
} from "./issues";
export type { ContractIssueIndex } from "./contractIssues";
export {
  PAYER_CONTRACTS_SPEC,
  CONTRACT_CARVE_OUTS_SPEC,
  MEDICARE_SCHEDULES_SPEC,
  FEE_SCHEDULE_SPEC,
  MEDICARE_SCHEDULE_SPEC,
  ANESTHESIA_BASE_UNITS_SPEC,
  ANESTHESIA_BASE_UNITS_TABLE,
  REGISTRY_TABLE_SPECS,
  PAYER_CONTRACTS_TABLE,
  CONTRACT_CARVE_OUTS_TABLE,
  MEDICARE_SCHEDULES_TABLE,
} from "./registryTables";
export { parseTable, rowSchema, type ColumnSpec, type TableSpec, type TableData, type ParsedRow } from "./tableSpec";
export { renderRegistryDocs } from "./registryDocs";
export { HOSPITAL_TABLE_SPECS, HOSPITAL_TABLE_NAMES } from "./hospitalSpecs";
export {
  INPATIENT_TERMS_SPEC,
  INPATIENT_TERMS_TABLE,
  OUTPATIENT_TERMS_SPEC,
  OUTPATIENT_TERMS_TABLE,
  REVENUE_CODE_RATES_TABLE,
} from "./hospitalTermsTables";
export {
  INPATIENT_CASE_RATES_SPEC,
  INPATIENT_CASE_RATES_TABLE,
  INPATIENT_PER_DIEM_RATES_SPEC,
  INPATIENT_PER_DIEM_RATES_TABLE,
  INSTITUTIONAL_CARVE_OUTS_SPEC,
  INSTITUTIONAL_CARVE_OUTS_TABLE,
  MS_DRG_WEIGHTS_SPEC,
  MS_DRG_WEIGHTS_TABLE,
  OPPS_RATES_SPEC,
  OPPS_RATES_TABLE,
  REVENUE_CODE_RATES_SPEC,
} from "./hospitalRateTables";
