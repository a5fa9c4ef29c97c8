/**
 * Offline check of manifest.xml. `office-addin-manifest validate` calls an online Microsoft service, so it is not
 * part of `npm test`; this suite checks what Office would otherwise reject or silently mis-wire: resource ids, the
 * shared runtime, requirement sets, permissions, icons, and that every URL of the production manifest is a file
 * the production build really emits.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { gzipSync } from "zlib";
import { JSDOM } from "jsdom";
import { at, childrenNamed, descendants, findAll, parseXml, withParents, type XmlElement } from "./xmlTree";

const ROOT = path.resolve(__dirname, "..", "..");
const SOURCE_XML = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const manifest = parseXml(SOURCE_XML);
const overrides = at(manifest, "VersionOverrides");
const workbookHost = at(overrides, "Hosts", "Host");
const resources = at(overrides, "Resources");

/** The dev server's URL, as webpack.config.js (DEV_URL) rewrites it for production builds. */
const DEV_URL = "https://localhost:3000/";
/** A production URL with a path, so the check proves files are found relative to it, not to a host root. */
const PRODUCTION_URL = "https://payer-contracts.test.example/addin/";
const BUILD_TIMEOUT_MS = 240_000;

const RESOURCE_LISTS = ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"] as const;
type ResourceList = (typeof RESOURCE_LISTS)[number];

/** Which resource list an element's resid must point into, by the element's name (Office manifest reference). */
const RESOURCE_KIND_BY_ELEMENT: Record<string, ResourceList> = {
  "bt:Image": "bt:Images",
  Runtime: "bt:Urls",
  SourceLocation: "bt:Urls",
  FunctionFile: "bt:Urls",
  LearnMoreUrl: "bt:Urls",
  Label: "bt:ShortStrings",
  Title: "bt:ShortStrings",
  Namespace: "bt:ShortStrings",
  Description: "bt:LongStrings",
};

interface Resource {
  readonly id: string;
  readonly list: ResourceList;
  readonly value: string;
}

const declaredResources: Resource[] = RESOURCE_LISTS.flatMap((list) =>
  childrenNamed(resources, list).flatMap((group) =>
    group.children.map((entry) => ({
      id: entry.attributes["id"] ?? "",
      list,
      value: entry.attributes["DefaultValue"] ?? "",
    })),
  ),
);

/** Every element that refers to a resource. */
const references = descendants(manifest).filter((e) => e.attributes["resid"] !== undefined);

function resource(id: string): Resource {
  const found = declaredResources.find((r) => r.id === id);
  if (found === undefined) throw new Error(`No resource with id "${id}"`);
  return found;
}

function resid(element: XmlElement): string {
  return element.attributes["resid"] ?? "";
}

function sets(requirements: XmlElement): Map<string, string> {
  const all = descendants(requirements).filter((e) => e.name === "Set" || e.name === "bt:Set");
  return new Map(all.map((set) => [set.attributes["Name"] ?? "", set.attributes["MinVersion"] ?? ""]));
}

function versionAtLeast(actual: string, minimum: string): boolean {
  const a = actual.split(".").map(Number);
  const b = minimum.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff > 0;
  }
  return true;
}

/** Every URL written in a manifest: attribute values and texts, except XML namespace names. */
function urlsIn(root: XmlElement): string[] {
  return [root, ...descendants(root)].flatMap((e) => [
    ...Object.entries(e.attributes)
      .filter(([name, value]) => !name.startsWith("xmlns") && /^https?:/i.test(value))
      .map(([, value]) => value),
    ...(/^https?:/i.test(e.text) ? [e.text] : []),
  ]);
}

