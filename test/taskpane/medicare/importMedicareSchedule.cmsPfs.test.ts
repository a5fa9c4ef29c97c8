/**
 * Issue 4 "Done when": importing each CMS PPRRVU file of ../shared/data/cms-pfs with a locality gives the right
 * rows and amounts (DOMAIN.md section 9), as the sheet's own formulas compute them (HyperFormula in the simulator)
 * and as PAYER.MEDICARE_RATE prices them once the schedule is registered, in at most 10 requests of at most 4 MB.
 */
import { associated } from "../../functions/support/installShim";
import "../../../src/functions/functions";
import { buildGpciIndex, findLocality } from "../../../src/engine/gpci";
import { pfsBaseAmount } from "../../../src/engine/medicarePfs";
import { toCents } from "../../../src/engine/money";
import { parseGpciCsv, parsePprrvuCsv } from "../../../src/formats/cmsPfs";
import { registryCache } from "../../../src/functions/registryCache";
import { WorkbookSimulator } from "../../../src/playground/simulator";
import { importMedicareSchedule } from "../../../src/taskpane/medicare/medicareCommands";
import { describeWithSharedData, readSharedData } from "../../support/sharedData";

const FOUR_MB = 4 * 1024 * 1024;

interface Case {
  readonly name: string;
  readonly pprrvu: string;
  readonly gpci: string | null;
  readonly locality: string;
  readonly year: number;
  /** Rows the file holds that are valid (the parser's count). */
  readonly rowCount: number;
  /** Problems the parser reports (rows left out and counted in the outcome's message). */
  readonly problems: number;
  readonly sheetName: string;
  readonly tableName: string;
  readonly serviceDate: string;
  /** HCPCS code (with -modifier) -> [non-facility, facility] dollars, from DOMAIN.md section 9. */
  readonly amounts: Readonly<Record<string, readonly [number, number]>>;
}

const CASES: readonly Case[] = [
  {
    name: "CY2024 July release, national amounts",
    pprrvu: "cms-pfs/2024-rvu24c/PPRRVU24_JUL.csv",
    gpci: null,
    locality: "national",
    year: 2024,
    rowCount: 18_664,
    problems: 0,
    sheetName: "Medicare 2024 National",
    tableName: "MPFS_2024_National",
    serviceDate: "2024-06-03",
    amounts: { "99213": [90.87, 65.24], "99214": [128.16, 96.2] },
  },
  {
    name: "CY2025 October release, Houston",
    pprrvu: "cms-pfs/2025-rvu25d/PPRRVU2025_Oct.csv",
    gpci: "cms-pfs/2025-rvu25d/GPCI2025.csv",
    locality: "04412-18",
    year: 2025,
    rowCount: 19_090,
    problems: 0,
    sheetName: "Medicare 2025 Houston",
    tableName: "MPFS_2025_0441218",
    serviceDate: "2025-06-02",
    amounts: { "99213": [91.0, 65.69], "99214": [128.21, 96.74] },
  },
  {
    name: "CY2025 January release re-saved by Excel, Alaska",
    pprrvu: "cms-pfs/2025-rvu25a-excel-resaved/PPRRVU25_JAN1.csv",
    gpci: "cms-pfs/2025-rvu25a-excel-resaved/GPCI2025.csv",
    locality: "2102-1",
    year: 2025,
    rowCount: 18_865,
    problems: 0,
    sheetName: "Medicare 2025 Alaska",
    tableName: "MPFS_2025_0210201",
    serviceDate: "2025-02-14",
    amounts: { "99213": [112.2, 84.92], "99214": [158.97, 125.05] },
  },
  {
    name: "CY2026 July release (non-qualifying APM), national amounts",
    pprrvu: "cms-pfs/2026-rvu26c/PPRRVU2026_Jul_nonQPP.csv",
    gpci: null,
    locality: "national",
    year: 2026,
    rowCount: 19_355, // of 19,356: the placeholder GXXX1 is no HCPCS code, reported and left out
    problems: 1,
    sheetName: "Medicare 2026 National",
    tableName: "MPFS_2026_National",
    serviceDate: "2026-09-15",
    amounts: { "99213": [95.19, 57.45], "99214": [135.61, 84.5], "99215": [192.39, 125.59] },
  },
];

/** Rows of the written sheet by "code" or "code-modifier", with their cells by header. */
function sheetRows(simulator: WorkbookSimulator, sheet: string): Map<string, Record<string, unknown>> {
  const { rows, columns } = simulator.usedSize(sheet);
  const headers = Array.from({ length: columns }, (_, c) => String(simulator.cell(sheet, 0, c).value));
  const byKey = new Map<string, Record<string, unknown>>();
  for (let r = 1; r < rows; r++) {
    const cells = Object.fromEntries(headers.map((h, c) => [h, simulator.cell(sheet, r, c).value]));
    byKey.set(cells["Modifier"] ? `${String(cells["HCPCS Code"])}-${String(cells["Modifier"])}` : String(cells["HCPCS Code"]), cells); // prettier-ignore
  }
  return byKey;
}

function enter(simulator: WorkbookSimulator, sheet: string, row: number, formula: string): unknown {
  simulator.setCellInput(sheet, row, 0, formula);
  return simulator.cell(sheet, row, 0).value;
}

