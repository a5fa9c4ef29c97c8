/**
 * ARCHITECTURE.md section 2: the engine and the parsers run anywhere (a script, a server job, the command-line
 * tool), so they may not reach for the Office host or the browser. Lint refuses those globals there, and
 * `npm run typecheck` checks both folders again without the DOM and Office types (tsconfig.layers.json).
 */
import { execFileSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "../..");

/**
 * The project's ESLint over snippets as if they were the given files, in a child process (ESLint loads its flat
 * config with a dynamic import, which jest's module sandbox does not run). One process for all the snippets.
 */
function lintAll(snippets: readonly (readonly [file: string, code: string])[]): string[][] {
  const script = `
    const { ESLint } = require("eslint");
    const path = require("node:path");
    const snippets = JSON.parse(process.argv[1]);
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const [file, code] of snippets) {
        const [result] = await eslint.lintText(code, { filePath: path.join(process.cwd(), file) });
        out.push(result.messages.map((m) => m.ruleId + ": " + m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  return JSON.parse(
    execFileSync(process.execPath, ["-e", script, JSON.stringify(snippets)], { cwd: root, encoding: "utf8" }),
  );
}

const cases = [
  ["Excel.run pasted into the engine", "src/engine/money.ts", "export const f = () => Excel.run(async () => 1);\n"],
  ["Office.context in a parser", "src/formats/cmsPfs/gpci.ts", "export const f = () => Office.context;\n"],
  ["CustomFunctions in the engine", "src/engine/issues.ts", "export const f = () => CustomFunctions.Error;\n"],
  ["the DOM's document in the engine", "src/engine/trace.ts", "export const f = () => document.title;\n"],
  ["window in a parser", "src/formats/remit835/values.ts", "export const f = () => window.name;\n"],
] as const;
const allowed = ["src/excel/core/excelGateway.ts", "export const f = () => Excel.run(async () => 1);\n"] as const;
const layering = [
  "src/engine/money.ts",
  'import { hostExcel } from "../excel/core/excelGateway";\nexport const f = hostExcel;\n',
] as const;
const deepEngineImport = [
  "src/excel/core/tableWriter.ts",
  'import { toCents } from "../../engine/money";\nexport const f = toCents;\n',
] as const;
const engineEntry = [
  "src/excel/core/tableWriter.ts",
  'import { toCents } from "../../engine";\nexport const f = toCents;\n',
] as const;
/** The command-line tool runs without Office: the registry's pure specs yes, an Office-bound module of src/excel no. */
const cliImports = [
  ["src/cli/workbookFile.ts", 'import { buildRegistry } from "../excel/registry";\nexport const f = buildRegistry;\n'],
  ["src/cli/workbookFile.ts", 'import { hostExcel } from "../excel/core/excelGateway";\nexport const f = hostExcel;\n'],
] as const;
let results: string[][] = [];
beforeAll(() => {
  results = lintAll([
    ...cases.map(([, file, code]) => [file, code] as const),
    allowed,
    layering,
    deepEngineImport,
    engineEntry,
    ...cliImports,
  ]);
});
const lintAs = (index: number) => results[index] ?? [];

describe("layers are enforced for globals too", () => {
  it.each(cases.map(([what], index) => [what, index] as const))("lint refuses %s", (_what, index) => {
    expect(lintAs(index).some((m) => m.startsWith("no-restricted-globals:"))).toBe(true);
  });

  it("lint lets the Excel layer use Excel", () => {
    expect(lintAs(cases.length).filter((m) => m.startsWith("no-restricted-globals:"))).toEqual([]);
  });

  it("lint refuses an import of the Excel layer from the engine", () => {
    expect(lintAs(cases.length + 1).some((m) => m.startsWith("no-restricted-imports:"))).toBe(true);
  });

  it("lint refuses a deep import of the engine from outside it, and accepts its entry point", () => {
    expect(lintAs(cases.length + 2).some((m) => m.includes("src/engine/index.ts"))).toBe(true);
    expect(lintAs(cases.length + 3).filter((m) => m.startsWith("no-restricted-imports:"))).toEqual([]);
  });

  it("lint lets the command-line tool read the registry's table specs, and refuses it the Office-bound Excel layer", () => {
    expect(lintAs(cases.length + 4).filter((m) => m.startsWith("no-restricted-imports:"))).toEqual([]);
    expect(lintAs(cases.length + 5).some((m) => m.startsWith("no-restricted-imports:"))).toBe(true);
  });
});
