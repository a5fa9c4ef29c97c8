/**
 * The batch inpatient pricer (priceStays.ts) prices stays alike once and lets the charges in afterwards: it must
 * give, stay for stay, what priceInpatientStay gives, across every term that reads the charges.
 */
import { Decimal } from "../../../src/engine/decimal";
import type { MsDrg } from "../../../src/engine/inpatient/msDrg";
import { priceInpatientStay } from "../../../src/engine/inpatient/priceStay";
import { priceInpatientStays } from "../../../src/engine/inpatient/priceStays";
import type { InpatientStay } from "../../../src/engine/inpatient/stay";
import type { InpatientTerms } from "../../../src/engine/inpatient/terms";
import type { IsoDate } from "../../../src/engine/isoDate";
import type { Cents } from "../../../src/engine/money";
import { describeWithSharedData } from "../../support/sharedData";
import { aLevel, aStay, date, dollars, realDrgTables, someTerms, status, tiers } from "./builders";

let seed = 11;
const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;

/** 3,000 stays of a few DRGs around the fiscal year change, some transfers, charges from $500 to $400,000. */
function randomStays(): InpatientStay[] {
  const drgs = ["470", "291", "029", "871", "998", "392"] as MsDrg[];
  const day = (n: number) => new Date(Date.UTC(2025, 8, n)).toISOString().slice(0, 10) as IsoDate;
  return Array.from({ length: 3_000 }, () => {
    const admit = 1 + Math.floor(next() * 40);
    return aStay({
      drg: pick(drgs),
      admitDate: day(admit),
      dischargeDate: day(admit + Math.floor(next() * 9)),
      totalCharges: Math.floor(50_000 + next() * 40_000_000) as Cents,
      dischargeStatus: pick([null, status("01"), status("02"), status("03"), status("06")]),
      coveredDays: pick([null, null, null, 4]),
    });
  });
}

const termsCases: [string, Partial<InpatientTerms>][] = [
  ["MS-DRG with lesser-of", { lesserOf: true }],
  ["MS-DRG with a first-dollar stop-loss", { stopLoss: { kind: "first dollar", threshold: dollars(200_000), percent: new Decimal("0.5") } }], // prettier-ignore
  ["MS-DRG with a second-dollar stop-loss and lesser-of", { lesserOf: true, stopLoss: { kind: "second dollar", threshold: dollars(150_000), percent: new Decimal("0.45") } }], // prettier-ignore
  ["MS-DRG with an outlier term", { outlier: { fixedLossThreshold: dollars(40_397), percent: new Decimal("0.8") } }], // prettier-ignore
  ["a case rate for DRG 470 and the CMS pricer's transfer arithmetic", { caseRates: new Map([["470" as MsDrg, { drg: "470" as MsDrg, rate: new Decimal("20000"), sourceRowNumber: 5 }]]), transferReduction: "cms pricer" }], // prettier-ignore
  ["per diem by day tiers", { method: { kind: "per diem", levels: [aLevel("Behavioral", "0124", "0124", tiers([1, 3, "2000"], [4, 5, "1800"], [6, null, "1200"]))] } }], // prettier-ignore
  ["percent of charges", { method: { kind: "percent of charges", percent: new Decimal("0.55") }, lesserOf: true }],
];

describeWithSharedData("pricing many stays at once", () => {
  const tables = realDrgTables();
  const stays = randomStays();

  it.each(termsCases)("gives stay for stay what priceInpatientStay gives: %s", (_what, overrides) => {
    const terms = someTerms(overrides);
    const batch = priceInpatientStays(stays, terms, tables);
    const oneByOne = stays.map((stay) => {
      const priced = priceInpatientStay(stay, terms, tables);
      return priced.ok ? priced.value.amount : priced.issue.code;
    });
    const batched = stays.map((_, i) => batch.issues.get(i)?.code ?? batch.allowedAmount[i]);

    expect(batched).toEqual(oneByOne);
  });

  it("prices stays whose dates are not ISO text each as priceInpatientStay does", () => {
    const terms = someTerms({ lesserOf: true });
    const slashed = [
      aStay({ admitDate: date("2025/09/28"), dischargeDate: date("2025/10/02") }),
      aStay({ admitDate: date("2025/02/27"), dischargeDate: date("2025/03/02") }),
    ];
    const batch = priceInpatientStays(slashed, terms, tables);
    const oneByOne = slashed.map((stay) => {
      const priced = priceInpatientStay(stay, terms, tables);
      return priced.ok ? priced.value.amount : priced.issue.code;
    });

    expect([...batch.allowedAmount]).toEqual(oneByOne);
  });

  it("prices stays alike but for their charges once: one decimal pricing per distinct stay", () => {
    const batch = priceInpatientStays(stays, someTerms({ lesserOf: true }), tables);
    const distinct = new Set(stays.map((s) => [s.drg, s.admitDate, s.dischargeDate, s.dischargeStatus, s.coveredDays].join("|"))); // prettier-ignore
    expect(distinct.size).toBeLessThan(stays.length);
    expect(batch.decimalPricings).toBe(distinct.size);
  });
});
