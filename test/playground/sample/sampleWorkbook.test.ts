import * as fs from "node:fs";
import * as path from "node:path";
import { HyperFormula } from "hyperformula";
import { buildSampleWorkbook } from "../../../src/playground/sample/sampleWorkbook";
import { loadLocality, loadPprrvu } from "../../../src/playground/sample/fixtures";
import { medicareCents } from "../../../src/playground/sample/money";
import { PRIOR_AUTHORIZATION_CODES } from "../../../src/playground/sample/priorAuthorizations";
import type { CellInput, SheetSnapshot, WorkbookSnapshot } from "../../../src/playground/simulator";

const workbook = buildSampleWorkbook();
const fixturesDir = path.resolve(__dirname, "../../../src/playground/sample/fixtures");
const pfrevFile = path.resolve(__dirname, "../../../../shared/data/cms-pfs/2025-rvu25d/PFREV25C.txt");

function sheet(wb: WorkbookSnapshot, name: string): SheetSnapshot {
  const found = wb.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The data rows of a sheet's first table as objects keyed by header. */
function records(s: SheetSnapshot): Record<string, CellInput>[] {
  const [header, ...rows] = s.cells;
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [String(h), row[i] ?? null])));
}

const claims = records(sheet(workbook, "Claims"));
const medicareSheet = sheet(workbook, "Medicare 2025");
const medicare = records(medicareSheet);

/** Evaluates the Medicare sheet's rate formulas as a spreadsheet would. */
function medicareRates(code: string): { nonFacility: number; facility: number } {
  const hf = HyperFormula.buildFromSheets({ medicare: medicareSheet.cells }, { licenseKey: "gpl-v3" });
  const row = medicare.findIndex((r) => r["HCPCS Code"] === code && r["Modifier"] === null) + 1;
  const value = (col: number) => Number(hf.getCellValue({ sheet: 0, row, col }));
  const rates = { nonFacility: value(18), facility: value(19) };
  hf.destroy();
  return rates;
}

