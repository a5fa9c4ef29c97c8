/**
 * Issue 10's fault matrix: every task-pane operation that writes, with a fault at each of its requests — Excel
 * refusing the request before applying any of it, applying all of it and then failing, or the user pressing Cancel
 * just before it. After each run the workbook (every sheet, cell, format, table, name, setting, conditional format
 * and chart) is exactly as it was before, or exactly as a clean run leaves it when the operation says it succeeded;
 * the message says which; and running it again without the fault succeeds.
 *
 * The contract editor's and the sharing tab's operations have their own matrices beside their specifications.
 */
import { readFileSync } from "fs";
import path from "path";
import { Decimal } from "../../../src/engine";
import { parseGpciCsv, parsePprrvuCsv } from "../../../src/formats/cmsPfs";
import { describeTableWriteIssue } from "../../../src/excel/core/tableWriteIssues";
import { writeTable } from "../../../src/excel/core/tableWriter";
import { describeMedicareImportIssue, writeMedicareSchedule } from "../../../src/excel/medicareSchedule";
import {
  describeScheduleWorkbookIssue,
  readScheduleWorkbookFile,
} from "../../../src/excel/payerSchedule/readScheduleWorkbookFile";
import { saveXlsx } from "../../../src/playground/xlsx";
import { describeHospitalImportIssue, writeDrgWeights, writeOppsRates } from "../../../src/excel/hospitalSchedule";
import { listOutpatientTerms, writeWageIndex } from "../../../src/excel/hospitalSchedule";
import { buildPortfolioSummary, describePortfolioIssue } from "../../../src/excel/sharing";
import { buildUpliftModel, describeUpliftModelIssue } from "../../../src/excel/upliftModel";
import { describeVarianceReviewIssue, runVarianceReview } from "../../../src/excel/varianceReview";
import { WorkbookSimulator, type WorkbookSnapshot } from "../../../src/playground/simulator";
import { brokenFaultCases, FAULT_MODES, type Operation } from "../../support/faults";
import { aFeeSchedule, usersWorkbook } from "../core/tableWriterBuilders";
import { excerptAddendumB, excerptDrgWeights, smallHospitalWorkbook } from "../hospitalSchedule/support";
import { aPortfolioRequest } from "../sharing/support";
import { aModelRequest } from "../upliftModel/support";
import { aReviewRequest, plantedWorkbook, type Planted } from "../varianceReview/support";

jest.setTimeout(900_000);

const NOW = () => new Date("2025-06-30T12:00:00Z");

/** An operation of the matrix, with the workbook it starts from and the requests a clean run sends. */
interface Case {
  readonly name: string;
  readonly make: () => Promise<WorkbookSimulator>;
  readonly operation: Operation;
  readonly requests: number;
}

let planted: Planted;
/** A payer's .xlsx schedule, base64-encoded as the task pane sends it: a rates sheet with a table, and a notes sheet. */
let payerXlsx: string;
beforeAll(async () => {
  planted = await plantedWorkbook(6);
  const payer = new WorkbookSimulator({
    sheets: [
      { name: "Rates", cells: [["HCPCS Code", "Non-Facility Rate"], ["00100", 120.5], ["99213", 91.23]], tables: [{ name: "Rates", address: "A1:B3" }] }, // prettier-ignore
      { name: "Claims", cells: [["a sheet named as one of the user's"]] },
    ],
  });
  payerXlsx = Buffer.from((await saveXlsx(payer)).bytes).toString("base64");
});

const fixture = (name: string) =>
  readFileSync(path.resolve(__dirname, "..", "..", "fixtures", "cms-pfs", name), "utf8");

function houstonSchedule() {
  const pprrvu = parsePprrvuCsv(fixture("pprrvu-2025-oct-excerpt.csv"));
  const gpci = parseGpciCsv(fixture("gpci-2025-excerpt.csv"));
  if (!pprrvu.ok || !gpci.ok) throw new Error("fixtures do not parse");
  return {
    sheetName: "Medicare 2025 Houston",
    tableName: "MPFS_2025_0441218",
    rows: pprrvu.value.rows,
    locality: gpci.value.localities.find((l) => l.localityKey === "04412-18")!,
    conversionFactor: new Decimal("32.3465"),
    year: 2025,
  };
}

/** The planted workbook after a first review, so that a re-run replaces its columns, Summary and Worklist. */
async function reviewedOnce(): Promise<WorkbookSimulator> {
  const simulator = new WorkbookSimulator(planted.snapshot);
  const first = await runVarianceReview(simulator.excel, aReviewRequest(planted.headers), { now: NOW });
  if (!first.ok) throw new Error(describeVarianceReviewIssue(first.issue));
  return simulator;
}

const fresh = (snapshot: () => WorkbookSnapshot) => async () => new WorkbookSimulator(snapshot());

