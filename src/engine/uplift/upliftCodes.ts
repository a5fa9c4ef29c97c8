import { readHcpcsCodeCell } from "../cellValues";
import type { HcpcsCode } from "../hcpcsCode";
import { parseMsDrg, type MsDrg } from "../inpatient/msDrg";
import type { Result } from "../result";
import { parseRevenueCode, type RevenueCode } from "../revenueCode";
import { INSTITUTIONAL_CODE_KINDS, type InstitutionalCodeKind } from "../institutional/codeKinds";

/**
 * What an uplift ranks and uplifts by: the codes a contract prices by. A professional claim line and a hospital
 * outpatient line by HCPCS code (or, for a hospital line without one, its revenue code); an inpatient stay by its
 * MS-DRG, since a stay is priced as a whole (DOMAIN.md 3.1). The same kinds the institutional review sums by, so the
 * model and the review's Summary group a hospital table alike.
 */
export type UpliftCodeKind = InstitutionalCodeKind;
/** Every {@link UpliftCodeKind}, in the order a user is offered them (a stay's DRG, then HCPCS, revenue code). */
export const UPLIFT_CODE_KINDS: readonly UpliftCodeKind[] = INSTITUTIONAL_CODE_KINDS;

/** The code of each kind, normalised as the pricers read it. */
export interface UpliftCodeOf {
  readonly hcpcs: HcpcsCode;
  readonly drg: MsDrg;
  readonly revenueCode: RevenueCode;
}

/** Any code an uplift ranks. */
export type UpliftCode = UpliftCodeOf[UpliftCodeKind];

/** How each kind of code is read from a cell and named to a user. */
export interface UpliftCodeDeclaration<K extends UpliftCodeKind> {
  /** A column header and a message's name for the code: "MS-DRG". */
  readonly label: string;
  /** The code in a sentence: "is not an MS-DRG". */
  readonly name: string;
  /** Codes of the kind counted: "from 140 stays and 12 MS-DRGs". */
  readonly plural: string;
  /** What a cell of this kind holds, for a message: "a 3-digit MS-DRG like 470". */
  readonly expected: string;
  /** What one ranked entry is: a stay for a DRG (the claim is priced as a whole), else a line. */
  readonly unit: "stay" | "line";
  readonly read: (cell: unknown) => Result<UpliftCodeOf[K], unknown>;
}

/** Every kind of code an uplift ranks by, declared once; a new kind does not compile without its entry. */
export const UPLIFT_CODES: { readonly [K in UpliftCodeKind]: UpliftCodeDeclaration<K> } = {
  hcpcs: {
    label: "HCPCS Code",
    name: "a CPT/HCPCS code",
    plural: "codes",
    expected: "5 characters like 99213, 0001F or J1100",
    unit: "line",
    read: readHcpcsCodeCell,
  },
  drg: {
    label: "MS-DRG",
    name: "an MS-DRG",
    plural: "MS-DRGs",
    expected: "1 to 3 digits like 470",
    unit: "stay",
    read: parseMsDrg,
  },
  revenueCode: {
    label: "Revenue Code",
    name: "a revenue code",
    plural: "revenue codes",
    expected: "4 digits like 0450 (0278 for implants)",
    unit: "line",
    read: parseRevenueCode,
  },
};
