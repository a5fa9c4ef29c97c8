// Parsers of the CMS Physician Fee Schedule files into engine types, and the file basics the payer import shares.
export { parsePprrvuCsv, importPfsSchedule, hasPprrvuHeader, type PprrvuImport } from "./pprrvu";
export { parseGpciCsv, type GpciImport } from "./gpci";
export { parseOppsCapCsv, type OppsCapImport } from "./oppsCap";
export { parseAnesCsv, type AnesImport, type AnesLocality } from "./anes";
export { parseAnesthesiaBaseUnitsCsv, type AnesthesiaBaseUnitsImport } from "./anesthesiaBaseUnits";
export { parsePfsPaymentAmounts, type PfsPaymentAmount } from "./pfsPaymentAmounts";
export { importIssueMessage, IMPORT_ISSUE_MESSAGES, type ImportIssue, type CodeListEnd } from "./importIssues";
export {
  decodeFileBytes,
  looksLikeFormula,
  hasControlCharacter,
  showControlCharacters,
  withoutControlCharacters,
  type DecodedText,
  type NotText,
  type NotTextKind,
  type TextEncodingName,
} from "./textInput";
