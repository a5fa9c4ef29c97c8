/**
 * Prior authorization numbers on the sample's claims, for the cost of doing business (issue 15 item 4): payers
 * review advanced imaging (CT, MRI, MRA, cardiac CTA, nuclear cardiology) and some elective procedures (knee
 * arthroscopy, spinal injections, cataract surgery) before they are done, except in the emergency department, where
 * no authorization is asked. The number belongs to the claim (837 loop 2300 REF*G1), so the claims export repeats it
 * on every line of the claim; now and then a claim that needed one went without. A generator of its own draws the
 * numbers, so the claims' codes, amounts and dates stay those of the same seed before numbers existed.
 */
import { ACME, SUMMIT } from "./contracts";
import type { DatedClaimLine } from "./claimDates";
import { mulberry32 } from "./prng";

/** A claim line with its prior authorization number; "" when its claim has none. */
export interface AuthorizedClaimLine extends DatedClaimLine {
  priorAuthorizationNumber: string;
}

/** The sample's codes a payer authorizes before the service. */
export const PRIOR_AUTHORIZATION_CODES: ReadonlySet<string> = new Set([
  ...["70450", "70486", "70544", "70551", "70553", "71250", "71275", "72125", "72148", "73721"],
  ...["74176", "74177", "74178", "75574", "78452"],
  ...["29881", "64483", "66984"],
]);

/** The emergency department (POS 23): emergency care is never held for authorization. */
const EMERGENCY_PLACE_OF_SERVICE = "23";

/** Share of the claims needing an authorization that carry one. */
const AUTHORIZED_SHARE = 0.94;

/** Each payer numbers its authorizations its own way. */
const NUMBER_OF = {
  [ACME]: (serial: number, year: string) => `ACM${year}${String(serial).padStart(7, "0")}`,
  [SUMMIT]: (serial: number) => `SH-${String(serial).padStart(9, "0")}`,
} as const satisfies Record<typeof ACME | typeof SUMMIT, (serial: number, year: string) => string>;

/** Salt of the numbers' own generator. */
const AUTHORIZATIONS_SALT = 0x0a07_4011;

/** Adds each line's prior authorization number, in order; deterministic for a seed. */
export function authorizeClaims(lines: readonly DatedClaimLine[], seed: number): AuthorizedClaimLine[] {
  const prng = mulberry32((seed ^ AUTHORIZATIONS_SALT) >>> 0);
  const needing = new Set(
    lines
      .filter((l) => PRIOR_AUTHORIZATION_CODES.has(l.hcpcsCode) && l.placeOfServiceCode !== EMERGENCY_PLACE_OF_SERVICE)
      .map((l) => l.claimId),
  );
  const numbers = new Map<string, string>();
  for (const line of lines) {
    if (!needing.has(line.claimId) || numbers.has(line.claimId)) continue;
    const numberOf = (NUMBER_OF as Readonly<Record<string, (serial: number, year: string) => string>>)[
      line.contractName
    ];
    if (numberOf === undefined) throw new Error(`sample: no authorization numbering for ${line.contractName}`);
    const authorized = prng.chance(AUTHORIZED_SHARE);
    numbers.set(line.claimId, authorized ? numberOf(prng.int(1, 9_999_999), line.serviceDate.slice(0, 4)) : "");
  }
  return lines.map((line) => ({ ...line, priorAuthorizationNumber: numbers.get(line.claimId) ?? "" }));
}