describe("the sample workbook", () => {
  test("the same seed builds the same workbook, cell for cell", () => {
    expect(buildSampleWorkbook(7)).toEqual(buildSampleWorkbook(7));
  });

  test("another seed builds different claims", () => {
    expect(sheet(buildSampleWorkbook(8), "Claims").cells).not.toEqual(sheet(buildSampleWorkbook(7), "Claims").cells);
  });

  test("opens on Claims, then Contracts, Carve-outs, Acme Fee Schedule, Medicare 2025, Medicare Schedules, Proposal Tracker and the hospital's sheets", () => {
    expect(workbook.sheets.map((s) => s.name)).toEqual([
      "Claims",
      "Contracts",
      "Carve-outs",
      "Acme Fee Schedule",
      "Medicare 2025",
      "Medicare Schedules",
      "Proposal Tracker",
      ...["Hospital Claims", "Inpatient Terms", "Case Rates", "Per Diem Rates", "Outpatient Terms"],
      ...["Revenue Code Rates", "Hospital Carve-outs", "MS-DRG Weights", "OPPS Rates"],
    ]);
    expect(workbook.activeSheet).toBe("Claims");
  });

  test("each table covers exactly its header row and data rows", () => {
    // Hospital Claims has PAYER formulas beside its table: hospitalSample.test.ts pins that table's address.
    for (const s of workbook.sheets.filter((sheet) => sheet.name !== "Hospital Claims")) {
      const width = s.cells[0]!.length;
      expect(s.cells.every((row) => row.length === width)).toBe(true);
      const lastColumn = String.fromCharCode(64 + width);
      expect(s.tables).toEqual([{ name: expect.any(String), address: `A1:${lastColumn}${s.cells.length}` }]);
    }
  });

  test("has about 3,000 claim lines over about 1,200 claims, dated 2024-2025", () => {
    expect(claims.length).toBeGreaterThan(2500);
    expect(claims.length).toBeLessThan(3500);
    expect(new Set(claims.map((c) => c["Claim ID"])).size).toBe(1200);
    const dates = claims.map((c) => String(c["Service Date"])).sort();
    expect(dates[0]! >= "2024-01-01" && dates[dates.length - 1]! <= "2025-12-31").toBe(true);
  });

  test("every claim line's code and pricing modifier has a row in the Medicare table", () => {
    const keys = new Set(medicare.map((r) => `${r["HCPCS Code"]}|${r["Modifier"] ?? ""}`));
    const missing = claims.filter((c) => {
      const pricing = [c["HCPCS Modifier 1"], c["HCPCS Modifier 2"]].find((m) =>
        ["26", "TC", "53"].includes(String(m)),
      );
      return !keys.has(`${c["HCPCS Code"]}|${pricing ?? ""}`);
    });
    expect(missing).toEqual([]);
  });

  test("codes and places of service are text, places of service keep their leading zero", () => {
    expect(claims.every((c) => typeof c["HCPCS Code"] === "string" && /^[0-9A-Z]{5}$/.test(c["HCPCS Code"]))).toBe(
      true,
    );
    expect(
      claims.every((c) => typeof c["Place of Service Code"] === "string" && /^\d\d$/.test(c["Place of Service Code"])),
    ).toBe(true);
    expect(claims.some((c) => c["Place of Service Code"] === "02")).toBe(true);
  });

  test.each([1, 2, 3, 20250101])("seed %i denies between 5% and 12% of lines", (seed) => {
    const lines = records(sheet(buildSampleWorkbook(seed), "Claims"));
    const share = lines.filter((c) => c["Denied Flag"] === true).length / lines.length;
    expect(share).toBeGreaterThanOrEqual(0.05);
    expect(share).toBeLessThanOrEqual(0.12);
  });

  test("paid never exceeds allowed, and denied lines are allowed and paid nothing", () => {
    const broken = claims.filter((c) => {
      const allowed = Number(c["Allowed Amount"]);
      const paid = Number(c["Paid Amount"]);
      if (paid < 0 || paid > allowed) return true;
      return c["Denied Flag"] === true && (allowed !== 0 || paid !== 0);
    });
    expect(broken).toEqual([]);
  });

  test("prior authorization numbers are on imaging and surgery claims outside the emergency department, one per claim", () => {
    const authorized = claims.filter((c) => c["Prior Auth"] !== null);
    const claimIds = new Set(authorized.map((c) => c["Claim ID"]));
    const needsOne = (c: Record<string, CellInput>) =>
      PRIOR_AUTHORIZATION_CODES.has(String(c["HCPCS Code"])) && c["Place of Service Code"] !== "23";
    const claimsNeeding = new Set(claims.filter(needsOne).map((c) => c["Claim ID"]));
    expect(claimIds.size).toBeGreaterThan(0.8 * claimsNeeding.size);
    expect([...claimIds].every((id) => claimsNeeding.has(id))).toBe(true);
    const numbersOf = new Map<unknown, Set<unknown>>();
    for (const c of authorized)
      numbersOf.set(c["Claim ID"], (numbersOf.get(c["Claim ID"]) ?? new Set()).add(c["Prior Auth"]));
    expect([...numbersOf.values()].every((numbers) => numbers.size === 1)).toBe(true);
    expect(authorized.length).toBeGreaterThan(claimIds.size);
  });

  test("money is in whole cents", () => {
    const money = claims.flatMap((c) => [c["Charge Amount"], c["Allowed Amount"], c["Paid Amount"]].map(Number));
    expect(money.every((m) => Math.abs(m * 100 - Math.round(m * 100)) < 1e-6)).toBe(true);
  });

  test("every Medicare rate formula reads its own row", () => {
    medicareSheet.cells.slice(1).forEach((row, i) => {
      for (const formula of [row[18], row[19]]) {
        const rows = [...String(formula).matchAll(/[A-Z]+(\d+)/g)].map((m) => Number(m[1]));
        expect(String(formula).startsWith("=ROUND(")).toBe(true);
        expect(new Set(rows)).toEqual(new Set([i + 2]));
      }
    });
  });

  test("the Medicare rates for Houston match DOMAIN.md's CY2025 reference amounts for 99213 and 99214", () => {
    expect(medicareRates("99213")).toEqual({ nonFacility: 91.0, facility: 65.69 });
    expect(medicareRates("99214")).toEqual({ nonFacility: 128.21, facility: 96.74 });
  });

  test("every Medicare rate formula gives the exact half-up amount the claims were priced from", () => {
    const hf = HyperFormula.buildFromSheets({ medicare: medicareSheet.cells }, { licenseKey: "gpl-v3" });
    const locality = loadLocality();
    const mismatches = loadPprrvu().flatMap((row, i) =>
      ([false, true] as const)
        .map((facility) => ({ facility, cents: medicareCents(row, locality, facility) }))
        .filter(({ facility, cents }) => {
          const value = Number(hf.getCellValue({ sheet: 0, row: i + 1, col: facility ? 19 : 18 }));
          return Math.round(value * 100) !== cents;
        })
        .map(({ facility }) => `${row.hcpcsCode}-${row.modifier} ${facility ? "F" : "NF"}`),
    );
    hf.destroy();
    expect(mismatches).toEqual([]);
  });

  (fs.existsSync(pfrevFile) ? test : test.skip)(
    "the Medicare rate of 76145 matches CMS's own PFREV25C amount for the locality (needs ../shared/data)",
    () => {
      const locality = workbook.names?.find((n) => n.name === "MedicareLocality")?.formula ?? "";
      const [mac, localityNumber] = (/"(\d{5})-(\d{2})/.exec(locality) ?? []).slice(1);
      const row = fs
        .readFileSync(pfrevFile, "utf8")
        .split(/\r?\n/)
        .map((line) => line.split(",").map((f) => f.replace(/"/g, "").trim()))
        .find((f) => f[1] === mac && f[2] === localityNumber && f[3] === "76145");
      expect(row).toBeDefined();
      expect(medicareRates("76145")).toEqual({ nonFacility: Number(row![5]), facility: Number(row![6]) });
    },
  );

  test("the committed fixtures stay under 100 KB", () => {
    const bytes = fs.readdirSync(fixturesDir).reduce((n, f) => n + fs.statSync(path.join(fixturesDir, f)).size, 0);
    expect(bytes).toBeLessThan(100 * 1024);
  });
});
