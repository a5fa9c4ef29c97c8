/**
 * The contract of the PAYER custom functions as Excel sees it: the metadata the custom-functions plugin generates
 * from functions.ts, pinned here function by function. Changing a JSDoc tag, a parameter name, type, shape or
 * optional flag, or declaring a new function, fails this test until the table below is updated on purpose.
 */
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { associated } from "./support/installShim";
import { DENIAL_RATE_ARGUMENTS } from "../../src/functions/denialRate";
import { UPLIFT_SCENARIO_ARGUMENTS } from "../../src/functions/upliftScenario";
import { EXPECTED_PAYMENT_ARGUMENTS } from "../../src/functions/expectedPayment";
import { PRICING_TRACE_ARGUMENTS } from "../../src/functions/pricingTrace";
import { MEDICARE_RATE_ARGUMENTS } from "../../src/functions/medicareRate";
import "../../src/functions/functions";
import type { ArgSpecTable } from "../../src/functions/excelArgs";

interface PinnedParameter {
  readonly name: string;
  readonly type: string;
  readonly dimensionality: "scalar" | "matrix";
  readonly optional: boolean;
}

interface PinnedFunction {
  readonly name: string;
  readonly resultType: string;
  readonly resultDimensionality: "scalar" | "matrix";
  readonly parameters: readonly PinnedParameter[];
}

/** EXPECTED_PAYMENT and PRICING_TRACE price the same claim line, so they take the same arguments. */
const CLAIM_LINE_PARAMETERS: readonly PinnedParameter[] = [
  { name: "contract", type: "any", dimensionality: "matrix", optional: false },
  { name: "code", type: "any", dimensionality: "matrix", optional: false },
  { name: "modifiers", type: "any", dimensionality: "matrix", optional: true },
  { name: "units", type: "any", dimensionality: "matrix", optional: true },
  { name: "billed", type: "any", dimensionality: "matrix", optional: true },
  { name: "service_date", type: "any", dimensionality: "matrix", optional: true },
  { name: "place_of_service", type: "any", dimensionality: "matrix", optional: true },
];

/** Every function in functions.ts, by id. */
const EXPECTED: Readonly<Record<string, PinnedFunction>> = {
  DENIAL_RATE: {
    name: "DENIAL_RATE",
    resultType: "number",
    resultDimensionality: "scalar",
    parameters: [
      { name: "outcomes", type: "any", dimensionality: "matrix", optional: false },
      { name: "charges", type: "any", dimensionality: "matrix", optional: true },
      { name: "basis", type: "string", dimensionality: "scalar", optional: true },
      { name: "claim_ids", type: "any", dimensionality: "matrix", optional: true },
    ],
  },
  UPLIFT_SCENARIO: {
    name: "UPLIFT_SCENARIO",
    resultType: "any",
    resultDimensionality: "matrix",
    parameters: [
      { name: "codes", type: "any", dimensionality: "matrix", optional: false },
      { name: "amounts", type: "any", dimensionality: "matrix", optional: false },
      { name: "uplift", type: "any", dimensionality: "matrix", optional: false },
      { name: "top_n", type: "any", dimensionality: "scalar", optional: true },
      { name: "rank_by", type: "string", dimensionality: "scalar", optional: true },
      { name: "volumes", type: "any", dimensionality: "matrix", optional: true },
      { name: "billed", type: "any", dimensionality: "matrix", optional: true },
      { name: "result", type: "string", dimensionality: "scalar", optional: true },
    ],
  },
  EXPECTED_PAYMENT: {
    name: "EXPECTED_PAYMENT",
    resultType: "any",
    resultDimensionality: "matrix",
    parameters: CLAIM_LINE_PARAMETERS,
  },
  PRICING_TRACE: {
    name: "PRICING_TRACE",
    resultType: "any",
    resultDimensionality: "matrix",
    parameters: CLAIM_LINE_PARAMETERS,
  },
  MEDICARE_RATE: {
    name: "MEDICARE_RATE",
    resultType: "any",
    resultDimensionality: "matrix",
    parameters: [
      { name: "code", type: "any", dimensionality: "matrix", optional: false },
      { name: "locality", type: "any", dimensionality: "matrix", optional: false },
      { name: "modifiers", type: "any", dimensionality: "matrix", optional: true },
      { name: "place_of_service", type: "any", dimensionality: "matrix", optional: true },
      { name: "service_date", type: "any", dimensionality: "matrix", optional: true },
    ],
  },
};

