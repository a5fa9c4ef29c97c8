/**
 * The contract of the PAYER custom functions as Excel sees it: the metadata the custom-functions plugin generates from
 * declarations.ts must declare exactly the registry's functions, each with the parameters (names, order, types,
 * shapes, optional flags) its argument table reads and the result its entry gives. Changing a JSDoc tag, a parameter
 * or an argument table on one side only fails here, naming the function.
 */
import { associated } from "./support/installShim";
import "../../src/functions/functions";
import { PAYER_FUNCTIONS } from "../../src/functions/registry";
import { DECLARATIONS, generateMetadata, metadataMismatches, type GeneratedMetadata } from "./support/metadataCheck";

let generated: GeneratedMetadata = { errors: [], functions: [] };

beforeAll(async () => {
  generated = await generateMetadata(DECLARATIONS);
});

describe("custom functions metadata contract", () => {
  it("is generated from declarations.ts without errors", () => {
    expect(generated.errors).toEqual([]);
    expect(generated.functions.length).toBeGreaterThan(0);
  });

  it("declares exactly the registry's functions, each with the parameters and result its entry reads", () => {
    expect(metadataMismatches(PAYER_FUNCTIONS, generated.functions)).toEqual([]);
  });

  it("gives every function and every parameter help text", () => {
    for (const fn of generated.functions) {
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

  it("associates every declared function at load, and nothing else", () => {
    expect([...associated.keys()].sort()).toEqual(generated.functions.map((fn) => fn.id).sort());
  });
});
