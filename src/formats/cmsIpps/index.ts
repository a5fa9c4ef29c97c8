// Parsers of CMS's IPPS files (MS-DRG weights, CBSA wage index) into engine types.
export { parseDrgWeightsCsv, type DrgWeightsImport } from "./drgWeights";
export { parseCbsaWageIndexCsv, type CbsaWageIndexImport, type CbsaWageIndexRow } from "./cbsaWageIndex";
export { ippsImportIssueMessage, IPPS_IMPORT_ISSUE_MESSAGES, type IppsImportIssue } from "./importIssues";
