import type { Brand } from "./brand";
import { Decimal } from "./decimal";
import { fail, ok, type Result } from "./result";

/** A Medicare PFS locality: the 5-digit MAC number and the 2-digit locality number, "01112-05" (San Francisco). */
export type LocalityKey = Brand<string, "LocalityKey">;

/** The geographic practice cost indices of one locality (CMS GPCI file, DOMAIN.md 2.4). */
export interface LocalityGpci {
  readonly localityKey: LocalityKey;
  readonly macCode: string;
  readonly localityNumber: string;
  readonly stateCode: string | null;
  readonly localityName: string;
  /** Work GPCI as paid: with the 1.0 floor where the file has both columns. */
  readonly workGpci: Decimal;
  /** Work GPCI without the 1.0 floor, when the file carries it (the floor is statutory and may lapse). */
  readonly workGpciWithoutFloor: Decimal | null;
  readonly peGpci: Decimal;
  readonly malpracticeGpci: Decimal;
}

/** GPCIs of 1.000: the "national" amount, total RVUs x CF, as in DOMAIN.md section 9. */
export const NATIONAL_GPCI: LocalityGpci = {
  localityKey: "00000-00" as LocalityKey,
  macCode: "00000",
  localityNumber: "00",
  stateCode: null,
  localityName: "National (GPCI 1.000)",
  workGpci: new Decimal(1),
  workGpciWithoutFloor: null,
  peGpci: new Decimal(1),
  malpracticeGpci: new Decimal(1),
};

/** Builds a locality key from MAC and locality numbers, restoring leading zeros Excel drops (2102, 1 -> "02102-01"). */
export function localityKeyOf(macCode: string, localityNumber: string): LocalityKey {
  return `${macCode.trim().padStart(5, "0")}-${localityNumber.trim().padStart(2, "0")}` as LocalityKey;
}

/**
 * Reads a locality as the user types it: "01112-05", "01112 05", "0111205" or "1112-5"; the national amount is
 * "national" (GPCIs of 1.000).
 */
export function parseLocalityKey(value: unknown): Result<LocalityKey> {
  const text = (typeof value === "number" ? String(value) : typeof value === "string" ? value : "").trim();
  if (/^national$/i.test(text)) return ok(NATIONAL_GPCI.localityKey);
  const parts = /^(\d{1,5})\s*[-\s/]\s*(\d{1,2})$/.exec(text) ?? /^(\d{5})(\d{2})$/.exec(text);
  if (!parts || parts[1] === undefined || parts[2] === undefined)
    return fail({ code: "localityMalformed", value: text });
  return ok(localityKeyOf(parts[1], parts[2]));
}

/** Localities indexed by key, with the national pseudo-locality always present. */
export function buildGpciIndex(localities: readonly LocalityGpci[]): ReadonlyMap<LocalityKey, LocalityGpci> {
  const index = new Map<LocalityKey, LocalityGpci>([[NATIONAL_GPCI.localityKey, NATIONAL_GPCI]]);
  for (const locality of localities) index.set(locality.localityKey, locality);
  return index;
}

/** Finds a locality by what the user typed. */
export function findLocality(index: ReadonlyMap<LocalityKey, LocalityGpci>, value: unknown): Result<LocalityGpci> {
  const key = parseLocalityKey(value);
  if (!key.ok) return key;
  const locality = index.get(key.value);
  return locality ? ok(locality) : fail({ code: "localityNotFound", locality: key.value });
}
