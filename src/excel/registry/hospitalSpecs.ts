/**
 * Every hospital table of the registry (issue 14), in README order: the terms, their rate tables, then the CMS tables
 * they price against. The registry reader reads them with its own tables, in the same round trip.
 */
import {
  INPATIENT_CASE_RATES_SPEC,
  INPATIENT_PER_DIEM_RATES_SPEC,
  INSTITUTIONAL_CARVE_OUTS_SPEC,
  MS_DRG_WEIGHTS_SPEC,
  OPPS_RATES_SPEC,
  REVENUE_CODE_RATES_SPEC,
} from "./hospitalRateTables";
import { INPATIENT_TERMS_SPEC, OUTPATIENT_TERMS_SPEC } from "./hospitalTermsTables";

/** The hospital tables, in README order. */
export const HOSPITAL_TABLE_SPECS = [
  INPATIENT_TERMS_SPEC,
  INPATIENT_CASE_RATES_SPEC,
  INPATIENT_PER_DIEM_RATES_SPEC,
  OUTPATIENT_TERMS_SPEC,
  REVENUE_CODE_RATES_SPEC,
  INSTITUTIONAL_CARVE_OUTS_SPEC,
  MS_DRG_WEIGHTS_SPEC,
  OPPS_RATES_SPEC,
] as const;

/** The names of the hospital tables. */
export const HOSPITAL_TABLE_NAMES: readonly string[] = HOSPITAL_TABLE_SPECS.map((spec) => spec.title);
