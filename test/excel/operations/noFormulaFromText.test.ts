/**
 * Issue 10 item 2 (ARCHITECTURE.md s.10, CSV injection): every cell the add-in writes from outside text is text.
 * Each writer is fed text that Excel would read as a formula (from a payer file, a GPCI file, an 835 file and a
 * user's claims table), then every cell of every sheet is scanned: the text is there, as text, and no formula
 * anywhere carries it.
 */
import { Decimal } from "../../../src/engine";
import { parseGpciCsv, parsePprrvuCsv } from "../../../src/formats/cmsPfs";
import { previewPayerScheduleFile } from "../../../src/formats/payerSchedule";
import { parse835 } from "../../../src/formats/remit835";
import { writeTable } from "../../../src/excel/core/tableWriter";
import { writeMedicareSchedule } from "../../../src/excel/medicareSchedule";
import { writeDrgWeights } from "../../../src/excel/hospitalSchedule";
import { parseDrgWeightsCsv } from "../../../src/formats/cmsIpps";
import { importPayerSchedule } from "../../../src/excel/payerSchedule/payerScheduleImport";
import { remittanceTableRequest } from "../../../src/excel/remittances/remittanceTable";
import { buildPortfolioSummary } from "../../../src/excel/sharing";
import { buildUpliftModel } from "../../../src/excel/upliftModel";
import { runVarianceReview } from "../../../src/excel/varianceReview";
import { WorkbookSimulator, type CellInput } from "../../../src/playground/simulator";
import { remit835 } from "../../formats/remit835/snippets";
import { readFileSync } from "fs";
import path from "path";
import { usersWorkbook } from "../core/tableWriterBuilders";
import { DRG_WEIGHTS_EXCERPT, smallHospitalWorkbook } from "../hospitalSchedule/support";
import { aPortfolioRequest } from "../sharing/support";
import { aModelRequest } from "../upliftModel/support";
import { aReviewRequest, plantedWorkbook } from "../varianceReview/support";

jest.setTimeout(300_000);

/** A formula's text as outside text: Excel would turn it into a live link if it were entered as is. */
const HOSTILE = '=HYPERLINK("http//evil.example/x","PAY HERE")';
const MARKER = "evil.example";

/** Every cell of the workbook holding the marker: where, what it shows, and its formula (null for a value). */
function cellsWithMarker(simulator: WorkbookSimulator) {
  return simulator.sheetNames().flatMap((sheet) => {
    const { rows, columns } = simulator.usedSize(sheet);
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => ({ sheet, r, c, ...simulator.cell(sheet, r, c) })),
    )
      .flat()
      .filter((cell) => String(cell.value).includes(MARKER) || String(cell.formula ?? "").includes(MARKER));
  });
}

function expectTextOnly(simulator: WorkbookSimulator) {
  const found = cellsWithMarker(simulator);
  expect(found.length).toBeGreaterThan(0);
  expect(
    found.filter((cell) => cell.formula !== null).map((c) => `${c.sheet}!R${c.r + 1}C${c.c + 1}: ${c.formula}`),
  ).toEqual([]);
  expect(found.every((cell) => cell.value === HOSTILE || String(cell.value).includes(HOSTILE))).toBe(true);
}

const fixture = (folder: string, name: string) =>
  readFileSync(path.resolve(__dirname, "..", "..", "fixtures", folder, name), "utf8");

