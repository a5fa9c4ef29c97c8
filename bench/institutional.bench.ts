// Hospital pricing over 1,000,000 claims (issue 14: "inpatient and outpatient pricing over 1,000,000 claims/lines
// within the professional budgets", i.e. at least 2,000,000 lines/s, ARCHITECTURE.md s.9), on CMS's real FY2025/
// FY2026 MS-DRG weights and CY2025 Addendum B, each through its keyed batch path (priceInpatientStays,
// priceOutpatientLines), beside the claim-by-claim pricing with full traces for scale.
import { readFileSync } from "fs";
import path from "path";
import {
  Decimal,
  priceInpatientStay,
  priceInpatientStays,
  priceOutpatientClaims,
  priceOutpatientLines,
} from "../src/engine";
import type { Cents, HcpcsCode, InpatientStay, InpatientTerms, IsoDate, Modifier, MsDrg } from "../src/engine";
import type { OppsPricingData, OutpatientLine, OutpatientTerms, RevenueCode } from "../src/engine";
import { parseDrgWeightsCsv } from "../src/formats/cmsIpps";
import { parseAddendumBCsv } from "../src/formats/cmsOpps";
import { readSharedData, SHARED_DATA } from "../test/support/sharedData";
import { measure } from "./measure";
import { next, pick } from "./syntheticClaims";

const STAYS = 1_000_000;
const OUTPATIENT_LINES = 1_000_000;
const MIN_LINES_PER_SECOND = 2_000_000;

function inpatient(): void {
  const tables = (["2025", "2026"] as const).map((year) => {
    const parsed = parseDrgWeightsCsv(readSharedData(`cms-ipps/ipps_drgstable_FY${year}_cms_pricer.csv`));
    if (!parsed.ok) throw new Error(`FY${year} weights not read`);
    return parsed.value.table;
  });
  const drgs = ["470", "291", "871", "392", "194", "690", "603", "065", "378", "312"] as MsDrg[];
  const terms: InpatientTerms = {
    contractName: "Bench Hospital PPO",
    method: { kind: "ms-drg", baseRate: new Decimal("11250.00") },
    caseRates: new Map(),
    stopLoss: { kind: "second dollar", threshold: 15_000_000 as Cents, percent: new Decimal("0.5") },
    outlier: null,
    transferReduction: "exact",
    lesserOf: true,
    sourceRowNumber: 2,
  };
  const stays: InpatientStay[] = Array.from({ length: STAYS }, () => {
    const admit = 1 + Math.floor(next() * 300);
    const los = 1 + Math.floor(next() * 8);
    const day = (n: number) => new Date(Date.UTC(2025, 0, n)).toISOString().slice(0, 10) as IsoDate;
    return {
      drg: pick(drgs),
      admitDate: day(admit),
      dischargeDate: day(admit + los),
      // Most stays $5,000-$80,000; about 2% above the $150,000 stop-loss threshold.
      totalCharges: Math.floor(
        next() < 0.02 ? 15_000_000 + next() * 30_000_000 : 500_000 + next() * 7_500_000,
      ) as Cents,
      dischargeStatus: null,
      coveredDays: null,
      revenueLines: [],
    };
  });
  const oneByOne = () => {
    let total = 0;
    for (const stay of stays.slice(0, STAYS / 10)) {
      const priced = priceInpatientStay(stay, terms, tables);
      if (priced.ok) total += priced.value.amount;
    }
    return total;
  };
  measure(`priceInpatientStay one by one, ${(STAYS / 10).toLocaleString("en-US")} stays (with traces)`, oneByOne, {
    runs: 3,
  });
  const timed = measure(
    `priceInpatientStays, ${STAYS.toLocaleString("en-US")} MS-DRG stays (stop-loss, lesser-of)`,
    () => priceInpatientStays(stays, terms, tables),
    { runs: 5 },
  );
  const perSecond = STAYS / (timed.medianMs / 1000);
  console.log(
    `  ${Math.round(perSecond).toLocaleString("en-US")} stays/s (budget >= 2,000,000) ${perSecond >= MIN_LINES_PER_SECOND ? "ok" : "OVER"}`,
  );
}

function outpatient(): void {
  const file = path.join(SHARED_DATA!, "cms-opps", "opps_addendum_b_2025-01_section508.csv");
  const parsed = parseAddendumBCsv(new Uint8Array(readFileSync(file)), {
    label: "Addendum B 2025-01",
    effectiveStartDate: "2025-01-01" as IsoDate,
  });
  if (!parsed.ok) throw new Error("Addendum B not read");
  const opps: OppsPricingData = { tables: [parsed.value.table], wageIndex: new Decimal("1.0312") };
  const terms: OutpatientTerms = {
    contractName: "Bench Hospital PPO",
    method: { kind: "percent of opps", percent: new Decimal("1.45") },
    lesserOf: true,
    revenueCodeRates: [],
    carveOuts: [],
    sourceRowNumber: 2,
  };
  // Emergency visits with infusions, EKGs and drugs; a few surgical claims (J1, T procedures, packaged supplies).
  // Codes this engine prices: composite imaging (Q3) and conditionally packaged labs (Q4) are issues it reports.
  const services: [string, string | null][] = [
    ["0450", "99284"], ["0450", "99283"], ["0260", "96374"], ["0730", "93005"], ["0636", "J2405"],
    ["0360", "20610"], ["0360", "10060"], ["0360", "27447"], ["0360", "29881"], ["0270", null], ["0510", "G0463"],
  ]; // prettier-ignore
  const lines: OutpatientLine[] = [];
  let claim = 0;
  while (lines.length < OUTPATIENT_LINES) {
    claim++;
    const size = 1 + Math.floor(next() * 5);
    // Any day of the first quarter: the batch key counts days from the claim's first line, not dates.
    const serviceDate = new Date(Date.UTC(2025, 0, 1 + Math.floor(next() * 90))).toISOString().slice(0, 10) as IsoDate;
    for (let k = 0; k < size; k++) {
      const [revenueCode, hcpcsCode] = pick(services);
      lines.push({
        claimId: `C${claim}`,
        claimLineNumber: k + 1,
        revenueCode: revenueCode as RevenueCode,
        hcpcsCode: hcpcsCode as HcpcsCode | null,
        modifiers: [] as Modifier[],
        units: new Decimal(1),
        chargeAmount: Math.floor(10_000 + next() * 500_000) as Cents,
        serviceDate,
      });
    }
  }
  measure(
    `priceOutpatientClaims claim by claim, ${Math.floor(lines.length / 10).toLocaleString("en-US")} lines (with traces)`,
    () => priceOutpatientClaims(lines.slice(0, Math.floor(lines.length / 10)), terms, opps),
    { runs: 3 },
  );
  const timed = measure(
    `priceOutpatientLines, ${lines.length.toLocaleString("en-US")} lines (${claim.toLocaleString("en-US")} claims)`,
    () => priceOutpatientLines(lines, terms, opps),
    { runs: 5 },
  );
  const perSecond = lines.length / (timed.medianMs / 1000);
  console.log(
    `  ${Math.round(perSecond).toLocaleString("en-US")} lines/s (budget >= 2,000,000) ${perSecond >= MIN_LINES_PER_SECOND ? "ok" : "OVER"}`,
  );
}

if (SHARED_DATA === null) console.log("skipped: ../shared/data not found beside the repository");
else {
  inpatient();
  outpatient();
}
