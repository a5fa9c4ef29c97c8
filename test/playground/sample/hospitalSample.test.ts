/**
 * The sample's hospital side (issue 14 item 4): the hospital contracts read by the registry without a problem, the
 * CMS rows it carries taken from the shared CMS files, a UB-04-shaped claims table of a few hundred stays and
 * outpatient claims, and the planted underpayments: every claim is re-priced here through the engine from the
 * table's own cells under the registry read from the workbook, and exactly the planted claims fall short, by the
 * planted amounts.
 */
import { Decimal } from "../../../src/engine/decimal";
import { findHospitalTerms, parseDischargeStatus, parseHcpcsCode, parseMsDrg, parseRevenueCode } from "../../../src/engine"; // prettier-ignore
import { priceInpatientStay, priceOutpatientClaim, type Cents, type IsoDate, type OutpatientLine } from "../../../src/engine"; // prettier-ignore
import { parseDrgWeightsCsv } from "../../../src/formats/cmsIpps";
import { parseAddendumBCsv } from "../../../src/formats/cmsOpps";
import { loadDrgWeights, loadOppsRates } from "../../../src/playground/sample/hospitalFixtures";
import {
  buildHospitalSheets,
  EXPECTED_FORMULA_HEADER,
  registryOfSheets,
} from "../../../src/playground/sample/hospitalSheets";
import { buildSampleWorkbook, SAMPLE_DEFAULT_SEED } from "../../../src/playground/sample/sampleWorkbook";
import { contractVersions } from "../../../src/playground/sample/contracts";
import type { CellInput, SheetSnapshot } from "../../../src/playground/simulator";
import { describeWithSharedData, readSharedData, SHARED_DATA } from "../../support/sharedData";
import { readFileSync } from "fs";
import path from "path";

const workbook = buildSampleWorkbook(SAMPLE_DEFAULT_SEED);
const sheet = (name: string): SheetSnapshot => workbook.sheets.find((s) => s.name === name)!;
const registry = registryOfSheets(workbook.sheets);
const planted = buildHospitalSheets(SAMPLE_DEFAULT_SEED, sheet("Contracts")).claims.planted;

/** The Hospital Claims table's rows, keyed by header (the formula column beside the table left out). */
function hospitalRows(): Record<string, CellInput>[] {
  const [header, ...rows] = sheet("Hospital Claims").cells;
  const width = header!.indexOf(null);
  return rows.map((row) => Object.fromEntries(header!.slice(0, width).map((h, i) => [String(h), row[i] ?? null])));
}
const rows = hospitalRows();
const claimsOf = (typeOfBill: string) => [...new Set(rows.filter((r) => r["Type of Bill"] === typeOfBill).map((r) => String(r["Claim ID"])))]; // prettier-ignore
const cents = (dollars: unknown) => Math.round(Number(dollars) * 100);
const ok = <T>(r: { ok: true; value: T } | { ok: false }): T => {
  if (!r.ok) throw new Error("expected a value");
  return r.value;
};

/** A stay's expected amount: the engine under the workbook's inpatient terms, from the stay's first row. */
function expectedStay(first: Record<string, CellInput>): number {
  const hospital = registry.registry.hospital!;
  const discharge = String(first["Discharge Date"]) as IsoDate;
  const terms = ok(findHospitalTerms(hospital.inpatientByName, String(first["Contract Name"]), discharge)!).terms;
  const stay = {
    drg: ok(parseMsDrg(first["MS-DRG"])),
    admitDate: String(first["Admit Date"]) as IsoDate,
    dischargeDate: discharge,
    totalCharges: cents(first["Total Charge Amount"]) as Cents,
    dischargeStatus: ok(parseDischargeStatus(first["Discharge Status"])),
    coveredDays: null,
    revenueLines: [],
  };
  return ok(priceInpatientStay(stay, terms, hospital.drgTables)).amount;
}

