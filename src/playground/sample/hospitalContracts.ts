/**
 * The sample's hospital contracts (issue 14): Acme Health's agreement with Mercy General Hospital and its behavioral
 * health unit, as rows of the registry's hospital tables (InpatientTerms, InpatientCaseRates, InpatientPerDiemRates,
 * OutpatientTerms, RevenueCodeRates, InstitutionalCarveOuts) keyed by their declared headers, and the CMS tables
 * (MsDrgWeights, OppsRates) from the committed fixtures. The terms are realistic and use CMS's own worked examples
 * where DOMAIN.md 3.1 gives them (the per diem tiers, the $200,000 first-dollar stop-loss at 50% of charges).
 */
import type { CellInput } from "../simulator";
import type { ContractVersion } from "./contracts";
import { loadDrgWeights, loadOppsRates } from "./hospitalFixtures";

/** A row of a declared table, by column header. */
export type HospitalRow = Readonly<Record<string, CellInput>>;

export const HOSPITAL_PPO = "Acme Hospital PPO";
export const BEHAVIORAL = "Acme Behavioral Health";
export const HOSPITAL_PAYER = "Acme Health";

/** The hospital contracts' terms, for the generator's planted underpayments (the rows below are built from them). */
export const HOSPITAL_TERMS = {
  /** Contracted MS-DRG base rate, dollars per weight 1.0. */
  baseRate: 11500,
  /** DRG 470 (major hip and knee joint replacement) is paid a case rate instead of base rate x weight. */
  caseRateDrg: "470",
  caseRate: 24500,
  stopLossThreshold: 200000,
  stopLossPercent: 0.5,
  /** 165% of Medicare OPPS at the Houston wage index (CBSA 26420, FY2026 IPPS wage index file: 0.9538). */
  oppsPercent: 1.65,
  wageIndex: 0.9538,
  implantPercent: 0.45,
  labRatePerUnit: 22,
} as const;

const YEAR = { "Effective Start Date": "2025-01-01", "Effective End Date": "2025-12-31" } as const;

/**
 * The PayerContracts rows: a hospital contract names its payer and product there, and its Method says it has no
 * professional terms (its terms are the hospital tables' rows below), so a professional line priced under it is an
 * error value rather than an amount.
 */
export const hospitalContractVersions: readonly ContractVersion[] = [HOSPITAL_PPO, BEHAVIORAL].map((contractName) => ({
  contractName,
  payer: HOSPITAL_PAYER,
  product: "PPO",
  effectiveStartDate: "2025-01-01",
  effectiveEndDate: "2025-12-31",
  method: "none",
  percent: null,
  feeSchedule: null,
  medicareSchedule: null,
  lesserOf: false,
  defaultMethod: null,
  defaultPercent: null,
  multipleProcedureRule: "Medicare",
  termEndDate: "2025-12-31",
  renewalNoticeDate: "2025-09-30",
  autoRenew: true,
}));

const tiers = [
  [1, 3, 2000],
  [4, 5, 1800],
  [6, null, 1200],
] as const;

/** The hospital tables' rows, by table name, in the order the workbook shows them. */
export function hospitalTableRows(): Readonly<Record<string, readonly HospitalRow[]>> {
  const t = HOSPITAL_TERMS;
  return {
    InpatientTerms: [
      { "Contract Name": HOSPITAL_PPO, ...YEAR, "Inpatient Method": "MS-DRG", "Base Rate": t.baseRate, "Stop-Loss Type": "First dollar", "Stop-Loss Threshold": t.stopLossThreshold, "Stop-Loss Percent": t.stopLossPercent, "Transfer Reduction": "Exact" }, // prettier-ignore
      { "Contract Name": BEHAVIORAL, ...YEAR, "Inpatient Method": "Per Diem" },
    ],
    InpatientCaseRates: [{ "Contract Name": HOSPITAL_PPO, "MS-DRG": t.caseRateDrg, Rate: t.caseRate }],
    InpatientPerDiemRates: tiers.map(([fromDay, toDay, rate]) => ({ "Contract Name": BEHAVIORAL, "Level of Care": "Psychiatric", "Revenue Code From": "0114", "Revenue Code To": "0124", "From Day": fromDay, "To Day": toDay, Rate: rate })), // prettier-ignore
    OutpatientTerms: [
      { "Contract Name": HOSPITAL_PPO, ...YEAR, "Outpatient Method": "Percent of OPPS", Percent: t.oppsPercent, "Wage Index": t.wageIndex }, // prettier-ignore
      { "Contract Name": BEHAVIORAL, ...YEAR, "Outpatient Method": "Revenue Code Rates" },
    ],
    RevenueCodeRates: [
      { "Contract Name": BEHAVIORAL, "Revenue Code From": "0513", Rate: 140, Basis: "Per Visit" },
      { "Contract Name": BEHAVIORAL, "Revenue Code From": "0914", Rate: 135, Basis: "Per Unit" },
      { "Contract Name": BEHAVIORAL, "Revenue Code From": "0915", Rate: 65, Basis: "Per Unit" },
    ],
    InstitutionalCarveOuts: [
      { "Contract Name": HOSPITAL_PPO, "Code Type": "Revenue Code", "Code From": "0278", Method: "Percent of Charges", Percent: t.implantPercent }, // prettier-ignore
      { "Contract Name": HOSPITAL_PPO, "Code Type": "Revenue Code", "Code From": "0300", "Code To": "0319", Method: "Rate per Unit", Rate: t.labRatePerUnit }, // prettier-ignore
    ],
    MsDrgWeights: loadDrgWeights().map((r) => ({
      "MS-DRG": r.msDrg,
      "Fiscal Year": r.fiscalYear,
      Weight: Number(r.weight),
      GMLOS: Number(r.gmlos),
      AMLOS: Number(r.amlos),
      "Post-Acute": r.postAcute ? "Y" : "N",
      "Special Pay": r.specialPay ? "Y" : "N",
      Description: r.description,
    })),
    OppsRates: loadOppsRates().map((r) => ({
      "HCPCS Code": r.hcpcsCode,
      "Effective Start Date": r.effectiveStartDate,
      "Status Indicator": r.statusIndicator,
      APC: r.apc,
      "Relative Weight": r.relativeWeight === null ? null : Number(r.relativeWeight),
      "Payment Rate": r.paymentRate === null ? null : Number(r.paymentRate),
    })),
  };
}
