import type { HcpcsCode } from "../hcpcsCode";
import { registryKey, type ContractRegistry } from "./registry";
import type { CarveOut } from "./types";

/**
 * The shape of a code, so that ranges only hold codes of one kind: "digits" (CPT Category I, 99213), "digits+F"
 * (Category II), "digits+T" (Category III), "digits+U"/"digits+M" (PLA/MAAA), or "J+digits" (HCPCS Level II, by
 * letter). Text order is code order within one shape, but not across shapes ("0001F" sorts between 00100 and 99999).
 */
export function codeShape(code: HcpcsCode): string {
  const first = code.charAt(0);
  const last = code.charAt(4);
  if (first >= "A" && first <= "Z") return `${first}+digits`;
  if (last >= "A" && last <= "Z") return `digits+${last}`;
  return "digits";
}

/** Whether a code lies in a carve-out's range, both ends inclusive, comparing only codes of the same shape. */
export function codeInRange(code: HcpcsCode, from: HcpcsCode, to: HcpcsCode): boolean {
  return from <= code && code <= to && codeShape(code) === codeShape(from) && codeShape(code) === codeShape(to);
}

/** A carve-out's codes as people write them: "85025" alone, or the range "J0120-J9999". */
export function codeRangeText(from: HcpcsCode, to: HcpcsCode): string {
  return from === to ? from : `${from}-${to}`;
}

/**
 * The carve-out of a contract that prices a code, if any. A carve-out for the single code beats a range; among
 * ranges the first row of the table wins. Carve-outs take precedence over the contract's method and its default
 * rule (DOMAIN.md 3.1 "carve-outs", precedence order of DOMAIN.md 0 item 7).
 */
export function findCarveOut(registry: ContractRegistry, contractName: string, code: HcpcsCode): CarveOut | null {
  const carveOuts = registry.carveOutsByName.get(registryKey(contractName));
  if (carveOuts === undefined) return null;
  let range: CarveOut | null = null;
  for (const carveOut of carveOuts) {
    if (!codeInRange(code, carveOut.hcpcsCodeFrom, carveOut.hcpcsCodeTo)) continue;
    if (carveOut.hcpcsCodeFrom === carveOut.hcpcsCodeTo) return carveOut;
    range ??= carveOut;
  }
  return range;
}
