/**
 * The streamed reader of Transparency in Coverage in-network files (DOMAIN.md 5.2, 5.3): files of gigabytes are read
 * chunk by chunk through @streamparser/json, one in_network item at a time (its `paths` option with keepStack false,
 * so an item is dropped from memory once read), filtered while reading. With a code filter, the bytes of the items
 * of other codes are skipped before the tokenizer (itemSkipper.ts).
 *
 * Memory: the provider references (all of them when they come before in_network, trimmed to the provider filter;
 * only those the kept rates cite when they come after), the kept items' prices, and one item being read. When the
 * references come after in_network, the kept prices wait for them whatever the provider filter, so a provider
 * filter saves memory only in files that put provider_references first (the schema's order, and most files').
 */
import { TokenParser, Tokenizer } from "@streamparser/json";
import { fail, ok, type Result } from "../../../engine";
import { GunzipFailure, gunzipSlices, isGzipBlob, type ByteBlob } from "../fileSource";
import type { MarketRateFilter } from "../marketRate";
import type { ForeignFileKind, TicRefusal, TicWarning } from "./issues";
import { IssueSink, isRecord, lookUp } from "./issueSink";
import { codeNotRequested, normalCode, readItem, skippedArrangement, type PendingRate } from "./items";
import { groupWanted, providerIdDigits, readProviderReference, type ProviderReference } from "./providers";
import { resolveRates, type TicPlans } from "./resolve";
import { byteChunks, classifyNotJson, DEFAULT_BLOB_SLICE_BYTES, firstContentIndex, sourceSize } from "./source";
import { ItemSkipper } from "./itemSkipper";
import { TokenRouter } from "./tokenRouter";
import {
  TIC_SKIP_REASONS,
  type TicRate,
  type TicReadOptions,
  type TicReadSummary,
  type TicSkipReason,
  type TicSource,
} from "./types";

/** A TiC in-network file as read: the rates kept, what was skipped, and the problems found. */
export interface TicRead {
  readonly rates: readonly TicRate[];
  readonly summary: TicReadSummary;
  readonly warnings: readonly TicWarning[];
  readonly publisher: string;
  readonly lastUpdatedOn: string | null;
  readonly version: string | null;
}

/** Top-level fields that say the file is another kind of file, and which. */
const FOREIGN_TOP_KEYS: Readonly<Record<string, ForeignFileKind>> = {
  out_of_network: "allowedAmounts",
  reporting_structure: "tableOfContents",
  hospital_name: "hospitalMrf",
  standard_charge_information: "hospitalMrf",
};

/** The top-level text fields the rates' payer and plan come from. */
const HEADER_FIELDS = ["reporting_entity_name", "issuer_name", "plan_name", "last_updated_on", "version"] as const;
type HeaderField = (typeof HEADER_FIELDS)[number];

/** The state of one reading, filled by the parser's callbacks. */
class Reading {
  readonly sink = new IssueSink();
  readonly skipped = Object.fromEntries(TIC_SKIP_REASONS.map((r) => [r, 0])) as Record<TicSkipReason, number>;
  readonly references = new Map<number, ProviderReference>();
  readonly pending: PendingRate[] = [];
  /** Ids the kept rates cite: once in_network is read, only these references are kept. */
  readonly citedIds = new Set<number>();
  readonly topKeys: string[] = [];
  readonly header: Partial<Record<HeaderField, string>> = {};
  reportingPlans: unknown = undefined;
  refusal: TicRefusal | null = null;
  syntaxError = false;
  inNetworkSeen = false;
  /** True when provider_references came (whole) before in_network: each kept rate can be checked at once. */
  referencesFirst = false;
  bytesRead = 0;
  itemsRead = 0;
  itemsKept = 0;
  remoteReferences = 0;
  firstRemoteLocation = "";

  constructor(readonly filter: MarketRateFilter) {}

  countSkip = (reason: TicSkipReason, count = 1): void => {
    this.skipped[reason] += count;
  };

  onItem(raw: unknown, index: number): void {
    this.itemsRead += 1;
    const outcome = readItem(raw, `in_network[${index}]`, this.filter, this.sink, this.countSkip);
    if (!outcome.kept) {
      this.countSkip(outcome.reason);
      return;
    }
    this.itemsKept += 1;
    for (const rate of outcome.rates) {
      if (this.paysNoWantedGroup(rate)) continue;
      this.pending.push(rate);
      if (rate.providers.kind === "references") for (const id of rate.providers.ids) this.citedIds.add(id);
    }
  }

