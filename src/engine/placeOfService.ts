import type { Brand } from "./brand";
import { isBlankCell } from "./cellValues";
import { fail, ok, type Result } from "./result";

/** A CMS place-of-service code: two digits, leading zero kept ("02", "11", "22"). */
export type PlaceOfServiceCode = Brand<string, "PlaceOfServiceCode">;

/** Which Medicare PFS practice-expense RVU applies: facility or non-facility. */
export type CareSetting = "facility" | "non-facility";

/**
 * POS codes paid at the facility rate under the Medicare PFS; every other POS is paid at the non-facility rate.
 * Source: CMS PFS RVU file documentation and the CMS POS code set (DOMAIN.md 2.5). POS 10 (telehealth in the
 * patient's home) pays non-facility since 1/1/2024, so it is not listed. Data, so a yearly change is one edit.
 */
export const FACILITY_PLACES_OF_SERVICE: ReadonlySet<string> = new Set([
  "02", "19", "21", "22", "23", "24", "26", "31", "34", "41", "42", "51", "52", "53", "56", "61",
]); // prettier-ignore

/** The result of reading a place of service: the setting always, the POS code when one was given. */
export interface PlaceOfService {
  readonly placeOfServiceCode: PlaceOfServiceCode | null;
  readonly setting: CareSetting;
}

const SETTING_WORDS: Readonly<Record<string, CareSetting>> = {
  FACILITY: "facility",
  F: "facility",
  "NON-FACILITY": "non-facility",
  NONFACILITY: "non-facility",
  "NON FACILITY": "non-facility",
  NF: "non-facility",
};

/** The PFS setting of a POS code (DOMAIN.md 2.5). */
export function settingOf(code: PlaceOfServiceCode): CareSetting {
  return FACILITY_PLACES_OF_SERVICE.has(code) ? "facility" : "non-facility";
}

/**
 * Reads a place of service: a POS code as text or number (11, "11", 2 -> "02") or the words "facility" /
 * "non-facility" (also "nonfacility", "F", "NF"), case-insensitive. Blank means non-facility, the default of
 * ARCHITECTURE.md section 4.
 * @example parsePlaceOfService(2) // { ok: true, value: { placeOfServiceCode: "02", setting: "facility" } }
 */
export function parsePlaceOfService(value: unknown): Result<PlaceOfService> {
  if (isBlankCell(value)) {
    return ok({ placeOfServiceCode: null, setting: "non-facility" });
  }
  const text = (typeof value === "number" ? String(value) : typeof value === "string" ? value : "")
    .trim()
    .toUpperCase();
  const word = SETTING_WORDS[text.replace(/\s+/g, " ")];
  if (word) return ok({ placeOfServiceCode: null, setting: word });
  if (/^\d{1,2}$/.test(text) && text !== "0" && text !== "00") {
    const code = text.padStart(2, "0") as PlaceOfServiceCode;
    return ok({ placeOfServiceCode: code, setting: settingOf(code) });
  }
  return fail({ code: "placeOfServiceMalformed", value: String(value).trim() });
}
