/**
 * Hospital MRF JSON (v2 and v3, DOMAIN.md 5.1), streamed with @streamparser/json: the parser hands over one
 * standard_charge_information item at a time and forgets it (keepStack: false), so memory holds one item, never
 * the file. Values are checked by hand rather than against the JSON schema, so that a bad charge is skipped with
 * its path instead of refusing a file of a million good ones.
 */
import { JSONParser } from "@streamparser/json";
import { fail, ok } from "../../../engine";
import type { MarketRateFilter } from "../marketRate";
import { RateCollector, type ChargeField } from "./collector";
import type { HospitalMrfFileIssue, MrfPosition } from "./issues";
import { finishRead, generationOf, type HospitalMrfResult } from "./result";
import type { ReadPacer, TextChunk } from "./textChunks";

/** The parts of the file the reader asks the parser for; everything else is skipped as it streams by. */
const PATHS = [
  "$.hospital_name",
  "$.version",
  "$.location_name",
  "$.hospital_location",
  "$.standard_charge_information.*",
  "$.modifier_information.*",
];

type Json = unknown;

function field(value: Json, name: string): Json {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, Json>)[name]
    : undefined;
}

function textOf(value: Json): string {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
}

function listOf(value: Json): readonly Json[] {
  return Array.isArray(value) ? value : [];
}

/** A number field as the collector takes it: numbers and text pass (text is checked there), nothing else does. */
function numberField(value: Json): string | number | undefined {
  if (typeof value === "number" || typeof value === "string") return value;
  return value === undefined || value === null ? undefined : JSON.stringify(value);
}

const PAYER_FIELD_KEYS = {
  dollar: "standard_charge_dollar",
  percentage: "standard_charge_percentage",
  methodology: "methodology",
  payer: "payer_name",
} as const;

/** Reads one standard_charge_information item: each payer of each of its standard charges is one charge. */
function readItem(collector: RateCollector, item: Json, index: number): void {
  collector.rowsRead++;
  const base = `standard_charge_information[${index}]`;
  const charges = listOf(field(item, "standard_charges"));
  const payerCount = charges.reduce<number>(
    (sum, charge) => sum + listOf(field(charge, "payers_information")).length,
    0,
  );
  const codeWhere = (): MrfPosition => ({ path: `${base}.code_information` });
  const pairs = listOf(field(item, "code_information")).map(
    (info) => [textOf(field(info, "code")), textOf(field(info, "type"))] as const,
  );
  const codes = collector.selectCodes(pairs, false, codeWhere);
  if (typeof codes === "string") return collector.skip(codes, payerCount);
  charges.forEach((charge, chargeIndex) => {
    const chargePath = `${base}.standard_charges[${chargeIndex}]`;
    const modifiers = listOf(field(charge, "modifier_code"))
      .map(textOf)
      .map((code) => code.trim())
      .filter((code) => code !== "");
    const billingClass = field(charge, "billing_class");
    listOf(field(charge, "payers_information")).forEach((payer, payerIndex) => {
      const payerPath = `${chargePath}.payers_information[${payerIndex}]`;
      const where = (name: ChargeField): MrfPosition => {
        const path = {
          code: `${base}.code_information`,
          setting: `${chargePath}.setting`,
          billingClass: `${chargePath}.billing_class`,
          dollar: `${payerPath}.${PAYER_FIELD_KEYS.dollar}`,
          percentage: `${payerPath}.${PAYER_FIELD_KEYS.percentage}`,
          methodology: `${payerPath}.${PAYER_FIELD_KEYS.methodology}`,
          payer: `${payerPath}.${PAYER_FIELD_KEYS.payer}`,
        } satisfies Record<ChargeField, string>;
        return { path: path[name] };
      };
      collector.addCharge(
        codes,
        {
          payer: textOf(field(payer, "payer_name")),
          plan: textOf(field(payer, "plan_name")),
          setting: textOf(field(charge, "setting")),
          billingClass: billingClass === undefined ? undefined : textOf(billingClass),
          modifiers,
          dollar: numberField(field(payer, PAYER_FIELD_KEYS.dollar)),
          percentage: numberField(field(payer, PAYER_FIELD_KEYS.percentage)),
          algorithm: textOf(field(payer, "standard_charge_algorithm")),
          methodology: textOf(field(payer, PAYER_FIELD_KEYS.methodology)),
        },
        payerPath,
        where,
      );
    });
  });
}

