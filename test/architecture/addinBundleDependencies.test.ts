/**
 * ARCHITECTURE.md sections 7 and 11: exceljs (the playground's .xlsx files) and HyperFormula (the simulator) serve the
 * playground page only; neither may reach the add-in's bundles, which Excel downloads for every user. Checked on the
 * import graph webpack bundles: every module reachable from the add-in's entries, static and dynamic imports alike.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const root = path.resolve(__dirname, "../..");
const PLAYGROUND_ONLY = ["exceljs", "hyperformula"];

/** The add-in's entries as webpack.config.js declares them (every entry but the playground's). */
async function addinEntries(): Promise<string[]> {
  const config = (await (require(path.join(root, "webpack.config.js")) as (env: object, argv: object) => Promise<{ entry: Record<string, string> }>)({}, { mode: "production" })); // prettier-ignore
  return Object.entries(config.entry)
    .filter(([name]) => name !== "playground")
    .map(([, file]) => path.join(root, file));
}

/** The packages (by name) the modules reachable from `entries` import. */
function packagesReachedFrom(entries: readonly string[]): Set<string> {
  const options: ts.CompilerOptions = { moduleResolution: ts.ModuleResolutionKind.Node10, jsx: ts.JsxEmit.ReactJSX };
  const seen = new Set<string>();
  const packages = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const { fileName: specifier } of ts.preProcessFile(readFileSync(file, "utf8"), true, true).importedFiles) {
      if (!specifier.startsWith(".")) {
        packages.add(specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0]!);
        continue;
      }
      const resolved = ts.resolveModuleName(specifier, file, options, ts.sys).resolvedModule?.resolvedFileName;
      if (resolved !== undefined && !resolved.endsWith(".d.ts")) queue.push(resolved);
    }
  }
  return packages;
}

describe("the add-in's bundles", () => {
  it("import neither exceljs nor HyperFormula, directly or through any module they reach", async () => {
    const entries = await addinEntries();
    expect(entries.length).toBeGreaterThanOrEqual(2);
    const reached = packagesReachedFrom(entries);
    expect(reached.has("react")).toBe(true);
    expect(PLAYGROUND_ONLY.filter((name) => reached.has(name))).toEqual([]);
  });
});
