/**
 * Issue 10: "every writer goes through [the operation runner] (no writer calls `sync` on its own)". A function that
 * sends requests itself (`context.sync()`) may only read; writes are queued in the runner's staging requests
 * (`op.write`, `op.addStagingSheets`) or in its commit steps, which the runner sends. Checked on the source: in every
 * function of the Excel layer, the task pane and the custom functions that calls `sync`, no statement of its own
 * (nested functions are checked on their own) sets a range, sheet or table property or adds, deletes, copies or
 * clears anything in the workbook.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const root = path.resolve(__dirname, "../..");
/** The runner itself sends the commit. */
const RUNNER = "src/excel/core/operation/runOperation.ts";

const SET_PROPERTIES = new Set([
  "values",
  "formulas",
  "formulasR1C1",
  "numberFormat",
  "name",
  "visibility",
  "position",
]);
const WRITE_METHODS = new Set(["delete", "copyFrom", "clear", "clearAll", "insert", "resize", "activate"]);
/** `.add(...)` on these collections creates something in the workbook (a Set's add does not). */
const COLLECTIONS = /(worksheets|tables|settings|columns|rows|conditionalFormats|charts|names)$/;

/** The writes and syncs a function does itself, not counting the functions nested in it. */
function ownCalls(body: ts.Node): { syncs: number; writes: string[] } {
  let syncs = 0;
  const writes: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node)) return;
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      const receiver = node.expression.expression.getText();
      if (method === "sync") syncs++;
      else if (WRITE_METHODS.has(method) || (method === "add" && COLLECTIONS.test(receiver)))
        writes.push(node.expression.getText());
    }
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      SET_PROPERTIES.has(node.left.name.text)
    )
      writes.push(node.left.getText());
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(body, visit);
  return { syncs, writes };
}

/** "file:line: what" for every function of `source` that both syncs and writes. */
function violations(file: string, source: string): string[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && "body" in node && node.body !== undefined) {
      const { syncs, writes } = ownCalls(node.body as ts.Node);
      // Only bringing a sheet into view (the Done message's "Go to sheet") is navigation: it changes which tab shows,
      // nothing the user could lose, so it needs no staging. Anything written beside it is a write.
      const navigationOnly = writes.every((write) => write.endsWith(".activate"));
      if (syncs > 0 && writes.length > 0 && !navigationOnly) {
        const line = sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.push(`${file}:${line}: syncs and writes (${[...new Set(writes)].join(", ")})`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(root, folder)).flatMap((name) => {
    const relative = `${folder}/${name}`;
    if (statSync(path.join(root, relative)).isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(name) ? [relative] : [];
  });
}

describe("writes go through the operation runner", () => {
  it("no function of the Excel layer, the task pane or the functions both writes and sends its own requests", () => {
    const files = ["src/excel", "src/taskpane", "src/functions"].flatMap(sourceFiles).filter((f) => f !== RUNNER);
    expect(files.flatMap((file) => violations(file, readFileSync(path.join(root, file), "utf8")))).toEqual([]);
  });

  it("lets a function that only brings a sheet into view sync on its own, but not one that also writes", () => {
    const navigate = (extra: string) => `
      export async function show(excel) {
        await excel.run(async (context) => {
          const sheet = context.workbook.worksheets.getItem("Summary");
          ${extra}
          sheet.activate();
          await context.sync();
        });
      }`;
    expect(violations("src/excel/show.ts", navigate(""))).toEqual([]);
    expect(violations("src/excel/show.ts", navigate('sheet.getRange("A1").values = [["x"]];'))).toEqual([
      'src/excel/show.ts:3: syncs and writes (sheet.getRange("A1").values, sheet.activate)',
    ]);
  });

  it("would catch a writer that syncs on its own", () => {
    const writer = `
      export async function writeNote(excel) {
        await excel.run(async (context) => {
          context.workbook.worksheets.getItem("Notes").getRange("A1").values = [["x"]];
          await context.sync();
        });
      }`;
    expect(violations("src/excel/notes.ts", writer)).toEqual([
      'src/excel/notes.ts:3: syncs and writes (context.workbook.worksheets.getItem("Notes").getRange("A1").values)',
    ]);
  });

  it("lets a reader sync and a staging callback write", () => {
    const operation = `
      async function build(op) {
        const names = await op.excel.run(async (context) => {
          const sheets = context.workbook.worksheets.load("items/name");
          await context.sync();
          return sheets.items.map((s) => s.name);
        });
        await op.write((context) => { context.workbook.worksheets.getItem("~pc 1").getRange("A1").values = [names]; });
      }`;
    expect(violations("src/excel/build.ts", operation)).toEqual([]);
  });
});
