/** The README documents the registry tables exactly as the add-in reads them: the text is generated from the specs. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { renderRegistryDocs } from "../../../src/excel/registry";
import { renderWorkbookTableDocs } from "../../../src/excel/workbookTables";

const readme = readFileSync(path.resolve(__dirname, "../../../README.md"), "utf8");

describe('README "Workbook tables"', () => {
  it("holds the documentation generated from the table specs, word for word", () => {
    const between = /<!-- registry-tables:start[^>]*-->\n([\s\S]*?)\n<!-- registry-tables:end -->/.exec(readme)?.[1];
    // On failure, regenerate the section from the specs (see src/excel/registry/registryDocs.ts).
    expect(between).toBe(renderWorkbookTableDocs());
  });

  it("documents every registry table name and each column with its allowed values", () => {
    const docs = renderRegistryDocs();
    for (const name of ["PayerContracts", "ContractCarveOuts", "MedicareSchedules"])
      expect(docs).toContain(`### ${name}`);
    expect(docs).toContain("Allowed: Fee Schedule, Percent of Medicare, Percent of Billed.");
  });
});