  /**
   * Whether a rate cites only references already read whose groups the provider filter all dropped: such a rate is
   * let go at once, so that a provider-filtered read holds only its providers' prices (references first).
   */
  private paysNoWantedGroup(rate: PendingRate): boolean {
    if (!this.referencesFirst || this.filter.providerIds === undefined || rate.providers.kind !== "references")
      return false;
    return rate.providers.ids.every((id) => {
      const reference = this.references.get(id);
      return reference !== undefined && reference.kind === "groups" && reference.groups.length === 0;
    });
  }

  onReference(raw: unknown, index: number): void {
    const read = readProviderReference(raw, `provider_references[${index}]`, this.sink);
    if (read === null) return;
    const { id, reference } = read;
    if (reference.kind === "remote") {
      this.remoteReferences += 1;
      if (this.firstRemoteLocation === "") this.firstRemoteLocation = reference.location;
    }
    if (this.inNetworkSeen && !this.citedIds.has(id)) return;
    if (reference.kind === "remote") {
      this.references.set(id, reference);
      return;
    }
    const groups = reference.groups.filter((group) => groupWanted(group, this.filter));
    this.countSkip("providerNotRequested", reference.groups.length - groups.length);
    this.references.set(id, { kind: "groups", groups });
  }
}

function topKeyOf(key: unknown, stack: readonly { key?: unknown }[]): unknown {
  return stack.length === 1 ? key : stack[1]?.key;
}

/** Wires tokenizer -> router -> token parser for one reading. */
function makeParser(reading: Reading, codes: ReadonlySet<string> | undefined) {
  const tokenizer = new Tokenizer();
  const parser = new TokenParser({
    paths: ["$.in_network.*", "$.provider_references.*", "$.reporting_plans"],
    keepStack: false,
  });
  const dropItem = (field: "billing_code" | "negotiation_arrangement", value: unknown) =>
    field === "negotiation_arrangement" ? skippedArrangement(value) !== null : codeNotRequested(value, codes);
  const router = new TokenRouter(parser.write.bind(parser), {
    onTopKey: (key) => {
      reading.topKeys.push(key);
      if (key === "in_network") {
        reading.inNetworkSeen = true;
        reading.referencesFirst = reading.topKeys.includes("provider_references");
      }
      const foreign = lookUp(FOREIGN_TOP_KEYS, key);
      if (foreign !== undefined && reading.refusal === null)
        reading.refusal = { code: "notInNetworkFile", kind: foreign, topKeys: [...reading.topKeys] };
    },
    onTopValue: (key, value) => {
      if ((HEADER_FIELDS as readonly string[]).includes(key) && typeof value === "string")
        reading.header[key as HeaderField] = value.trim();
    },
    dropItem,
  });
  tokenizer.onToken = router.write.bind(router);
  parser.onValue = ({ value, key, stack }) => {
    const top = topKeyOf(key, stack);
    if (top === "in_network") reading.onItem(value, key as number);
    else if (top === "provider_references") reading.onReference(value, key as number);
    else if (top === "reporting_plans") reading.reportingPlans = value;
  };
  parser.onError = (error) => tokenizer.error(error);
  tokenizer.onError = () => {
    reading.syntaxError = true;
  };
  tokenizer.onEnd = () => {
    if (!parser.isEnded) parser.end();
  };
  parser.onEnd = () => {
    if (!tokenizer.isEnded) tokenizer.end();
  };
  // Without a code filter nearly every item is kept, so skipping would only add a pass over the bytes.
  const skipper = codes === undefined ? null : new ItemSkipper(dropItem, tokenizer.write.bind(tokenizer));
  return { tokenizer, parser, router, skipper };
}

/** The payer and plan of each rate: from reporting_plans when the file covers several plans, else the header. */
function plansOf(reading: Reading): TicPlans {
  const publisher = reading.header.reporting_entity_name ?? "";
  if (publisher === "") reading.sink.missing("", "reporting_entity_name");
  const listed = Array.isArray(reading.reportingPlans) ? reading.reportingPlans.filter(isRecord) : [];
  const plans = listed
    .filter((plan) => typeof plan.plan_name === "string")
    .map((plan) => ({
      payer: typeof plan.issuer_name === "string" ? plan.issuer_name.trim() : publisher,
      plan: String(plan.plan_name).trim(),
    }));
  if (plans.length > 0) return { publisher, plans };
  const plan = reading.header.plan_name;
  if (plan === undefined) reading.sink.add({ code: "noPlanNamed", publisher });
  return { publisher, plans: [{ payer: reading.header.issuer_name ?? publisher, plan: plan ?? "" }] };
}

