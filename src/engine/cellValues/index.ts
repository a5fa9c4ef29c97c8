/**
 * The cell-value vocabulary: how the add-in reads a value from a cell (of a workbook table, a function argument or
 * a spreadsheet-like file) and writes one for people, declared once. Every reader of a table, an argument or a
 * payer file uses these rules; the format-specific grammars stay with their formats (X12 elements in
 * formats/remit835/values.ts: CCYYMMDD dates, decimals without separators, codes as exact text; the CMS files of
 * formats/cmsPfs, whose plain decimals and codes are checked against CMS's own layout, where a "$" or a US date would
 * mean the wrong file).
 *
 * | kind        | reads                                                            | reader                     |
 * |-------------|------------------------------------------------------------------|----------------------------|
 * | blank       | null, "", spaces                                                 | {@link isBlankCell}        |
 * | number text | sign or (parentheses), thousands in threes, "." or "," decimals  | {@link parseNumberText}    |
 * | count       | a number or number text (units, volumes; signed)                 | {@link readQuantity}       |
 * | dollars     | number text with "$"/USD/€ marks; {@link SignRule} zeroOrMore or signed | {@link readDollars}, {@link readCents} |
 * | percent     | a fraction (a %-formatted cell holds 1.15), "115%", "1.15"       | {@link readFraction}       |
 * | date        | Excel serial, ISO text, US text 1/31/2025, European 31.01.2025   | {@link readDateCell}       |
 * | code        | CPT/HCPCS, leading zeros restored (110 -> 00110), "99213.0"      | {@link readHcpcsCodeCell}  |
 *
 * Numbers from Excel read through 15 significant digits, what Excel keeps and shows. Money is exact: dollars are
 * decimals until one half-up rounding to whole cents per line, and cents are integers (sum, difference, scale).
 * Writing for people: {@link percentText} ("115%"), {@link dollarsText} ("$1,234.50"), {@link serialDateText}.
 *
 * Where readers used to disagree, the rule chosen (and why) is in each reader's comment: thousands separators only
 * in groups of three ("1,5" is refused, not read as 15), two-digit years as Excel reads them ("1/31/45" is 1945),
 * every date and amount reader accepting the same forms.
 */
export { isBlankCell } from "./blank";
export {
  decimalOfNumber,
  numberTextParts,
  parseNumberText,
  readNumberCell,
  readQuantity,
  type DecimalStyle,
  type NumberRead,
  type NumberTextOptions,
  type NumberTextParts,
  type QuantityRead,
} from "./numberText";
export {
  createCentsReader,
  readCents,
  readDollars,
  MAX_LINE_CENTS,
  type CentsRead,
  type CentsRule,
  type DollarsRead,
  type SignRule,
} from "./dollars";
export { percentText, readFraction, type FractionRead } from "./percent";
export { excelSerialOf, readDateCell, serialDateText } from "./dates";
export { readHcpcsCodeCell, zerosLostFrom } from "./codes";
export {
  centsDifference,
  dollarsOf,
  dollarsText,
  scaleCents,
  sumCents,
  toCents,
  formatCents,
  type Cents,
} from "../money";