/** Width and height from a PNG's IHDR chunk; throws when the file is not a PNG. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  if (!bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function sourceFileOf(url: string): string {
  return path.join(ROOT, ...url.slice(DEV_URL.length).split("/"));
}

describe("manifest resources", () => {
  it("resolves every resid the manifest refers to to a declared resource", () => {
    const declared = new Set(declaredResources.map((r) => r.id));
    expect(references.length).toBeGreaterThan(0);
    expect(references.map(resid).filter((id) => !declared.has(id))).toEqual([]);
  });

  it("uses every declared resource somewhere", () => {
    const used = new Set(references.map(resid));
    expect(declaredResources.map((r) => r.id).filter((id) => !used.has(id))).toEqual([]);
  });

  it("declares each resource id once, within Office's 32-character limit", () => {
    const ids = declaredResources.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => id.length === 0 || id.length > 32)).toEqual([]);
  });

  it("points each reference at the right kind of resource (labels at short strings, icons at images...)", () => {
    const mismatches = references
      .map((e) => ({ element: e.name, id: resid(e), expected: RESOURCE_KIND_BY_ELEMENT[e.name] }))
      .filter(({ id, expected }) => expected === undefined || resource(id).list !== expected);
    expect(mismatches).toEqual([]);
  });

  it("keeps short strings within 125 characters and long strings within 250", () => {
    const tooLong = declaredResources.filter(
      (r) =>
        (r.list === "bt:ShortStrings" && r.value.length > 125) || (r.list === "bt:LongStrings" && r.value.length > 250),
    );
    expect(tooLong).toEqual([]);
  });
});

describe("manifest shared runtime", () => {
  const runtimes = findAll(manifest, "Runtime");
  const runtimeResid = resid(runtimes[0] ?? manifest);

  it("declares exactly one runtime, with a long lifetime", () => {
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0]?.attributes["lifetime"]).toBe("long");
  });

  it("loads the task pane page as the runtime", () => {
    expect(resource(runtimeResid).value).toBe(`${DEV_URL}taskpane.html`);
  });

  it("runs the custom functions in the runtime's page", () => {
    const customFunctions = findAll(workbookHost, "ExtensionPoint").filter(
      (e) => e.attributes["xsi:type"] === "CustomFunctions",
    );
    expect(customFunctions).toHaveLength(1);
    expect(resid(at(customFunctions[0]!, "Page", "SourceLocation"))).toBe(runtimeResid);
  });

  it("runs the ribbon's function file in the runtime's page", () => {
    const functionFiles = findAll(workbookHost, "FunctionFile");
    expect(functionFiles.map(resid)).toEqual([runtimeResid]);
  });

  it("opens the task pane from the runtime's page, as one pane with a fixed id", () => {
    const showTaskpane = findAll(workbookHost, "Action").filter((a) => a.attributes["xsi:type"] === "ShowTaskpane");
    expect(showTaskpane.length).toBeGreaterThan(0);
    expect(showTaskpane.map((a) => resid(at(a, "SourceLocation")))).toEqual(showTaskpane.map(() => runtimeResid));
    const paneIds = new Set(showTaskpane.map((a) => at(a, "TaskpaneId").text));
    expect([...paneIds]).toHaveLength(1);
    expect([...paneIds][0]).not.toBe("");
  });

  it("falls back to the same page where Office ignores the version overrides", () => {
    const fallback = at(manifest, "DefaultSettings", "SourceLocation").attributes["DefaultValue"];
    expect(fallback).toBe(resource(runtimeResid).value);
  });

  it("puts the runtimes first in the host, as Office requires", () => {
    expect(workbookHost.children[0]?.name).toBe("Runtimes");
  });
});

describe("manifest custom functions", () => {
  const customFunctions = findAll(workbookHost, "ExtensionPoint").find(
    (e) => e.attributes["xsi:type"] === "CustomFunctions",
  );

  it("loads the functions script and the generated metadata", () => {
    expect(customFunctions).toBeDefined();
    expect(resource(resid(at(customFunctions!, "Script", "SourceLocation"))).value).toBe(`${DEV_URL}functions.js`);
    expect(resource(resid(at(customFunctions!, "Metadata", "SourceLocation"))).value).toBe(`${DEV_URL}functions.json`);
  });

  it("names the namespace PAYER: capitals, at most 32 characters", () => {
    const namespace = resource(resid(at(customFunctions!, "Namespace"))).value;
    expect(namespace).toBe("PAYER");
    expect(namespace).toMatch(/^[A-Z][A-Z0-9_]{0,31}$/);
  });
});

describe("manifest permissions and requirements", () => {
  it("asks for ReadWriteDocument and nothing more", () => {
    expect(childrenNamed(manifest, "Permissions").map((p) => p.text)).toEqual(["ReadWriteDocument"]);
  });

  it("activates only where Office offers the shared runtime 1.1 and the Excel API 1.12", () => {
    expect(sets(at(manifest, "Requirements")).get("SharedRuntime")).toBe("1.1");
    // Range.copyFrom (1.9) commits staged values; spill ranges (1.12) let a freeze find a spill without changing it.
    expect(sets(at(manifest, "Requirements")).get("ExcelApi")).toBe("1.12");
  });

  it("turns on the ribbon and the PAYER functions only with SharedRuntime 1.1 and CustomFunctionsRuntime 1.2", () => {
    const required = sets(at(overrides, "Requirements"));
    expect(required.get("SharedRuntime")).toBe("1.1");
    expect(required.get("CustomFunctionsRuntime")).toBe("1.2");
  });

  it("makes the version overrides' requirements at least as strict as the base manifest's", () => {
    const base = sets(at(manifest, "Requirements"));
    const override = sets(at(overrides, "Requirements"));
    const weaker = [...base].filter(([name, min]) => !versionAtLeast(override.get(name) ?? "0", min));
    expect(weaker).toEqual([]);
  });
});

describe("manifest identity and ribbon", () => {
  it("identifies the add-in: GUID id, four-part version, names and locale", () => {
    expect(at(manifest, "Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(at(manifest, "Version").text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(at(manifest, "ProviderName").text).toBe("Payer Contracts");
    expect(at(manifest, "DisplayName").attributes["DefaultValue"]).toBe("Payer Contracts for Excel");
    expect(at(manifest, "DefaultLocale").text).toBe("en-US");
    expect(manifest.attributes["xsi:type"]).toBe("TaskPaneApp");
  });

  it("is an Excel (Workbook) add-in only", () => {
    expect(childrenNamed(at(manifest, "Hosts"), "Host").map((h) => h.attributes["Name"])).toEqual(["Workbook"]);
    expect(childrenNamed(at(overrides, "Hosts"), "Host").map((h) => h.attributes["xsi:type"])).toEqual(["Workbook"]);
  });

  it("puts a Payer Contracts group with a button on the Home tab", () => {
    const tab = at(workbookHost, "DesktopFormFactor", "ExtensionPoint", "OfficeTab");
    expect(tab.attributes["id"]).toBe("TabHome");
    const group = at(tab, "Group");
    expect(resource(resid(at(group, "Label"))).value).toBe("Payer Contracts");
    const button = at(group, "Control");
    expect(button.attributes["xsi:type"]).toBe("Button");
    expect(resource(resid(at(button, "Supertip", "Title"))).value).not.toBe("");
    expect(resource(resid(at(button, "Supertip", "Description"))).value).not.toBe("");
  });

  it("gives every ribbon icon the three required sizes 16, 32 and 80", () => {
    const icons = findAll(workbookHost, "Icon");
    expect(icons.length).toBeGreaterThan(0);
    for (const icon of icons) {
      expect(childrenNamed(icon, "bt:Image").map((i) => i.attributes["size"])).toEqual(["16", "32", "80"]);
    }
  });

  it("keeps elements in the order of the Office manifest schema", () => {
    const sequences: Record<string, string[]> = {
      OfficeApp: [
        "Id",
        "AlternateId",
        "Version",
        "ProviderName",
        "DefaultLocale",
        "DisplayName",
        "Description",
        "IconUrl",
        "HighResolutionIconUrl",
        "SupportUrl",
        "AppDomains",
        "Hosts",
        "Requirements",
        "DefaultSettings",
        "Permissions",
        "VersionOverrides",
      ],
      VersionOverrides: ["Description", "Requirements", "Hosts", "Resources"],
      Host: ["Runtimes", "AllFormFactors", "DesktopFormFactor"],
      DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint"],
      Resources: [...RESOURCE_LISTS],
    };
    const outOfOrder = [manifest, overrides, workbookHost, at(workbookHost, "DesktopFormFactor"), resources].flatMap(
      (element) => {
        const order = sequences[element.name] ?? [];
        const positions = element.children.map((c) => order.indexOf(c.name));
        return positions.some((p, i) => p < 0 || (i > 0 && p < positions[i - 1]!))
          ? [`${element.name}: ${element.children.map((c) => c.name).join(", ")}`]
          : [];
      },
    );
    expect(outOfOrder).toEqual([]);
  });
});

describe("manifest URLs and icons", () => {
  const supportUrl = at(manifest, "SupportUrl").attributes["DefaultValue"] ?? "";

  it("uses HTTPS for every URL", () => {
    expect(urlsIn(manifest).filter((url) => !url.startsWith("https://"))).toEqual([]);
  });

  it("links outside the add-in's own site only to its support page", () => {
    const outside = urlsIn(manifest).filter((url) => !url.startsWith(DEV_URL));
    expect(new Set(outside)).toEqual(new Set([supportUrl]));
    expect(findAll(manifest, "AppDomain")).toEqual([]);
  });

  it("draws every ribbon icon from a PNG in assets/ of the size it is declared at", () => {
    const declared = withParents(workbookHost).filter(
      ({ element, parent }) => element.name === "bt:Image" && parent.name === "Icon",
    );
    const wrong = declared
      .map(({ element }) => ({ url: resource(resid(element)).value, size: Number(element.attributes["size"]) }))
      .map(({ url, size }) => ({ url, size, actual: pngSize(sourceFileOf(url)) }))
      .filter(({ size, actual }) => actual.width !== size || actual.height !== size);
    expect(declared.length).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });

  it("shows a 32 px icon in the add-in list and a 64 px one on high-resolution screens", () => {
    expect(pngSize(sourceFileOf(at(manifest, "IconUrl").attributes["DefaultValue"]!))).toEqual({
      width: 32,
      height: 32,
    });
    expect(pngSize(sourceFileOf(at(manifest, "HighResolutionIconUrl").attributes["DefaultValue"]!))).toEqual({
      width: 64,
      height: 64,
    });
  });
});

/** The scripts of the built add-in page that the add-in serves itself (office.js comes from Microsoft's CDN). */
function ownPageScripts(outDir: string): string[] {
  const page = fs.readFileSync(path.join(outDir, "taskpane.html"), "utf8");
  return [...page.matchAll(/<script\b[^>]*?\bsrc=["']?([^"'\s>]+)/g)]
    .map((m) => m[1]!)
    .filter((src) => !src.startsWith("https://"));
}

/** Issue 20: what the add-in page downloads and parses before the task pane shows, gzipped. */
const PAGE_BUDGET_GZIP_BYTES = 300 * 1024;

describe("production build against the manifest", () => {
  let outDir = "";
  let productionXml = "";

  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), "payer-contracts-build-"));
    const cli = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
    await new Promise<void>((resolve, reject) => {
      execFile(
        process.execPath,
        [cli, "--mode", "production", "--output-path", outDir],
        {
          cwd: ROOT,
          timeout: BUILD_TIMEOUT_MS,
          maxBuffer: 64 * 1024 * 1024,
          env: { ...process.env, ADDIN_PRODUCTION_URL: PRODUCTION_URL },
        },
        (error, stdout, stderr) =>
          error ? reject(new Error(`Production build failed: ${error.message}\n${stdout}\n${stderr}`)) : resolve(),
      );
    });
    productionXml = fs.readFileSync(path.join(outDir, "manifest.xml"), "utf8");
  }, BUILD_TIMEOUT_MS + 30_000);

  afterAll(() => {
    if (outDir !== "") fs.rmSync(outDir, { recursive: true, force: true });
  });

  it("no longer mentions the development server in the production manifest", () => {
    expect(productionXml).not.toContain(DEV_URL);
    expect(productionXml).not.toContain("localhost");
  });

  it("changes nothing but the URLs when it rewrites the manifest for production", () => {
    expect(productionXml.split(PRODUCTION_URL).join(DEV_URL)).toBe(SOURCE_XML);
  });

  it("serves every add-in URL of the production manifest from a file the build produced", () => {
    const own = urlsIn(parseXml(productionXml)).filter((url) => url.startsWith(PRODUCTION_URL));
    const files = [...new Set(own)].map((url) => new URL(url).pathname.slice(new URL(PRODUCTION_URL).pathname.length));
    expect(files).toEqual(
      expect.arrayContaining(["taskpane.html", "functions.js", "functions.json", "assets/icon-16.png"]),
    );
    expect(files.filter((file) => !fs.existsSync(path.join(outDir, ...file.split("/"))))).toEqual([]);
  });

  it("generates functions.json as valid JSON declaring at least one function", () => {
    const metadata = JSON.parse(fs.readFileSync(path.join(outDir, "functions.json"), "utf8")) as {
      functions?: { id?: unknown; name?: unknown }[];
    };
    expect(Array.isArray(metadata.functions)).toBe(true);
    expect(metadata.functions!.length).toBeGreaterThan(0);
    for (const fn of metadata.functions!) {
      expect(typeof fn.id).toBe("string");
      expect(typeof fn.name).toBe("string");
    }
  });

  it("loads office.js first, then the functions and the task pane code, in the runtime's page", () => {
    const page = fs.readFileSync(path.join(outDir, "taskpane.html"), "utf8");
    // The build minifies the page, so attribute values may be unquoted.
    const scripts = [...page.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)].map(
      (m) => m[1] ?? m[2] ?? m[3] ?? "",
    );
    const position = (pattern: RegExp) => scripts.findIndex((src) => pattern.test(src));
    const officeJs = position(/^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js$/);
    const functions = position(/(^|\/)functions\.js$/);
    const taskpane = position(/(^|\/)taskpane\.js$/);
    expect(officeJs).toBe(0);
    expect(functions).toBeGreaterThan(officeJs);
    expect(taskpane).toBeGreaterThan(officeJs);
  });

  it("loads the code the functions and the task pane both use once, from one shared chunk", () => {
    const page = fs.readFileSync(path.join(outDir, "taskpane.html"), "utf8");
    expect(page).toMatch(/<script\b[^>]*\bsrc=["']?addin-shared\.js/);
    // The engine's messages are in the shared chunk and in neither entry.
    const message = "is not payable under the Medicare fee schedule";
    const holding = ["addin-shared.js", "functions.js", "taskpane.js"].filter((file) =>
      fs.readFileSync(path.join(outDir, file), "utf8").includes(message),
    );
    expect(holding).toEqual(["addin-shared.js"]);
  });

  it("keeps the add-in page's own scripts under 300 KB gzipped, each tab's code fetched when the tab opens", () => {
    const gzipped = ownPageScripts(outDir).map((src) => gzipSync(fs.readFileSync(path.join(outDir, src))).length);
    expect(gzipped.reduce((sum, bytes) => sum + bytes, 0)).toBeLessThanOrEqual(PAGE_BUDGET_GZIP_BYTES);
  });

  it("runs both entries from the page's scripts: every PAYER function is associated and the task pane waits for Office", () => {
    const own = ownPageScripts(outDir);
    const dom = new JSDOM('<div id="root"></div>', { runScripts: "outside-only" });
    const associated: string[] = [];
    let officeWaitedFor = 0;
    Object.assign(dom.window, {
      CustomFunctions: { associate: (id: string) => associated.push(id), Error: class {} },
      Office: { onReady: () => (officeWaitedFor++, new Promise(() => undefined)) },
    });
    for (const src of own) dom.window.eval(fs.readFileSync(path.join(outDir, src), "utf8"));

    const declared = (JSON.parse(fs.readFileSync(path.join(outDir, "functions.json"), "utf8")) as { functions: { id: string }[] }).functions.map((f) => f.id); // prettier-ignore
    expect([...associated].sort()).toEqual([...declared].sort());
    expect(officeWaitedFor).toBe(1);
  });
});
