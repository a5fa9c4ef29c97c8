/**
 * Turns the pending prices of the kept items into rates once the whole file is read: each price once per provider
 * group its negotiated rate names (through provider_references ids or inline) and per reporting plan.
 */
import type { IssueSink } from "./issueSink";
import type { PendingRate } from "./items";
import { groupWanted, providerLabel, type ProviderGroup, type ProviderReference } from "./providers";
import type { MarketRateFilter } from "../marketRate";
import type { TicRate, TicSkipReason } from "./types";

/** Who the rates belong to: the file's publisher and, per plan, its payer and plan name. */
export interface TicPlans {
  readonly publisher: string;
  readonly plans: readonly { readonly payer: string; readonly plan: string }[];
}

/** What resolving needs besides the pending rates. */
export interface ResolveContext {
  readonly references: ReadonlyMap<number, ProviderReference>;
  readonly filter: MarketRateFilter;
  readonly sink: IssueSink;
  readonly countSkip: (reason: TicSkipReason, count?: number) => void;
}

/** The groups a pending rate pays, with the references it cites that cannot be used counted and reported. */
function groupsOf(
  rate: PendingRate,
  context: ResolveContext,
): { groups: { group: ProviderGroup; id: number | null }[]; onlyRemote: boolean } {
  const { providers } = rate;
  if (providers.kind === "inline") {
    const wanted = providers.groups.filter((group) => groupWanted(group, context.filter));
    context.countSkip("providerNotRequested", providers.groups.length - wanted.length);
    return { groups: wanted.map((group) => ({ group, id: null })), onlyRemote: false };
  }
  const groups: { group: ProviderGroup; id: number }[] = [];
  let remote = 0;
  for (const id of providers.ids) {
    const reference = context.references.get(id);
    if (reference === undefined) {
      context.sink.add({ code: "referenceUnknown", at: `${rate.at}.provider_references`, providerGroupId: id });
      context.countSkip("unknownProviderReference");
    } else if (reference.kind === "remote") {
      remote += 1;
      context.countSkip("remoteProviderReference");
    } else for (const group of reference.groups) groups.push({ group, id });
  }
  return { groups, onlyRemote: remote > 0 && remote === providers.ids.length };
}

/** The rates of every pending price; returns how many negotiated rates cited only remote references. */
export function resolveRates(
  pending: readonly PendingRate[],
  owner: TicPlans,
  context: ResolveContext,
): { rates: TicRate[]; onlyRemoteRates: number } {
  const rates: TicRate[] = [];
  let onlyRemoteRates = 0;
  for (const rate of pending) {
    const { groups, onlyRemote } = groupsOf(rate, context);
    if (onlyRemote) onlyRemoteRates += 1;
    for (const { at, fields } of rate.prices)
      for (const { group, id } of groups)
        for (const { payer, plan } of owner.plans)
          rates.push({
            source: "tic",
            publisher: owner.publisher,
            payer,
            plan,
            provider: providerLabel(group),
            code: rate.code,
            codeType: rate.codeType,
            modifiers: fields.modifiers,
            setting: fields.setting,
            billingClass: fields.billingClass,
            method: fields.method,
            unit: fields.unit,
            rate: fields.rate,
            at,
            placeOfServiceCodes: fields.placeOfServiceCodes,
            expirationDate: fields.expirationDate,
            tinType: group.tinType,
            tinValue: group.tinValue,
            npis: group.npis,
            providerGroupId: id,
            additionalInformation: fields.additionalInformation,
          });
  }
  return { rates, onlyRemoteRates };
}
