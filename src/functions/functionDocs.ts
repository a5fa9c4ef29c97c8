/**
 * What the registry says about each PAYER function, derived for Excel and for people: the metadata Excel must have
 * for it (which the metadata test compares with what the plugin generates from declarations.ts) and the README's
 * "Custom functions" table, with the bounds of the numeric arguments.
 */
import { limitRange } from "./argumentIssues";
import type { NumberLimit } from "./argumentLimits";
import type { ArgSpec } from "./excelArgs";
import type { PayerFunction, ResultShape } from "./registry";

/** A parameter as Excel's metadata describes it. */
export interface ExcelParameter {
  readonly name: string;
  readonly type: "any" | "string";
  readonly dimensionality: "scalar" | "matrix";
  readonly optional: boolean;
}

/** A function as Excel's metadata describes it (functions.json), without the help texts. */
export interface ExcelSignature {
  readonly id: string;
  readonly name: string;
  readonly result: { readonly type: "number" | "any"; readonly dimensionality: "scalar" | "matrix" };
  readonly parameters: readonly ExcelParameter[];
}

/** How Excel passes each kind of argument: ranges and tables as matrices, a choice as text, a number as one value. */
const PARAMETER_SHAPES = {
  column: { type: "any", dimensionality: "matrix" },
  cells: { type: "any", dimensionality: "matrix" },
  valueOrTable: { type: "any", dimensionality: "matrix" },
  number: { type: "any", dimensionality: "scalar" },
  choice: { type: "string", dimensionality: "scalar" },
} as const satisfies Record<ArgSpec["kind"], Omit<ExcelParameter, "name" | "optional">>;

/** What Excel receives from each result shape: a number in one cell, or a spill. */
const RESULT_METADATA = {
  number: { type: "number", dimensionality: "scalar" },
  range: { type: "any", dimensionality: "matrix" },
} as const satisfies Record<ResultShape, ExcelSignature["result"]>;

/** The metadata Excel must have for a registry entry: its declaration in declarations.ts must generate exactly this. */
export function excelSignature(entry: PayerFunction): ExcelSignature {
  return {
    id: entry.id,
    name: entry.id,
    result: RESULT_METADATA[entry.result],
    parameters: Object.entries(entry.implementation.argumentTable).map(([name, spec]) => ({
      name,
      ...PARAMETER_SHAPES[spec.kind],
      // A choice left out takes its default.
      optional: spec.kind === "choice" || spec.optional,
    })),
  };
}

/** `PAYER.UPLIFT_SCENARIO(codes, amounts, uplift, [top_n], ...)`: optional arguments in brackets. */
function usage(entry: PayerFunction): string {
  const parameters = excelSignature(entry).parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `PAYER.${entry.id}(${parameters.join(", ")})`;
}

/**
 * The limits of the numeric arguments, each once, with where it applies: "`amounts`, `billed` of `UPLIFT_SCENARIO`",
 * functions with the same bounded arguments listed together.
 */
function boundedArguments(
  functions: readonly PayerFunction[],
): { readonly limit: NumberLimit; readonly where: string }[] {
  const byLimit = new Map<NumberLimit, Map<string, string[]>>();
  for (const entry of functions) {
    const names = new Map<NumberLimit, string[]>();
    for (const [name, spec] of Object.entries(entry.implementation.argumentTable)) {
      const limit = "limit" in spec ? spec.limit : undefined;
      if (limit !== undefined) names.set(limit, [...(names.get(limit) ?? []), `\`${name}\``]);
    }
    for (const [limit, bounded] of names) {
      const ids = byLimit.get(limit) ?? new Map<string, string[]>();
      byLimit.set(limit, ids);
      const key = bounded.join(", ");
      ids.set(key, [...(ids.get(key) ?? []), `\`${entry.id}\``]);
    }
  }
  return [...byLimit].map(([limit, ids]) => ({
    limit,
    where: [...ids].map(([names, of]) => `${names} of ${of.join(", ")}`).join("; "),
  }));
}

/**
 * The README's generated part of "Custom functions": one row per function (its usage and what it answers), then the
 * bounds beyond which a numeric argument is refused.
 */
export function renderFunctionDocs(functions: readonly PayerFunction[]): string {
  const rows = functions.map((entry) => `| \`${usage(entry)}\` | ${entry.summary} |`);
  const bounds = boundedArguments(functions).map(
    ({ limit, where }) => `| ${where} | ${limit.what}: ${limitRange(limit)} |`,
  );
  return [
    "| function | what it answers |",
    "| --- | --- |",
    ...rows,
    "",
    "Cells that cannot be real are refused with `#VALUE!` naming the argument (and the row, in a range), never priced;",
    "a per-line function refuses only that line. They are text holding a control character (such as NUL; tab and line",
    "breaks are fine), numbers that are not finite, and numbers (or numeric text) beyond these bounds:",
    "",
    "| argument | accepted |",
    "| --- | --- |",
    ...bounds,
  ].join("\n");
}