/** What the top level of the file says, gathered as its keys stream by. */
interface JsonTop {
  hospital: string | null;
  version: string | null;
  locations: string[];
  items: number;
  stop: HospitalMrfFileIssue | null;
}

/**
 * Reads a hospital JSON file from its text chunks. A truncated file is refused with no rate (a cut file is not a
 * shorter list of rates), as is one whose version is neither 2.x nor 3.x.
 */
export async function readHospitalMrfJson(
  chunks: AsyncIterable<TextChunk>,
  pacer: ReadPacer,
  filter: MarketRateFilter,
): Promise<HospitalMrfResult> {
  const collector = new RateCollector(filter);
  const top: JsonTop = { hospital: null, version: null, locations: [], items: 0, stop: null };
  const parser = new JSONParser({ paths: PATHS, keepStack: false });
  let parseError: Error | null = null;
  parser.onError = (error) => {
    parseError ??= error;
  };
  parser.onValue = ({ value, key, stack }) => {
    if (top.stop !== null) return;
    if (stack.length === 1) readTopValue(top, String(key), value);
    else if (stack[1]?.key === "standard_charge_information") readItem(collector, value, top.items++);
    else collector.skipModifierAdjustment(listOf(field(value, "modifier_payer_information")).length);
  };
  for await (const chunk of chunks) {
    try {
      parser.write(chunk.text);
    } catch (error) {
      parseError ??= error as Error;
    }
    if (top.stop !== null) return fail(top.stop);
    if (parseError !== null) return fail(syntaxIssue(parseError, top.items));
    if (await pacer.afterChunk(chunk, collector.rowsRead))
      return fail({ code: "cancelled", rowsRead: collector.rowsRead });
  }
  if (!parser.isEnded) {
    try {
      parser.end();
    } catch (error) {
      parseError ??= error as Error;
    }
    if (parseError !== null) return fail({ code: "jsonCut", itemsRead: top.items });
  }
  if (top.hospital === null && top.items === 0) return fail({ code: "notHospitalMrf", looksLike: "json", start: "{" });
  if (top.hospital === null) return fail({ code: "generalDataMissing", column: "hospital_name" });
  if (top.version === null) return fail({ code: "generalDataMissing", column: "version" });
  const generation = generationOf(top.version)!;
  return ok(
    finishRead(
      collector,
      { layout: "json", generation, version: top.version },
      { hospital: top.hospital, locations: top.locations },
    ),
  );
}

function readTopValue(top: JsonTop, key: string, value: Json): void {
  const keyReaders = {
    hospital_name: () => {
      top.hospital = textOf(value).trim();
    },
    version: () => {
      top.version = textOf(value).trim();
      if (generationOf(top.version) === null)
        top.stop = { code: "versionUnknown", value: top.version, at: { path: "version" } };
    },
    location_name: () => {
      top.locations = listOf(value)
        .map(textOf)
        .filter((name) => name.trim() !== "");
    },
    hospital_location: () => {
      if (top.locations.length === 0)
        top.locations = listOf(value)
          .map(textOf)
          .filter((name) => name.trim() !== "");
    },
  } satisfies Record<string, () => void>;
  if (Object.hasOwn(keyReaders, key)) keyReaders[key as keyof typeof keyReaders]();
}

function syntaxIssue(error: Error, itemsRead: number): HospitalMrfFileIssue {
  return { code: "jsonSyntax", detail: error.message, itemsRead };
}
