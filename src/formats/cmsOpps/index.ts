// The reader of CMS's OPPS Addendum B (hospital outpatient APC rates by HCPCS code) into the engine's tables.
export { parseAddendumBCsv, addendumBQuarterOf, type AddendumBImport, type AddendumBOptions } from "./addendumB";
export { addendumBIssueMessage, ADDENDUM_B_ISSUE_MESSAGES, type AddendumBIssue } from "./issues";
