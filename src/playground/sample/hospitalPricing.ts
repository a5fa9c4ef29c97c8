/**
 * Prices the sample's hospital claims through the engine, under the contracts as the workbook declares them (the
 * registry built from the sample's own tables), the way PAYER.INPATIENT_PAYMENT and PAYER.OUTPATIENT_PAYMENT do: a
 * stay without its revenue lines, an outpatient claim's terms by its first date of service. A planted underpayment is
 * the same claim priced under terms the payer got wrong (a declared kind below), so its amount is the engine's too.
 */
import { Decimal, findHospitalTerms, priceInpatientStay, priceOutpatientClaim, type Cents } from "../../engine";
import type { HospitalRegistry, InpatientStay, InpatientTerms, OutpatientLine, OutpatientTerms } from "../../engine";
import { HOSPITAL_TERMS } from "./hospitalContracts";

/** How a payer underpaid a planted stay: each kind is one mistake payers make on hospital contracts. */
export type InpatientKind = "case rate ignored" | "stop-loss ignored" | "prior-year base rate" | "covered day short";
/** How a payer underpaid a planted outpatient claim. */
export type OutpatientKind = "OPPS at 150%" | "implants at 40%";
/** Every planted mistake. */
export type PlantedKind = InpatientKind | OutpatientKind;

/** Last year's base rate, which a payer keeps paying after the contract's update. */
const PRIOR_YEAR_BASE_RATE = new Decimal(HOSPITAL_TERMS.baseRate - 500);
/** The OPPS percent and implant percent of the prior contract, which a payer keeps applying. */
const PRIOR_OPPS_PERCENT = new Decimal("1.5");
const PRIOR_IMPLANT_PERCENT = new Decimal("0.4");

/** The terms with another MS-DRG base rate (terms of another method are returned as they are). */
function withBaseRate(t: InpatientTerms, baseRate: Decimal): InpatientTerms {
  return t.method.kind === "ms-drg" ? { ...t, method: { ...t.method, baseRate } } : t;
}

/** The terms with another percent of OPPS. */
function withOppsPercent(t: OutpatientTerms, percent: Decimal): OutpatientTerms {
  return t.method.kind === "percent of opps" ? { ...t, method: { ...t.method, percent } } : t;
}

/** The terms with every percent-of-charges carve-out at another percent. */
function withCarveOutPercent(t: OutpatientTerms, percent: Decimal): OutpatientTerms {
  const carveOuts = t.carveOuts.map((c) =>
    c.method.kind === "percent of charges" ? { ...c, method: { ...c.method, percent } } : c,
  );
  return { ...t, carveOuts };
}

/** The mistaken terms of each planted kind, from the contract's terms. */
const INPATIENT_MISTAKES = {
  "case rate ignored": (t) => ({ ...t, caseRates: new Map() }),
  "stop-loss ignored": (t) => ({ ...t, stopLoss: null }),
  "prior-year base rate": (t) => withBaseRate(t, PRIOR_YEAR_BASE_RATE),
  // The payer covered one day fewer than the stay's dates: the terms are right, the stay is not (see stay() below).
  "covered day short": (t) => t,
} satisfies Record<InpatientKind, (terms: InpatientTerms) => InpatientTerms>;

const OUTPATIENT_MISTAKES = {
  "OPPS at 150%": (t) => withOppsPercent(t, PRIOR_OPPS_PERCENT),
  "implants at 40%": (t) => withCarveOutPercent(t, PRIOR_IMPLANT_PERCENT),
} satisfies Record<OutpatientKind, (terms: OutpatientTerms) => OutpatientTerms>;

/** What a stay is priced from (the fields PAYER.INPATIENT_PAYMENT takes). */
export type StayToPrice = Omit<InpatientStay, "revenueLines" | "coveredDays">;

/** Prices stays and outpatient claims under the workbook's hospital contracts; a failure is a bug of the sample. */
export interface HospitalPricer {
  stay(contractName: string, stay: StayToPrice, mistake?: InpatientKind): Cents;
  /** Each line's allowed amount, in line order. */
  outpatient(contractName: string, lines: readonly OutpatientLine[], mistake?: OutpatientKind): Cents[];
}

/** The pricer of a registry's hospital side. */
export function hospitalPricer(hospital: HospitalRegistry): HospitalPricer {
  return {
    stay(contractName, stay, mistake) {
      const version = findHospitalTerms(hospital.inpatientByName, contractName, stay.dischargeDate);
      if (version === undefined || !version.ok) throw new Error(`sample: no inpatient terms of ${contractName}`);
      const terms = mistake === undefined ? version.value.terms : INPATIENT_MISTAKES[mistake](version.value.terms);
      const days = Math.round((Date.parse(stay.dischargeDate) - Date.parse(stay.admitDate)) / 86_400_000);
      const coveredDays = mistake === "covered day short" ? days - 1 : null;
      const priced = priceInpatientStay({ ...stay, coveredDays, revenueLines: [] }, terms, hospital.drgTables);
      if (!priced.ok) throw new Error(`sample: stay not priced: ${JSON.stringify(priced.issue)}`);
      return priced.value.amount;
    },
    outpatient(contractName, lines, mistake) {
      const first = lines.reduce((date, l) => (l.serviceDate < date ? l.serviceDate : date), lines[0]!.serviceDate);
      const version = findHospitalTerms(hospital.outpatientByName, contractName, first);
      if (version === undefined || !version.ok) throw new Error(`sample: no outpatient terms of ${contractName}`);
      const terms = mistake === undefined ? version.value.terms : OUTPATIENT_MISTAKES[mistake](version.value.terms);
      const opps = { tables: hospital.oppsTables, wageIndex: version.value.wageIndex ?? new Decimal(1) };
      return priceOutpatientClaim(lines, terms, opps).lines.map((line) => {
        if (!line.result.ok) throw new Error(`sample: line not priced: ${JSON.stringify(line.result.issue)}`);
        return line.result.value.allowedAmount;
      });
    },
  };
}