const CASES: readonly Case[] = [
  {
    name: "reading a payer's .xlsx schedule through Excel (its sheets inserted, read and removed)",
    make: fresh(usersWorkbook),
    operation: async (excel, signal) => {
      const result = await readScheduleWorkbookFile(excel, { name: "Acme.xlsx", base64: payerXlsx }, { signal });
      return { ok: result.ok, message: result.ok ? "read" : describeScheduleWorkbookIssue(result.issue) };
    },
    // The sheets' look, the insert, the staging names, the used range, its values, the runner's look, the commit.
    requests: 7,
  },
  {
    name: "writing a fee schedule table to a new sheet",
    make: fresh(usersWorkbook),
    operation: async (excel, signal) => {
      const result = await writeTable(excel, aFeeSchedule(12), { signal, maxRowsPerRequest: 5 });
      return { ok: result.ok, message: result.ok ? "written" : describeTableWriteIssue(result.issue) };
    },
    requests: 7,
  },
  {
    name: "replacing a fee schedule sheet the user confirmed",
    make: fresh(usersWorkbook),
    operation: async (excel, signal) => {
      const result = await writeTable(excel, aFeeSchedule(4, { sheetName: "Notes", tableName: "Notes2026" }), {
        signal,
        replaceExisting: true,
      });
      return { ok: result.ok, message: result.ok ? "written" : describeTableWriteIssue(result.issue) };
    },
    requests: 5,
  },
  {
    name: "importing a Medicare schedule and registering it",
    make: fresh(usersWorkbook),
    operation: async (excel, signal) => {
      const result = await writeMedicareSchedule(excel, houstonSchedule(), { signal, maxRowsPerRequest: 6 });
      return { ok: result.ok, message: result.ok ? "imported" : describeMedicareImportIssue(result.issue) };
    },
    requests: 9,
  },
  {
    name: "building an uplift model",
    make: fresh(() => planted.snapshot),
    operation: async (excel, signal) => {
      const result = await buildUpliftModel(excel, aModelRequest(), { signal, now: NOW, maxRowsPerRequest: 10 });
      return { ok: result.ok, message: result.ok ? "built" : describeUpliftModelIssue(result.issue) };
    },
    requests: 13,
  },
  {
    name: "running a first variance review",
    make: fresh(() => planted.snapshot),
    operation: async (excel, signal) => {
      const result = await runVarianceReview(excel, aReviewRequest(planted.headers), {
        signal,
        now: NOW,
        maxRowsPerRequest: 10,
      });
      return { ok: result.ok, message: result.ok ? "reviewed" : describeVarianceReviewIssue(result.issue) };
    },
    requests: 15,
  },
  {
    name: "re-running a variance review over its earlier columns and sheets",
    make: reviewedOnce,
    operation: async (excel, signal) => {
      const request = aReviewRequest(planted.headers, {
        replaceExisting: true,
        tolerance: { amount: 5, fraction: 0.02, rule: "both" },
      });
      const result = await runVarianceReview(excel, request, { signal, now: NOW, maxRowsPerRequest: 10 });
      return { ok: result.ok, message: result.ok ? "reviewed" : describeVarianceReviewIssue(result.issue) };
    },
    requests: 15,
  },
  {
    name: "building the portfolio summary",
    make: fresh(() => planted.snapshot),
    operation: async (excel, signal) => {
      const result = await buildPortfolioSummary(excel, aPortfolioRequest(), { signal, now: NOW });
      return { ok: result.ok, message: result.ok ? "built" : describePortfolioIssue(result.issue) };
    },
    // The claims table is read once for the uplift, denial and recoverable figures (it was read three times: 17);
    // one more request looks up the Contract Performance sheet the summary links to.
    requests: 12,
  },
  {
    name: "importing a year of MS-DRG weights over that year's rows of MsDrgWeights",
    make: fresh(smallHospitalWorkbook),
    operation: async (excel, signal) => {
      const result = await writeDrgWeights(excel, excerptDrgWeights(), { signal, maxRowsPerRequest: 3 });
      return { ok: result.ok, message: result.ok ? "imported" : describeHospitalImportIssue(result.issue) };
    },
    // The table's look (3), writeTable's look, the staging sheet, 3 chunks of 3 rows, the runner's look, the commit.
    requests: 10,
  },
  {
    name: "importing an Addendum B quarter into a new OppsRates table",
    make: fresh(smallHospitalWorkbook),
    operation: async (excel, signal) => {
      const result = await writeOppsRates(excel, excerptAddendumB(), { signal, maxRowsPerRequest: 2 });
      return { ok: result.ok, message: result.ok ? "imported" : describeHospitalImportIssue(result.issue) };
    },
    requests: 7,
  },
  {
    name: "writing the wage index into two OutpatientTerms rows",
    make: fresh(smallHospitalWorkbook),
    operation: async (excel, signal) => {
      // The rows as the pane listed them earlier, from the same workbook: the fault is in the write's requests.
      const rows = await listOutpatientTerms(new WorkbookSimulator(smallHospitalWorkbook()).excel);
      if (!rows.ok) return { ok: false, message: describeHospitalImportIssue(rows.issue) };
      const result = await writeWageIndex(excel, new Decimal("0.9700"), rows.value, { signal });
      return { ok: result.ok, message: result.ok ? "written" : describeHospitalImportIssue(result.issue) };
    },
    // The table's look (2), the runner's look, the commit.
    requests: 4,
  },
];

describe("every writing operation, with a fault at every request", () => {
  it.each(CASES.map((c) => [c.name, c] as const))("%s ends as before or as a clean run", async (_name, c) => {
    const { cases, broken } = await brokenFaultCases(c.make, c.operation);
    expect(cases).toBe(c.requests * FAULT_MODES.length);
    expect(broken).toEqual([]);
  });
});
