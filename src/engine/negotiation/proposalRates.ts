/**
 * The per-code rates of a proposal as a user types them in one cell: a list of code and percentage pairs,
 * "99213:5%; 99214:4%; *:2%" (`*` for every other code, as in PAYER.UPLIFT_SCENARIO's uplift table), or the name of
 * a workbook table of (code, fraction) rows. A list that does not read is refused with the item and the character
 * where it goes wrong, so the user can find it in the cell.
 */
import { readFraction, readHcpcsCodeCell } from "../cellValues";
import type { Decimal } from "../decimal";
import { fail, ok, type Result } from "../result";
import { DEFAULT_UPLIFT_CODE } from "../uplift";
import { ITEM_SEPARATOR } from "./followUp";
import type { ProposalIssue } from "./proposalIssues";

/** Separates a code from its percentage in a list item. */
export const CODE_RATE_SEPARATOR = ":";

/** One item of a per-code list, read. */
export interface PerCodeRate {
  /** A normalised CPT/HCPCS code, or `*` for every code the list does not name. */
  readonly hcpcsCode: string;
  readonly fraction: Decimal;
}

/** Where a proposal's per-code rates are: in the cell itself, or in a table of the workbook. */
export type PerCodeSource =
  | { readonly kind: "list"; readonly rates: readonly PerCodeRate[] }
  | { readonly kind: "table"; readonly tableName: string };

/** A table name as Excel allows it: a letter, underscore or backslash, then letters, digits, "_" or ".". */
const TABLE_NAME = /^[\p{L}_\\][\p{L}\p{N}_.]*$/u;

/**
 * Reads a per-code cell: a list of code:percentage items separated by ";", or a table name (a cell without ":" or
 * ";").
 * Positions in issues are 1-based characters of the cell as typed.
 * @example readPerCodeRates("99213:5%; 99214:4%") // ok: list of 2 rates
 * @example readPerCodeRates("UpliftRates") // ok: table UpliftRates
 */
export function readPerCodeRates(cell: string): Result<PerCodeSource, ProposalIssue> {
  const text = cell.trim();
  if (text === "") return fail({ code: "perCodeEmpty" });
  if (!text.includes(CODE_RATE_SEPARATOR) && !text.includes(ITEM_SEPARATOR)) {
    return TABLE_NAME.test(text)
      ? ok({ kind: "table", tableName: text })
      : fail({ code: "perCodeItemMalformed", item: 1, position: 1, text, expected: "pair" });
  }
  const rates: PerCodeRate[] = [];
  const itemOf = new Map<string, number>();
  let start = 0;
  const items = cell.split(ITEM_SEPARATOR);
  for (let index = 0; index < items.length; index++) {
    const raw = items[index] as string;
    const item = index + 1;
    const at = start + (raw.length - raw.trimStart().length) + 1;
    start += raw.length + ITEM_SEPARATOR.length;
    const trimmed = raw.trim();
    // A trailing ";" leaves an empty last item: harmless, as in the log's lists.
    if (trimmed === "") continue;
    const colon = trimmed.indexOf(CODE_RATE_SEPARATOR);
    if (colon < 0) return fail({ code: "perCodeItemMalformed", item, position: at, text: trimmed, expected: "pair" });
    const codeText = trimmed.slice(0, colon).trim();
    const fractionText = trimmed.slice(colon + 1);
    let hcpcsCode: string = DEFAULT_UPLIFT_CODE;
    if (codeText !== DEFAULT_UPLIFT_CODE) {
      const code = readHcpcsCodeCell(codeText);
      if (!code.ok) return fail({ code: "perCodeItemMalformed", item, position: at, text: trimmed, expected: "code" });
      hcpcsCode = code.value;
    }
    const fraction = readFraction(fractionText.trim());
    if (typeof fraction === "string" || fraction.lessThan(-1)) {
      const position = at + colon + 1 + (fractionText.length - fractionText.trimStart().length);
      return fail({ code: "perCodeItemMalformed", item, position, text: trimmed, expected: "fraction" });
    }
    const first = itemOf.get(hcpcsCode);
    if (first !== undefined) return fail({ code: "perCodeDuplicate", hcpcsCode, firstItem: first, secondItem: item });
    itemOf.set(hcpcsCode, item);
    rates.push({ hcpcsCode, fraction });
  }
  return rates.length === 0 ? fail({ code: "perCodeEmpty" }) : ok({ kind: "list", rates });
}

/** A per-code list as its cell text, in the list's order: "99213:5%; *:2%". */
export function perCodeText(rates: readonly PerCodeRate[]): string {
  return rates.map((rate) => `${rate.hcpcsCode}${CODE_RATE_SEPARATOR}${rate.fraction.times(100).toString()}%`).join(`${ITEM_SEPARATOR} `); // prettier-ignore
}
