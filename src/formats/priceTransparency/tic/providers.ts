/**
 * Provider groups of a TiC in-network file (DOMAIN.md 5.2): each top-level provider_references entry gives a
 * provider_group_id and its provider_groups (npi[] and tin{type, value}), or only a `location`, the URL of a file
 * that holds them. A negotiated rate names its providers by those ids, or (older files) lists provider_groups
 * inline.
 */
import type { MarketRateFilter } from "../marketRate";
import { isRecord, lookUp, optionalText, type IssueSink, type JsonRecord } from "./issueSink";
import type { TicTinType } from "./types";

/** One provider group: a TIN and the NPIs billing under it. */
export interface ProviderGroup {
  readonly npis: readonly string[];
  readonly tinType: TicTinType;
  readonly tinValue: string;
  readonly businessName: string | null;
}

/** A top-level provider reference as read: its groups (those the filter wants), or a remote location. */
export type ProviderReference =
  | { readonly kind: "groups"; readonly groups: readonly ProviderGroup[] }
  | { readonly kind: "remote"; readonly location: string };

const TIN_TYPES = { ein: "ein", npi: "npi" } as const satisfies Record<TicTinType, TicTinType>;

/** NPI [0] is the schema's way to say "every NPI under this TIN" (a TIN-level contract). */
function readNpis(record: JsonRecord, at: string, sink: IssueSink): string[] | null {
  const value = record.npi;
  const valid =
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((npi) => typeof npi === "number" && (npi === 0 || (Number.isInteger(npi) && npi >= 1e9 && npi < 1e10)));
  if (!valid) {
    sink.invalid(at, "npi", "npiList", value);
    return null;
  }
  return (value as number[]).map((npi) => String(npi));
}

/** One provider group, or null after reporting why it cannot be read. */
export function readProviderGroup(raw: unknown, at: string, sink: IssueSink): ProviderGroup | null {
  if (!isRecord(raw)) {
    sink.invalid(at, "", "object", raw);
    return null;
  }
  const npis = readNpis(raw, at, sink);
  const tin = raw.tin;
  const tinType = isRecord(tin) ? lookUp(TIN_TYPES, tin.type) : undefined;
  if (!isRecord(tin) || tinType === undefined || typeof tin.value !== "string" || tin.value.trim() === "") {
    sink.invalid(at, "tin", "tin", tin);
    return null;
  }
  if (npis === null) return null;
  return {
    npis,
    tinType,
    tinValue: tin.value.trim(),
    businessName: optionalText(tin, "business_name", `${at}.tin`, sink),
  };
}

/** The groups of a provider_groups array, each checked; null when the array itself is missing or empty. */
export function readProviderGroups(raw: unknown, at: string, sink: IssueSink): ProviderGroup[] | null {
  if (!Array.isArray(raw) || raw.length === 0) return null;
  const groups: ProviderGroup[] = [];
  raw.forEach((entry, index) => {
    const group = readProviderGroup(entry, `${at}[${index}]`, sink);
    if (group !== null) groups.push(group);
  });
  return groups;
}

/** A top-level provider_references entry with its id, or null after reporting why it cannot be used. */
export function readProviderReference(
  raw: unknown,
  at: string,
  sink: IssueSink,
): { readonly id: number; readonly reference: ProviderReference } | null {
  if (!isRecord(raw)) {
    sink.invalid(at, "", "object", raw);
    return null;
  }
  const id = raw.provider_group_id;
  if (typeof id !== "number" || !Number.isInteger(id)) {
    sink.invalid(at, "provider_group_id", "providerGroupId", id);
    return null;
  }
  if (raw.provider_groups === undefined && typeof raw.location === "string")
    return { id, reference: { kind: "remote", location: raw.location } };
  const groups = readProviderGroups(raw.provider_groups, `${at}.provider_groups`, sink);
  if (groups === null) {
    sink.invalid(at, "provider_groups", "list", raw.provider_groups);
    return null;
  }
  return { id, reference: { kind: "groups", groups } };
}

/** Digits only, so that "11-1111111" and "111111111" name the same TIN. */
export function providerIdDigits(id: string): string {
  return id.replace(/\D/g, "");
}

/** Whether the filter keeps this group: no providerIds keeps all; else one of its NPIs or its TIN is listed. */
export function groupWanted(group: ProviderGroup, filter: MarketRateFilter): boolean {
  const ids = filter.providerIds;
  if (ids === undefined) return true;
  return ids.has(providerIdDigits(group.tinValue)) || group.npis.some((npi) => ids.has(npi));
}

/** The provider as the Benchmarks table shows it: "ACME Provider Group (EIN 11-1111111)". */
export function providerLabel(group: ProviderGroup): string {
  const tin = `${group.tinType.toUpperCase()} ${group.tinValue}`;
  return group.businessName === null ? tin : `${group.businessName} (${tin})`;
}
