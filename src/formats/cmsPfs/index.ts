// Parsers of the CMS Physician Fee Schedule files into engine types.
export { parsePprrvuCsv, importPfsSchedule, type PprrvuImport } from "./pprrvu";
export { parseGpciCsv, type GpciImport } from "./gpci";
export { parsePfsPaymentAmounts, type PfsPaymentAmount } from "./pfsPaymentAmounts";
export { importIssueMessage, IMPORT_ISSUE_MESSAGES, type ImportIssue } from "./importIssues";