/** Each function's declared argument table (src/functions/<name>.ts), which its adapter reads arguments by. */
const ARGUMENT_TABLES: Readonly<Record<string, ArgSpecTable>> = {
  DENIAL_RATE: DENIAL_RATE_ARGUMENTS,
  UPLIFT_SCENARIO: UPLIFT_SCENARIO_ARGUMENTS,
  EXPECTED_PAYMENT: EXPECTED_PAYMENT_ARGUMENTS,
  PRICING_TRACE: PRICING_TRACE_ARGUMENTS,
  MEDICARE_RATE: MEDICARE_RATE_ARGUMENTS,
};

interface GeneratedParameter {
  name: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  description?: string;
}
interface GeneratedFunction {
  id: string;
  name: string;
  description?: string;
  parameters: GeneratedParameter[];
  result?: { type?: string; dimensionality?: string };
}

let generated: GeneratedFunction[] = [];
let associations: { id: string; functionName: string }[] = [];

beforeAll(async () => {
  const source = path.join(__dirname, "../../src/functions/functions.ts");
  const result = await generateCustomFunctionsMetadata(source);
  expect(result.errors).toEqual([]);
  generated = (JSON.parse(result.metadataJson) as { functions: GeneratedFunction[] }).functions;
  associations = result.associate;
});

// The plugin leaves out defaults (scalar, not optional, result type any); the pinned table states them.
function pinned(fn: GeneratedFunction): PinnedFunction {
  return {
    name: fn.name,
    resultType: fn.result?.type ?? "any",
    resultDimensionality: fn.result?.dimensionality === "matrix" ? "matrix" : "scalar",
    parameters: fn.parameters.map((p) => ({
      name: p.name,
      type: p.type ?? "any",
      dimensionality: p.dimensionality === "matrix" ? "matrix" : "scalar",
      optional: p.optional === true,
    })),
  };
}

describe("custom functions metadata contract", () => {
  it("declares exactly the pinned functions, no more and no fewer", () => {
    expect(generated.map((fn) => fn.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it("matches the pinned name, result and parameters of every generated function", () => {
    for (const fn of generated) {
      expect({ id: fn.id, ...pinned(fn) }).toEqual({ id: fn.id, ...EXPECTED[fn.id] });
    }
  });

  it("gives every function and every parameter help text", () => {
    for (const fn of generated) {
      expect({ id: fn.id, description: (fn.description ?? "").length > 20 }).toEqual({ id: fn.id, description: true });
      for (const p of fn.parameters) {
        expect({ id: fn.id, parameter: p.name, described: (p.description ?? "") !== "" }).toEqual({
          id: fn.id,
          parameter: p.name,
          described: true,
        });
      }
    }
  });

  it("agrees with each function's declared argument table: names, order, optional flags and shapes", () => {
    for (const fn of generated) {
      const table = ARGUMENT_TABLES[fn.id];
      expect({ id: fn.id, hasTable: table !== undefined }).toEqual({ id: fn.id, hasTable: true });
      const declared = Object.entries(table ?? {}).map(([name, spec]) => ({
        name,
        // Ranges and tables arrive as matrices; choices and single numbers as one value.
        dimensionality:
          spec.kind === "column" || spec.kind === "cells" || spec.kind === "valueOrTable" ? "matrix" : "scalar",
        optional: spec.kind === "choice" || spec.optional,
      }));
      expect(
        pinned(fn).parameters.map(({ name, dimensionality, optional }) => ({ name, dimensionality, optional })),
      ).toEqual(declared);
    }
  });

  it("associates every generated id at load, and nothing else", () => {
    expect(associations.map((a) => a.id).sort()).toEqual(generated.map((fn) => fn.id).sort());
    expect([...associated.keys()].sort()).toEqual(generated.map((fn) => fn.id).sort());
  });
});
