// Regenerates the README's generated sections (`npm run docs`): the PAYER function table from the function
// registry, the workbook settings from their declarations and every table the add-in reads or writes from the
// column dictionary. The tests that hold the README to these (test/functions/functionDocs.test.ts,
// test/excel/workbookTables.test.ts) fail until this has been run after a change to a declaration.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { renderWorkbookSettingsDocs, renderWorkbookTableDocs } from "../src/excel/workbookTables";
import { renderFunctionDocs } from "../src/functions/functionDocs";
import { PAYER_FUNCTIONS } from "../src/functions/registry";

const README = path.resolve(__dirname, "../README.md");

const SECTIONS: Record<string, () => string> = {
  "payer-functions": () => renderFunctionDocs(PAYER_FUNCTIONS),
  "workbook-settings": renderWorkbookSettingsDocs,
  "registry-tables": renderWorkbookTableDocs,
};

let text = readFileSync(README, "utf8");
for (const [marker, render] of Object.entries(SECTIONS)) {
  const section = new RegExp(`(<!-- ${marker}:start[^>]*-->\\n)[\\s\\S]*?(\\n<!-- ${marker}:end -->)`);
  if (!section.test(text))
    throw new Error(`README.md has no <!-- ${marker}:start --> ... <!-- ${marker}:end --> markers`);
  text = text.replace(section, (_all, start: string, end: string) => `${start}${render()}${end}`);
}
writeFileSync(README, text);
console.log(`README.md: regenerated ${Object.keys(SECTIONS).join(", ")}`);