/** An outpatient claim's expected line amounts: the engine under the workbook's outpatient terms. */
function expectedVisit(lines: readonly Record<string, CellInput>[]): number[] {
  const hospital = registry.registry.hospital!;
  const date = String(lines[0]!["Service Date"]) as IsoDate;
  const version = ok(findHospitalTerms(hospital.outpatientByName, String(lines[0]!["Contract Name"]), date)!);
  const engineLines = lines.map((l, i): OutpatientLine => ({
    claimId: String(l["Claim ID"]),
    claimLineNumber: i + 1,
    revenueCode: ok(parseRevenueCode(l["Revenue Code"])),
    hcpcsCode: l["HCPCS Code"] === null ? null : ok(parseHcpcsCode(l["HCPCS Code"])),
    modifiers: [],
    units: new Decimal(Number(l["Service Unit Quantity"])),
    chargeAmount: cents(l["Charge Amount"]) as Cents,
    serviceDate: String(l["Service Date"]) as IsoDate,
  }));
  const opps = { tables: hospital.oppsTables, wageIndex: version.wageIndex ?? new Decimal(1) };
  return priceOutpatientClaim(engineLines, version.terms, opps).lines.map((l) => ok(l.result).allowedAmount);
}

/** Every claim the payer allowed less than the contract says, not denied: claim id and the shortfall in cents. */
function shortfalls(): Map<string, number> {
  const found = new Map<string, number>();
  for (const claimId of claimsOf("0111")) {
    const first = rows.find((r) => r["Claim ID"] === claimId)!;
    const short = expectedStay(first) - cents(first["Claim Allowed Amount"]);
    if (first["Denied Flag"] !== true && short !== 0) found.set(claimId, short);
  }
  for (const claimId of claimsOf("0131")) {
    const lines = rows.filter((r) => r["Claim ID"] === claimId);
    const expected = expectedVisit(lines);
    const short = lines.reduce((sum, l, i) => sum + (l["Denied Flag"] === true ? 0 : expected[i]! - cents(l["Allowed Amount"])), 0); // prettier-ignore
    if (short !== 0) found.set(claimId, short);
  }
  return found;
}

describe("the sample with its hospital side", () => {
  it("lists the two hospital contracts after the professional ones in PayerContracts", () => {
    const names = sheet("Contracts")
      .cells.slice(1)
      .map((row) => row[0]);
    expect(names).toEqual([...contractVersions.map((v) => v.contractName), "Acme Hospital PPO", "Acme Behavioral Health"]); // prettier-ignore
  });

  it("puts the Hospital Claims table at A1, its PAYER formulas beside it after one blank column", () => {
    const claims = sheet("Hospital Claims");
    const header = claims.cells[0]!;
    expect(claims.tables).toEqual([{ name: "HospitalClaims", address: `A1:V${claims.cells.length}` }]);
    // Room for the Variance review's 5 columns and one more blank column, then the formula column.
    expect(header.slice(21)).toEqual(["Denied Flag", null, null, null, null, null, null, EXPECTED_FORMULA_HEADER]);
  });
});

describe("the sample's hospital contracts", () => {
  it("are read by the registry without a single problem", () => {
    expect(registry.issues).toEqual([]);
  });

  it("name Acme Hospital PPO and Acme Behavioral Health in PayerContracts, with inpatient and outpatient terms", () => {
    const hospital = registry.registry.hospital!;
    expect([[...hospital.inpatientByName.keys()].length, [...hospital.outpatientByName.keys()].length]).toEqual([2, 2]); // prettier-ignore
  });

  it("carry the MS-DRG weights of FY2025 and FY2026 for every DRG the stays bill", () => {
    const weights = new Set(loadDrgWeights().map((w) => `${w.fiscalYear}|${w.msDrg}`));
    const fiscalYear = (discharge: string) => Number(discharge.slice(0, 4)) + (discharge.slice(5) >= "10-01" ? 1 : 0);
    const missing = rows.filter((r) => r["MS-DRG"] !== null && !weights.has(`${fiscalYear(String(r["Discharge Date"]))}|${r["MS-DRG"]}`)); // prettier-ignore
    expect(missing).toEqual([]);
  });
});