describeWithSharedData("importing the CMS relative value files through the simulator", () => {
  afterEach(() => registryCache.start(new WorkbookSimulator().excel));

  for (const c of CASES) {
    describe(c.name, () => {
      let simulator: WorkbookSimulator;
      let outcome: Awaited<ReturnType<typeof importMedicareSchedule.run>>;
      let rows: Map<string, Record<string, unknown>>;

      beforeAll(async () => {
        simulator = new WorkbookSimulator(
          { sheets: [{ name: "Claims", cells: [["Claim ID"], ["C-1"]] }] },
          {
            customFunctions: associated,
          },
        );
        outcome = await importMedicareSchedule.run(simulator.excel, {
          pprrvuText: readSharedData(c.pprrvu),
          gpciText: c.gpci === null ? null : readSharedData(c.gpci),
          locality: c.locality,
        });
        rows = outcome.ok ? sheetRows(simulator, c.sheetName) : new Map();
      }, 120_000);

      it("writes every row of the file to a new sheet named for the year and locality, and registers it", () => {
        expect(outcome).toMatchObject({ ok: true, value: { sheetName: c.sheetName, tableName: c.tableName } });
        expect(rows.size).toBe(c.rowCount);
        expect(outcome.message.includes(`${c.problems} problem`)).toBe(c.problems > 0);
        expect(simulator.tables().map((t) => t.name)).toEqual([c.tableName, "MedicareSchedules"]);
      });

      it("uses at most 10 requests, none over 4 MB", () => {
        expect(simulator.requestLog.length).toBeLessThanOrEqual(10);
        expect(Math.max(...simulator.requestLog.map((r) => r.bytes))).toBeLessThanOrEqual(FOUR_MB);
      });

      it("shows the CMS amounts through the sheet's own rate formulas", () => {
        const shown = Object.fromEntries(
          Object.keys(c.amounts).map((code) => [code, [rows.get(code)?.["Non-Facility Rate"], rows.get(code)?.["Facility Rate"]]]), // prettier-ignore
        );
        expect(shown).toEqual(c.amounts);
        expect(rows.get("99214")?.["Conversion Factor"]).toBeGreaterThan(32);
      });

      it("agrees with the engine's PFS formula, rounded half-up once, on every row of the sheet", () => {
        const parsed = parsePprrvuCsv(readSharedData(c.pprrvu));
        const gpci = c.gpci === null ? null : parseGpciCsv(readSharedData(c.gpci));
        const found = findLocality(buildGpciIndex(gpci?.ok ? gpci.value.localities : []), c.locality);
        if (!parsed.ok || !found.ok) throw new Error("the shared files do not parse");
        const cf = parsed.value.conversionFactor!;
        const differing = parsed.value.rows.flatMap((row) => {
          const key = row.modifier ? `${row.hcpcsCode}-${row.modifier}` : row.hcpcsCode;
          const expected = (["non-facility", "facility"] as const).map(
            (setting) => toCents(pfsBaseAmount(row, found.value, setting, cf)) / 100,
          );
          const shown = [rows.get(key)?.["Non-Facility Rate"], rows.get(key)?.["Facility Rate"]];
          return shown[0] === expected[0] && shown[1] === expected[1] ? [] : [{ key, shown, expected }];
        });
        expect(differing.slice(0, 5)).toEqual([]);
      });

      it("prices the same amounts with PAYER.MEDICARE_RATE once the registry has read the new schedule", async () => {
        await registryCache.start(simulator.excel);
        const locality = c.locality === "national" ? "00000-00" : c.locality;
        const priced = Object.fromEntries(
          Object.keys(c.amounts).map((code, i) => [
            code,
            [
              enter(
                simulator,
                "Claims",
                2 * i + 3,
                `=PAYER.MEDICARE_RATE("${code}","${locality}",,,"${c.serviceDate}")`,
              ),
              enter(
                simulator,
                "Claims",
                2 * i + 4,
                `=PAYER.MEDICARE_RATE("${code}","${locality}",,"22","${c.serviceDate}")`,
              ),
            ],
          ]),
        );
        expect(priced).toEqual(c.amounts);
      });

      it("suggests a PAYER.MEDICARE_RATE formula dated inside the schedule's year, so it answers whatever today is", async () => {
        await registryCache.start(simulator.excel);
        const suggested = /Try (=PAYER\.MEDICARE_RATE\(.*\))\.$/.exec(outcome.message)?.[1] ?? "no suggestion";
        expect(suggested).toContain(`"${c.year}-01-01")`);
        // The schedule's first day: CY2024's conversion factor changed on March 9, so its amount differs from June's.
        expect(enter(simulator, "Claims", 40, suggested)).toEqual(expect.any(Number));
      });
    });
  }

  it("keeps leading zeros, modifiers, text indicators and the professional/technical split of 71046 (2025)", async () => {
    const simulator = new WorkbookSimulator();
    const outcome = await importMedicareSchedule.run(simulator.excel, {
      pprrvuText: readSharedData("cms-pfs/2025-rvu25a-excel-resaved/PPRRVU25_JAN1.csv"),
      gpciText: null,
      locality: "national",
    });
    expect(outcome.ok).toBe(true);
    const rows = sheetRows(simulator, "Medicare 2025 National");
    expect(rows.get("00100")).toMatchObject({ "HCPCS Code": "00100", "Status Code": "J" });
    const amounts = ["71046", "71046-26", "71046-TC"].map((key) => rows.get(key)?.["Non-Facility Rate"]);
    expect(amounts).toEqual([32.67, 10.03, 22.64]);
    expect(rows.get("71046-26")).toMatchObject({ Modifier: "26", "PCTC Indicator": "1", "Global Days": "XXX" });
  }, 120_000);
});
