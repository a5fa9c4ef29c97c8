/**
 * Excel's metadata generated from a declarations file exactly as the build's custom-functions-metadata-plugin does
 * (webpack.config.js), and every way it can disagree with a function registry, one message naming the function.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { excelSignature, type ExcelSignature } from "../../../src/functions/functionDocs";
import type { PayerFunction } from "../../../src/functions/registry";

/** The file the build generates functions.json from. */
export const DECLARATIONS = path.join(__dirname, "../../../src/functions/declarations.ts");

interface GeneratedParameter {
  readonly name: string;
  readonly type?: string;
  readonly dimensionality?: string;
  readonly optional?: boolean;
  readonly description?: string;
}

/** One function of functions.json. */
export interface GeneratedFunction {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly parameters: readonly GeneratedParameter[];
  readonly result?: { readonly type?: string; readonly dimensionality?: string };
}

/** What the plugin makes of a declarations file: its errors, else the functions of functions.json. */
export interface GeneratedMetadata {
  readonly errors: readonly string[];
  readonly functions: readonly GeneratedFunction[];
}

/** Generates the metadata of a declarations file, as the plugin does at build time. */
export async function generateMetadata(source: string): Promise<GeneratedMetadata> {
  const result = await generateCustomFunctionsMetadata(source);
  if (result.errors.length > 0) return { errors: result.errors, functions: [] };
  return { errors: [], functions: (JSON.parse(result.metadataJson) as { functions: GeneratedFunction[] }).functions };
}

/** Generates the metadata of declarations.ts with `extra` appended, from a scratch copy. */
export async function generateMetadataWith(extra: string): Promise<GeneratedMetadata> {
  const folder = mkdtempSync(path.join(tmpdir(), "payer-declarations-"));
  try {
    const copy = path.join(folder, "declarations.ts");
    writeFileSync(copy, `${readFileSync(DECLARATIONS, "utf8")}\n${extra}`);
    return await generateMetadata(copy);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

// The plugin leaves out defaults (scalar, not optional, type any); the signature states them.
function signatureOf(fn: GeneratedFunction): ExcelSignature {
  return {
    id: fn.id,
    name: fn.name,
    result: {
      type: fn.result?.type === "number" ? "number" : "any",
      dimensionality: fn.result?.dimensionality === "matrix" ? "matrix" : "scalar",
    },
    parameters: fn.parameters.map((p) => ({
      name: p.name,
      type: p.type === "string" ? "string" : "any",
      dimensionality: p.dimensionality === "matrix" ? "matrix" : "scalar",
      optional: p.optional === true,
    })),
  };
}

/** A signature in one line: `DENIAL_RATE(outcomes: any matrix, [basis: string scalar]) -> number scalar`. */
function describe(signature: ExcelSignature): string {
  const parameters = signature.parameters.map((p) => {
    const text = `${p.name}: ${p.type} ${p.dimensionality}`;
    return p.optional ? `[${text}]` : text;
  });
  return `${signature.name}(${parameters.join(", ")}) -> ${signature.result.type} ${signature.result.dimensionality}`;
}

/**
 * Every disagreement between a registry and the generated metadata: an entry with no declaration, a declaration
 * with no entry, or a declaration whose name, parameters or result differ from what the entry's argument table
 * reads. Empty when they agree.
 */
export function metadataMismatches(
  functions: readonly PayerFunction[],
  generated: readonly GeneratedFunction[],
): string[] {
  const declared = new Map(generated.map((fn) => [fn.id, fn]));
  const registered = new Set(functions.map((entry) => entry.id));
  const mismatches: string[] = [];
  for (const entry of functions) {
    const fn = declared.get(entry.id);
    if (fn === undefined) {
      mismatches.push(
        `PAYER.${entry.id} is in the registry but declarations.ts declares no function with @customfunction ${entry.id}.`,
      );
      continue;
    }
    const [wanted, found] = [describe(excelSignature(entry)), describe(signatureOf(fn))];
    if (wanted !== found) {
      mismatches.push(`PAYER.${entry.id}: declarations.ts declares ${found} but the registry reads ${wanted}.`);
    }
  }
  for (const fn of generated) {
    if (!registered.has(fn.id)) {
      mismatches.push(`declarations.ts declares @customfunction ${fn.id} but the registry has no entry ${fn.id}.`);
    }
  }
  return mismatches;
}