describeWithSharedData("the CMS rows of the hospital sample", () => {
  it("are the FY2025 and FY2026 pricer files' rows, value for value", () => {
    for (const year of [2025, 2026]) {
      const parsed = parseDrgWeightsCsv(readSharedData(`cms-ipps/ipps_drgstable_FY${year}_cms_pricer.csv`));
      const table = ok(parsed).table;
      for (const row of loadDrgWeights().filter((w) => w.fiscalYear === year)) {
        const cms = table.rows.get(row.msDrg as never)!;
        expect([row.msDrg, row.weight, row.gmlos, row.postAcute, row.specialPay]).toEqual([cms.drg, cms.weight.toString(), cms.geometricMeanLengthOfStay.toString(), cms.postAcuteTransfer, cms.specialPay]); // prettier-ignore
      }
    }
  });

  it("are Addendum B's January and October 2025 rows, value for value", () => {
    for (const [file, start] of [
      ["2025-01", "2025-01-01"],
      ["2025-10", "2025-10-01"],
    ] as const) {
      const bytes = new Uint8Array(readFileSync(path.join(SHARED_DATA!, `cms-opps/opps_addendum_b_${file}_section508.csv`))); // prettier-ignore
      const table = ok(parseAddendumBCsv(bytes, { label: file, effectiveStartDate: start as IsoDate })).table;
      for (const row of loadOppsRates().filter((r) => r.effectiveStartDate === start)) {
        const cms = table.rows.get(row.hcpcsCode as never)!;
        expect([row.statusIndicator, row.apc, row.paymentRate]).toEqual([cms.statusIndicator, cms.apc, cms.paymentRate?.toFixed(2) ?? null]); // prettier-ignore
      }
    }
  });
});

describe("the Hospital Claims table", () => {
  it("holds a few hundred stays and outpatient claims, one row per revenue line", () => {
    expect([claimsOf("0111").length, claimsOf("0131").length]).toEqual([140, 180]);
    expect(rows.length).toBeGreaterThan(900);
  });

  it("keeps the codes as text with their leading zeros: revenue code 0120, MS-DRG 065, discharge status 01", () => {
    expect(rows.every((r) => typeof r["Revenue Code"] === "string" && /^\d{4}$/.test(String(r["Revenue Code"])))).toBe(true); // prettier-ignore
    expect(rows.filter((r) => r["MS-DRG"] !== null).every((r) => /^\d{3}$/.test(String(r["MS-DRG"])))).toBe(true);
    expect(rows.filter((r) => r["Discharge Status"] !== null).every((r) => /^\d{2}$/.test(String(r["Discharge Status"])))).toBe(true); // prettier-ignore
  });

  it("gives every line its claim's total charges: the sum of the claim's line charges", () => {
    const wrong = [...claimsOf("0111"), ...claimsOf("0131")].filter((claimId) => {
      const lines = rows.filter((r) => r["Claim ID"] === claimId);
      return lines.some((l) => cents(l["Total Charge Amount"]) !== lines.reduce((s, x) => s + cents(x["Charge Amount"]), 0)); // prettier-ignore
    });
    expect(wrong).toEqual([]);
  });

  it("never pays more than it allows", () =>
    expect(rows.filter((r) => cents(r["Claim Paid Amount"]) > cents(r["Claim Allowed Amount"]))).toEqual([]));

  it("has stays over the $200,000 stop-loss threshold, a DRG 470 case rate stay and psychiatric per diem stays", () => {
    const stays = claimsOf("0111").map((id) => rows.find((r) => r["Claim ID"] === id)!);
    expect(stays.filter((s) => Number(s["Total Charge Amount"]) > 200_000).length).toBeGreaterThanOrEqual(2);
    expect(stays.some((s) => s["MS-DRG"] === "470")).toBe(true);
    expect(stays.some((s) => s["Contract Name"] === "Acme Behavioral Health")).toBe(true);
  });
});

describe("the planted underpayments", () => {
  const found = shortfalls();

  it("are every mistake the sample plants: case rate, stop-loss, base rate, covered day, OPPS percent, implants", () =>
    expect(new Set(planted.map((p) => p.kind)).size).toBe(6));

  it("are the only claims allowed less than the contract says, re-priced from the table's cells", () =>
    expect([...found.keys()].sort()).toEqual(planted.map((p) => p.claimId).sort()));

  it("fall short by the amounts planted", () =>
    expect(planted.map((p) => [p.claimId, found.get(p.claimId)])).toEqual(planted.map((p) => [p.claimId, p.expectedCents - p.allowedCents]))); // prettier-ignore
});
