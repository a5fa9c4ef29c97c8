/** The README documents the registry tables exactly as the add-in reads them: the text is generated from the specs. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { isSwitchColumn } from "../../../src/excel/contracts/registryForm";
import { renderRegistryDocs } from "../../../src/excel/registry";
import { PAYER_CONTRACTS_SPEC } from "../../../src/excel/registry/registryTables";
import { renderWorkbookTableDocs } from "../../../src/excel/workbookTables";

const readme = readFileSync(path.resolve(__dirname, "../../../README.md"), "utf8");

describe('README "Workbook tables"', () => {
  it("holds the documentation generated from the table specs, word for word", () => {
    const between = /<!-- registry-tables:start[^>]*-->\n([\s\S]*?)\n<!-- registry-tables:end -->/.exec(readme)?.[1];
    // On failure, run `npm run docs` (scripts/readme-docs.ts) to regenerate it.
    expect(between).toBe(renderWorkbookTableDocs());
  });

  it("documents every registry table name and each column with its allowed values", () => {
    const docs = renderRegistryDocs();
    for (const name of ["PayerContracts", "ContractCarveOuts", "MedicareSchedules"])
      expect(docs).toContain(`### ${name}`);
    expect(docs).toContain(
      "Allowed: Fee Schedule, Percent of Medicare, Percent of Billed, None (hospital terms only).",
    );
  });

  it("says a blank TRUE/FALSE cell is FALSE in the README, not in the hint the task pane shows beside a switch", () => {
    const switches = Object.values(PAYER_CONTRACTS_SPEC.columns).filter(isSwitchColumn);
    expect(switches.map((spec) => spec.header)).toEqual(["Lesser Of", "Auto Renew"]);
    for (const spec of switches) {
      expect(spec.description).not.toMatch(/blank/i);
      expect(renderRegistryDocs()).toContain(`| ${spec.description} Blank = FALSE. |`);
    }
  });
});