/** Checks the start of the document: a JSON object, or a refusal saying what the file is instead. */
function checkStart(chunk: Uint8Array, at: number): TicRefusal | null {
  if (chunk[at] === 0x7b) return null;
  const start = new TextDecoder().decode(chunk.subarray(at, at + 80));
  if (start.startsWith("[")) return { code: "notInNetworkFile", kind: "otherJson", topKeys: [] };
  return { code: "notJson", kind: classifyNotJson(start), start: start.slice(0, 40) };
}

/**
 * Reads a TiC in-network file, keeping the rates the filter wants. Never throws for a bad file: a file that is not
 * an in-network file, is not valid JSON, is cut short, cannot be read or is cancelled is a refusal with no rates.
 * @example
 * const read = await readTicInNetwork(file, { codes: new Set(["27447"]) }, { signal, onProgress });
 * if (read.ok) read.value.rates[0].rate // Decimal 123.45
 */
export async function readTicInNetwork(
  source: TicSource | string,
  filter: MarketRateFilter = {},
  options: TicReadOptions = {},
): Promise<Result<TicRead, TicRefusal>> {
  const codes = filter.codes === undefined ? undefined : new Set([...filter.codes].map(normalCode));
  const providerIds =
    filter.providerIds === undefined ? undefined : new Set([...filter.providerIds].map(providerIdDigits));
  const normalFilter: MarketRateFilter = { ...filter, codes, providerIds };
  const reading = new Reading(normalFilter);
  const { tokenizer, parser, router, skipper } = makeParser(reading, codes);
  let totalBytes: number | null = null;
  let started = false;
  try {
    const sliceBytes = options.blobSliceBytes ?? DEFAULT_BLOB_SLICE_BYTES;
    // A .json.gz file (as most payers publish them) is read decompressed, its size then unknown (fileSource.ts).
    const gzipped = await isGzipBlob(source);
    const bytes = gzipped ? gunzipSlices(source as ByteBlob, sliceBytes) : source;
    totalBytes = sourceSize(bytes);
    for await (const chunk of byteChunks(bytes, sliceBytes)) {
      if (options.signal?.aborted) return fail({ code: "cancelled", bytesRead: reading.bytesRead });
      if (!started) {
        const at = firstContentIndex(chunk);
        if (at >= 0) {
          started = true;
          const refusal = checkStart(chunk, at);
          if (refusal !== null) return fail(refusal);
        }
      }
      if (skipper === null) tokenizer.write(chunk);
      else skipper.write(chunk);
      reading.bytesRead += chunk.byteLength;
      if (reading.refusal !== null) return fail(reading.refusal);
      if (reading.syntaxError)
        return fail({
          code: "jsonInvalid",
          byteOffset: router.lastOffset + (skipper?.skippedBytes ?? 0),
          at: router.position(),
        });
      options.onProgress?.({
        bytesRead: reading.bytesRead,
        totalBytes,
        itemsRead: reading.itemsRead,
        itemsKept: reading.itemsKept,
      });
    }
  } catch (error) {
    if (error instanceof GunzipFailure) return fail(error.problem);
    return fail({ code: "readFailed", bytesRead: reading.bytesRead, detail: String(error) });
  }
  if (options.signal?.aborted) return fail({ code: "cancelled", bytesRead: reading.bytesRead });
  if (!started) return fail({ code: "fileEmpty" });
  if (!parser.isEnded) tokenizer.end();
  if (reading.syntaxError || !parser.isEnded)
    return fail({
      code: "fileTruncated",
      bytesRead: reading.bytesRead,
      // Inside a skipped item the router saw only its first fields: name the item, not the last field it saw.
      at: router.position(skipper?.skipping === true ? 2 : Infinity),
    });
  if (!reading.inNetworkSeen) return fail({ code: "notInNetworkFile", kind: "otherJson", topKeys: reading.topKeys });
  return ok(finish(reading));
}

function finish(reading: Reading): TicRead {
  const owner = plansOf(reading);
  const { rates, onlyRemoteRates } = resolveRates(reading.pending, owner, {
    references: reading.references,
    filter: reading.filter,
    sink: reading.sink,
    countSkip: reading.countSkip,
  });
  if (reading.remoteReferences > 0)
    reading.sink.add({
      code: "remoteReferences",
      count: reading.remoteReferences,
      firstLocation: reading.firstRemoteLocation,
      ratesSkipped: onlyRemoteRates,
    });
  return {
    rates,
    summary: {
      bytesRead: reading.bytesRead,
      itemsRead: reading.itemsRead,
      itemsKept: reading.itemsKept,
      ratesKept: rates.length,
      remoteReferenceCount: reading.remoteReferences,
      skipped: reading.skipped,
    },
    warnings: reading.sink.warnings(),
    publisher: owner.publisher,
    lastUpdatedOn: reading.header.last_updated_on ?? null,
    version: reading.header.version ?? null,
  };
}
