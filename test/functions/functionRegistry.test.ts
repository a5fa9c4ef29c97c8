/**
 * A new PAYER function is its module plus one registry entry (and the JSDoc declaration Excel needs, held to the
 * entry): shown with a made-up PAYER.DAYS_IN_AR added to a copy of the registry, whose association, metadata and
 * README row all follow from the entry, and whose missing or mismatched declaration is named.
 */
import "./support/installShim";
import { wholeRangeFunction } from "../../src/functions/adapters";
import { associatePayerFunctions } from "../../src/functions/association";
import type { ArgSpecTable } from "../../src/functions/excelArgs";
import { excelSignature, renderFunctionDocs } from "../../src/functions/functionDocs";
import { PAYER_FUNCTIONS, type PayerFunction } from "../../src/functions/registry";
import {
  DECLARATIONS,
  generateMetadata,
  generateMetadataWith,
  metadataMismatches,
  type GeneratedMetadata,
} from "./support/metadataCheck";

const DAYS_IN_AR_ARGUMENTS = {
  balances: { kind: "column", optional: false, description: "per claim open balance in dollars." },
  basis: { kind: "choice", choices: ["count", "dollars"], defaultChoice: "count", description: "count or dollars." },
} as const satisfies ArgSpecTable;

/** The one entry a new function adds; its module here is a one-line adapter counting the balances. */
const DAYS_IN_AR = {
  id: "DAYS_IN_AR",
  implementation: wholeRangeFunction(DAYS_IN_AR_ARGUMENTS, ({ balances }) => balances.length),
  result: "number",
  summary: "days of revenue waiting in accounts receivable",
} as const satisfies PayerFunction;

const WITH_DAYS_IN_AR = [...PAYER_FUNCTIONS, DAYS_IN_AR] as const;

/** Its declaration for Excel, as declarations.ts would hold it. */
function declaration(parameters: string): string {
  return [
    "/**",
    " * Days of revenue waiting in accounts receivable.",
    " * @customfunction DAYS_IN_AR",
    " * @param balances Per claim open balance in dollars.",
    ' * @param basis "count" (default) or "dollars".',
    " * @returns The days.",
    " */",
    `export declare function daysInAr(${parameters}): number;`,
  ].join("\n");
}

let today: GeneratedMetadata = { errors: [], functions: [] };
let declared: GeneratedMetadata = { errors: [], functions: [] };

beforeAll(async () => {
  today = await generateMetadata(DECLARATIONS);
  declared = await generateMetadataWith(declaration("balances: unknown[][], basis?: string"));
});

describe("adding a PAYER function", () => {
  it("associates the new entry at load, callable as Excel calls it", () => {
    const ids: string[] = [];
    const functions = associatePayerFunctions(WITH_DAYS_IN_AR, (id) => ids.push(id));
    expect(ids).toEqual([...PAYER_FUNCTIONS.map((entry) => entry.id), "DAYS_IN_AR"]);
    expect(functions.DAYS_IN_AR([[120], [80], [40]])).toBe(3);
  });

  it("derives the new entry's Excel metadata from its argument table and result", () => {
    expect(excelSignature(DAYS_IN_AR)).toEqual({
      id: "DAYS_IN_AR",
      name: "DAYS_IN_AR",
      result: { type: "number", dimensionality: "scalar" },
      parameters: [
        { name: "balances", type: "any", dimensionality: "matrix", optional: false },
        { name: "basis", type: "string", dimensionality: "scalar", optional: true },
      ],
    });
  });

  it("lists the new entry in the README's function table", () => {
    expect(renderFunctionDocs(WITH_DAYS_IN_AR)).toContain(
      "| `PAYER.DAYS_IN_AR(balances, [basis])` | days of revenue waiting in accounts receivable |",
    );
  });

  it("agrees with the metadata once declarations.ts declares it", () => {
    expect(declared.errors).toEqual([]);
    expect(metadataMismatches(WITH_DAYS_IN_AR, declared.functions)).toEqual([]);
  });

  it("names a registry entry that has no declaration", () => {
    expect(metadataMismatches(WITH_DAYS_IN_AR, today.functions)).toEqual([
      "PAYER.DAYS_IN_AR is in the registry but declarations.ts declares no function with @customfunction DAYS_IN_AR.",
    ]);
  });

  it("names a declaration that has no registry entry", () => {
    expect(metadataMismatches(PAYER_FUNCTIONS, declared.functions)).toEqual([
      "declarations.ts declares @customfunction DAYS_IN_AR but the registry has no entry DAYS_IN_AR.",
    ]);
  });

  it("names a declaration whose parameters differ from the entry's argument table", async () => {
    const required = await generateMetadataWith(declaration("balances: unknown[][], basis: string"));
    expect(metadataMismatches(WITH_DAYS_IN_AR, required.functions)).toEqual([
      "PAYER.DAYS_IN_AR: declarations.ts declares DAYS_IN_AR(balances: any matrix, basis: string scalar) -> number scalar but the registry reads DAYS_IN_AR(balances: any matrix, [basis: string scalar]) -> number scalar.",
    ]);
  });

  it("refuses a registry with two entries of one id", () => {
    expect(() => associatePayerFunctions([...PAYER_FUNCTIONS, DAYS_IN_AR, DAYS_IN_AR], () => undefined)).toThrow(
      "PAYER.DAYS_IN_AR has two entries in the function registry.",
    );
  });
});
