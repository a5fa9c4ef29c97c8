/** The README documents the PAYER functions exactly as the registry declares them: the table is generated from it. */
import { readFileSync } from "node:fs";
import path from "node:path";
import "./support/installShim";
import { renderFunctionDocs } from "../../src/functions/functionDocs";
import { PAYER_FUNCTIONS } from "../../src/functions/registry";

const readme = readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");

describe('README "Custom functions"', () => {
  it("holds the function table generated from the registry, word for word", () => {
    const between = /<!-- payer-functions:start[^>]*-->\n([\s\S]*?)\n<!-- payer-functions:end -->/.exec(readme)?.[1];
    // On failure, run `npm run docs` (scripts/readme-docs.ts) to regenerate it.
    expect(between).toBe(renderFunctionDocs(PAYER_FUNCTIONS));
  });

  it("lists each function's usage with optional arguments in brackets", () => {
    expect(renderFunctionDocs(PAYER_FUNCTIONS)).toContain(
      "| `PAYER.DENIAL_RATE(outcomes, [charges], [basis], [claim_ids])` | denied share of lines or claims, by count or dollars |",
    );
  });

  it("states the bounds of each numeric argument and the functions they apply to", () => {
    expect(renderFunctionDocs(PAYER_FUNCTIONS)).toContain(
      "| `units` of `EXPECTED_PAYMENT`, `PRICING_TRACE`, `OUTPATIENT_PAYMENT` | units of service on one claim line: at most 100,000 |",
    );
  });
});