describe("text that looks like a formula stays text in every writer", () => {
  it("in an imported fee schedule (a description from the payer's file)", async () => {
    const csv = `CPT,Description,Rate\n99213,"${HOSTILE.replace(/"/g, '""')}",91.00\n`;
    const preview = previewPayerScheduleFile({ name: "acme.csv", bytes: new TextEncoder().encode(csv) });
    if (!preview.ok) throw new Error(preview.issue.code);
    const simulator = new WorkbookSimulator(usersWorkbook());
    const result = await importPayerSchedule(simulator.excel, {
      preview: preview.value,
      sheetName: "Acme 2025",
      tableName: "FS_Acme_2025",
      skipRowsWithErrors: true,
    });
    expect(result.ok).toBe(true);
    expectTextOnly(simulator);
  });

  it.each([
    ["appended to the user's MedicareSchedules", true],
    ["in a MedicareSchedules table the import creates", false],
  ])("in a Medicare locality name from a GPCI file, %s", async (_where, withRegistry) => {
    const gpci = parseGpciCsv(fixture("cms-pfs", "gpci-2025-excerpt.csv"));
    const pprrvu = parsePprrvuCsv(fixture("cms-pfs", "pprrvu-2025-oct-excerpt.csv"));
    if (!gpci.ok || !pprrvu.ok) throw new Error("fixtures do not parse");
    const houston = gpci.value.localities.find((l) => l.localityKey === "04412-18")!;
    const base = usersWorkbook();
    const registry = {
      name: "Registry",
      cells: [
        ["Schedule Table", "Year", "Locality", "Locality Name"],
        ["MPFS_2025_NYC", 2025, "13202-01", "MANHATTAN, NY"],
      ] as CellInput[][],
      tables: [{ name: "MedicareSchedules", address: "A1:D2" }],
    };
    const simulator = new WorkbookSimulator(withRegistry ? { ...base, sheets: [...base.sheets, registry] } : base);
    const result = await writeMedicareSchedule(simulator.excel, {
      sheetName: "Medicare 2025 Houston",
      tableName: "MPFS_2025_0441218",
      rows: pprrvu.value.rows,
      locality: { ...houston, localityName: HOSTILE, stateCode: "" },
      conversionFactor: new Decimal("32.3465"),
      year: 2025,
    });
    expect(result.ok).toBe(true);
    expectTextOnly(simulator);
  });

  it("in MS-DRG weights (a DRG title from CMS's file), written and then carried over by the next year's import", async () => {
    const fy2025 = DRG_WEIGHTS_EXCERPT.replace(/20251001/g, "20241001").replace("BRONCHITIS AND ASTHMA WITH", `"${HOSTILE.replace(/"/g, '""')}"`); // prettier-ignore
    const [hostile, fy2026] = [parseDrgWeightsCsv(fy2025), parseDrgWeightsCsv(DRG_WEIGHTS_EXCERPT)];
    if (!hostile.ok || !fy2026.ok) throw new Error("excerpts do not parse");
    const simulator = new WorkbookSimulator(smallHospitalWorkbook());
    expect((await writeDrgWeights(simulator.excel, hostile.value.table)).ok).toBe(true);
    expectTextOnly(simulator);
    expect((await writeDrgWeights(simulator.excel, fy2026.value.table)).ok).toBe(true);
    expectTextOnly(simulator);
  });

  it("in a remittance table (a payer name from an 835 file)", async () => {
    const text = remit835(["CLP*C1*1*100*80**12*ICN1", "SVC*HC:99213*100*80**1", "CAS*CO*45*20"]).replace(
      "ACME HEALTH PLAN",
      HOSTILE,
    );
    const file = parse835(new TextEncoder().encode(text));
    if (!file.ok) throw new Error(file.issue.code);
    const simulator = new WorkbookSimulator(usersWorkbook());
    const request = remittanceTableRequest("Remittances", "Remittances", [{ fileName: "remit.835", file: file.value }]);
    const result = await writeTable(simulator.excel, request);
    expect(result.ok).toBe(true);
    expectTextOnly(simulator);
  });

  describe("from a user's claims table whose payer and contract cells hold such text", () => {
    let hostileClaims: () => WorkbookSimulator;
    beforeAll(async () => {
      const planted = await plantedWorkbook(6);
      const claims = planted.snapshot.sheets.find((s) => s.name === "Claims")!;
      const payer = planted.headers.indexOf("Payer");
      const cells = claims.cells.map((row, r) => (r === 1 ? row.map((v, c) => (c === payer ? HOSTILE : v)) : row));
      const text = { address: `D2:D2`, format: "@" };
      const snapshot = {
        ...planted.snapshot,
        sheets: planted.snapshot.sheets.map((s) =>
          s === claims ? { ...s, cells, numberFormats: [...(s.numberFormats ?? []), text] } : s,
        ),
      };
      hostileClaims = () => new WorkbookSimulator(snapshot);
      expect(planted.headers[3]).toBe("Payer");
    });

    it("in the variance review's Summary and Worklist", async () => {
      const simulator = hostileClaims();
      const headers = (await simulator.excel.run(async (context) => {
        const header = context.workbook.tables.getItem("Claims").getHeaderRowRange().load("values");
        await context.sync();
        return header.values[0];
      })) as string[];
      const result = await runVarianceReview(simulator.excel, aReviewRequest(headers));
      expect(result.ok).toBe(true);
      expectTextOnly(simulator);
    });

    it("in the uplift model and the portfolio summary", async () => {
      const simulator = hostileClaims();
      const model = await buildUpliftModel(
        simulator.excel,
        aModelRequest({
          filters: { payers: [HOSTILE], contractNames: null, serviceDateFrom: null, serviceDateTo: null },
        }),
      );
      expect(model.ok).toBe(true);
      const portfolio = await buildPortfolioSummary(simulator.excel, aPortfolioRequest());
      expect(portfolio.ok).toBe(true);
      expectTextOnly(simulator);
    });
  });
});
