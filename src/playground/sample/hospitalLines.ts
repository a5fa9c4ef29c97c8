/**
 * The shape of the sample's hospital claims: one row per UB-04 revenue line (form locators 4 type of bill, 6 statement
 * period, 12 admission date, 17 discharge status, 42 revenue code, 44 HCPCS, 45 service date, 46 units, 47 charges)
 * with the claim's MS-DRG and totals on every line, and what the payer allowed and paid. Money in cents.
 */
import type { PlantedKind } from "./hospitalPricing";

/** UB-04 types of bill the sample uses: hospital inpatient and hospital outpatient, admit-through-discharge claims. */
export const TYPE_OF_BILL = { inpatient: "0111", outpatient: "0131" } as const;

/** One revenue line of a hospital claim. */
export interface HospitalClaimLine {
  claimId: string;
  claimLineNumber: number;
  typeOfBill: string;
  payer: string;
  contractName: string;
  /** Inpatient only: admission and discharge dates, MS-DRG and discharge status (null on outpatient lines). */
  admitDate: string | null;
  dischargeDate: string | null;
  msDrg: string | null;
  dischargeStatus: string | null;
  revenueCode: string;
  hcpcsCode: string | null;
  hcpcsModifier1: string | null;
  serviceDate: string;
  serviceUnitQuantity: number;
  chargeAmountCents: number;
  totalChargeAmountCents: number;
  /** Outpatient lines are allowed and paid line by line; a stay is paid as a whole, so its lines carry null. */
  allowedAmountCents: number | null;
  paidAmountCents: number | null;
  claimAllowedAmountCents: number;
  claimPaidAmountCents: number;
  adjustmentCodes: string;
  deniedFlag: boolean;
}

/** A claim the payer underpaid on purpose in the sample, with the engine's amounts for it. */
export interface PlantedUnderpayment {
  claimId: string;
  kind: PlantedKind;
  /** What the contract says (the engine under the workbook's terms). */
  expectedCents: number;
  /** What the payer allowed (the engine under the mistaken terms of `kind`). */
  allowedCents: number;
}

/** A revenue line before pricing: what the hospital billed. */
export interface BilledLine {
  revenueCode: string;
  hcpcsCode: string | null;
  units: number;
  chargeCents: number;
}

/** The hospital claims of the sample and the underpayments planted in them. */
export interface HospitalClaims {
  lines: HospitalClaimLine[];
  planted: PlantedUnderpayment[];
}

/** Days since 2025-01-01 as ISO text. */
export function isoDay2025(day: number): string {
  return new Date(Date.UTC(2025, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}
