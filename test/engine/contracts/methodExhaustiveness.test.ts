/**
 * Issue 11, "done when": a contract method kind added to the engine's types without being handled everywhere is a
 * compile error that names every place to handle it. The TypeScript compiler API checks the engine's own files (as
 * `tsconfig.layers.json` does) with a fake kind `{ kind: "percent of medicaid" }` added to `ContractMethod`,
 * `CarveOutMethod` and `DefaultRule` in memory. Nothing is written to disk.
 */
import path from "node:path";
import ts from "typescript";

const root = path.resolve(__dirname, "../../..");
const engine = path.join(root, "src", "engine");
const typesFile = path.join(engine, "contracts", "types.ts");

/** The engine's files and compiler options, as the DOM-free typecheck reads them. */
function engineProgramInput(): { readonly rootNames: string[]; readonly options: ts.CompilerOptions } {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path.join(root, "tsconfig.layers.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
      },
    },
  );
  if (parsed === undefined) throw new Error("tsconfig.layers.json did not parse");
  const inEngine = (file: string) => path.resolve(file).startsWith(engine + path.sep);
  return { rootNames: parsed.fileNames.filter(inEngine), options: { ...parsed.options, noEmit: true } };
}

interface Problem {
  /** Relative to the repository, with forward slashes. */
  readonly file: string;
  readonly message: string;
}

/** Type-checks the engine with `types.ts` replaced by `typesText`; the errors, file by file. */
function typeCheck(typesText: string): Problem[] {
  const { rootNames, options } = engineProgramInput();
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) =>
    path.resolve(fileName) === typesFile
      ? ts.createSourceFile(fileName, typesText, languageVersion)
      : getSourceFile(fileName, languageVersion, ...rest);
  const program = ts.createProgram({ rootNames, options, host });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => ({
    file: diagnostic.file ? path.relative(root, diagnostic.file.fileName).split(path.sep).join("/") : "(options)",
    message: ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"),
  }));
}

/** `text` with `member` added where the line ending the one starting at `declaration` ends (before its `;`). */
function addMember(text: string, declaration: string, member: string): string {
  const start = text.indexOf(declaration);
  if (start < 0) throw new Error(`types.ts no longer declares ${declaration}`);
  const end = text.indexOf(";\n", start);
  return text.slice(0, end) + member + text.slice(end);
}

/** `types.ts` with the fake kind added to the contract method, carve-out method and default rule unions. */
function withFakeKind(text: string): string {
  const fake = '\n  | { readonly kind: "percent of medicaid" }';
  let out = addMember(text, "export type ContractMethod =", fake);
  out = addMember(out, "export type CarveOutMethod =", fake);
  return addMember(out, "export interface DefaultRule {", ' | "percent of medicaid"');
}

// One program over the engine's ~60 files: a few seconds. The engine as it is type-checks clean (`npm run
// typecheck`), and every error below must name the fake kind's missing entry, so none can come from elsewhere.
let withFake: Problem[] = [];
beforeAll(() => {
  const original = ts.sys.readFile(typesFile);
  if (original === undefined) throw new Error(`cannot read ${typesFile}`);
  withFake = typeCheck(withFakeKind(original));
});

const errorsNaming = (table: string) =>
  withFake.filter((p) => p.message.includes("percent of medicaid") && p.message.includes(table));

describe("a new contract method kind must be handled everywhere before the engine compiles", () => {
  it("names the contract method table when a kind is added to ContractMethod", () => {
    expect(errorsNaming("ContractMethodTable")).toEqual([
      expect.objectContaining({ file: "src/engine/contracts/methods.ts" }),
    ]);
  });

  it("names the carve-out method table when a kind is added to CarveOutMethod", () => {
    expect(errorsNaming("CarveOutMethodTable")).toEqual([
      expect.objectContaining({ file: "src/engine/contracts/methods.ts" }),
    ]);
  });

  it("names the default rule table when a method is added to DefaultRule", () => {
    expect(errorsNaming("DefaultRuleTable")).toEqual([
      expect.objectContaining({ file: "src/engine/contracts/methods.ts" }),
    ]);
  });

  it("needs nothing else: every error is one of those tables' missing entry", () => {
    expect(withFake).toHaveLength(3);
    expect(new Set(withFake.map((p) => p.file))).toEqual(new Set(["src/engine/contracts/methods.ts"]));
  });
});
