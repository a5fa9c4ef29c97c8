/**
 * The playground's sample workbook: a Medicare schedule for one locality (Houston, TX, CY2025) registered in the
 * MedicareSchedules table, two payer contracts with carve-outs and a fee schedule, and about 3,000 professional claim
 * lines; and a hospital's side: two hospital contracts in the hospital tables, MS-DRG weights and OPPS rates, and
 * about 1,200 UB-04 revenue lines of inpatient stays and outpatient claims (hospitalSheets.ts), so that a hospital
 * finance team sees its own claims priced on first opening the playground. All built from the committed fixtures
 * (fixtures/SOURCES.md) so the playground runs from a clone alone. Pure and deterministic for a given seed.
 *
 * Conventions: dates are ISO text ("2025-01-01") in text-formatted cells, readable and unambiguous in any locale,
 * except the claims' Submitted Date and Paid Date, real dates (formatted yyyy-mm-dd) that formulas count by month;
 * codes, modifiers and places of service are text; money is computed in integer cents; percentages are fractions.
 */
import type { CellInput, WorkbookSnapshot } from "../simulator";
import { excelDay, FORMATS, tableSheet } from "./sheets";
import { loadCodeWeights, loadLocality, loadPlaceOfServiceMix, loadPprrvu } from "./fixtures";
import { familyLabel } from "./families";
import { mulberry32 } from "./prng";
import {
  ACME_SCHEDULE,
  MEDICARE_SCHEDULE,
  buildAcmeFeeSchedule,
  carveOuts,
  contractVersions,
  feeScheduleKey,
} from "./contracts";
import { generateClaims } from "./claims";
import { hospitalContractVersions } from "./hospitalContracts";
import { buildHospitalSheets } from "./hospitalSheets";
import { dateClaims } from "./claimDates";
import { authorizeClaims } from "./priorAuthorizations";
import { dollars } from "./money";
import { PROPOSALS_SPEC } from "../../excel/negotiation/proposalTable";

export { columnLetter } from "./sheets";

/**
 * The proposal Acme signed in mid-2025, which the Proposal Tracker sheet holds as Accepted with its effective date:
 * 5% on its top 20 codes from July 2025. Acme kept paying its 2025 fee schedule (and PayerContracts still holds it),
 * so the Contract Performance sheet shows every month from July below what the signed proposal modeled.
 */
export const PLANTED_SIGNED_PROPOSAL = {
  contractName: "Acme Health PPO",
  proposalName: "Signed: 5% on top 20",
  party: "Ours",
  date: "2025-05-20",
  kind: "Top-N uplift",
  upliftFraction: 0.05,
  topN: 20,
  termYears: 3,
  status: "Accepted",
  effectiveDate: "2025-07-01",
  notes: "Signed June 2025; Acme has not loaded the new rates yet.",
} as const;

export const SAMPLE_DEFAULT_SEED = 20250101;
export const SAMPLE_CLAIM_COUNT = 1200;

const { MONEY, PERCENT, TEXT, DATE } = FORMATS;

const text = (value: string): CellInput => (value === "" ? null : value);
const optional = (value: number | string | null): CellInput => value;

/**
 * Builds the sample workbook. The same seed gives the same workbook, cell for cell; the default seed is what the
 * playground loads.
 */
export function buildSampleWorkbook(seed: number = SAMPLE_DEFAULT_SEED): WorkbookSnapshot {
  const prng = mulberry32(seed);
  const medicare = loadPprrvu();
  const locality = loadLocality();
  const feeSchedule = buildAcmeFeeSchedule(medicare, locality, prng);
  const generated = generateClaims({
    medicare,
    locality,
    weights: loadCodeWeights(),
    placeOfServiceMix: loadPlaceOfServiceMix(),
    feeSchedule: new Map(feeSchedule.map((r) => [feeScheduleKey(r.hcpcsCode, r.modifier), r])),
    prng,
    claimCount: SAMPLE_CLAIM_COUNT,
  });
  const claims = authorizeClaims(dateClaims(generated, seed), seed);

  const claimsSheet = tableSheet(
    "Claims",
    "Claims",
    [
      { header: "Claim ID", value: (r) => r.claimId, format: TEXT },
      { header: "Claim Line Number", value: (r) => r.claimLineNumber },
      { header: "Service Date", value: (r) => r.serviceDate, format: TEXT },
      { header: "Payer", value: (r) => r.payer },
      { header: "Contract Name", value: (r) => r.contractName },
      { header: "HCPCS Code", value: (r) => r.hcpcsCode, format: TEXT },
      { header: "HCPCS Modifier 1", value: (r) => text(r.hcpcsModifier1), format: TEXT },
      { header: "HCPCS Modifier 2", value: (r) => text(r.hcpcsModifier2), format: TEXT },
      { header: "Service Unit Quantity", value: (r) => r.serviceUnitQuantity },
      { header: "Place of Service Code", value: (r) => r.placeOfServiceCode, format: TEXT },
      { header: "Charge Amount", value: (r) => dollars(r.chargeAmountCents), format: MONEY },
      { header: "Allowed Amount", value: (r) => dollars(r.allowedAmountCents), format: MONEY },
      { header: "Paid Amount", value: (r) => dollars(r.paidAmountCents), format: MONEY },
      { header: "Adjustment Codes", value: (r) => text(r.adjustmentCodes), format: TEXT },
      { header: "Denied Flag", value: (r) => r.deniedFlag },
      { header: "Submitted Date", value: (r) => excelDay(r.submittedDate), format: DATE },
      { header: "Paid Date", value: (r) => excelDay(r.paidDate), format: DATE },
      { header: "Prior Auth", value: (r) => text(r.priorAuthorizationNumber), format: TEXT },
    ],
    claims,
  );

  const contractsSheet = tableSheet(
    "Contracts",
    "PayerContracts",
    [
      { header: "Contract Name", value: (r) => r.contractName },
      { header: "Payer", value: (r) => r.payer },
      { header: "Product", value: (r) => r.product },
      { header: "Effective Start Date", value: (r) => r.effectiveStartDate, format: TEXT },
      { header: "Effective End Date", value: (r) => r.effectiveEndDate, format: TEXT },
      { header: "Method", value: (r) => r.method },
      { header: "Percent", value: (r) => optional(r.percent), format: PERCENT },
      { header: "Fee Schedule", value: (r) => optional(r.feeSchedule) },
      { header: "Medicare Schedule", value: (r) => optional(r.medicareSchedule) },
      { header: "Lesser Of", value: (r) => r.lesserOf },
      { header: "Default Method", value: (r) => optional(r.defaultMethod) },
      { header: "Default Percent", value: (r) => optional(r.defaultPercent), format: PERCENT },
      { header: "Multiple Procedure Rule", value: (r) => r.multipleProcedureRule },
      { header: "Term End Date", value: (r) => r.termEndDate, format: TEXT },
      { header: "Renewal Notice Date", value: (r) => r.renewalNoticeDate, format: TEXT },
      { header: "Auto Renew", value: (r) => r.autoRenew },
    ],
    [...contractVersions, ...hospitalContractVersions],
  );

  const carveOutSheet = tableSheet(
    "Carve-outs",
    "ContractCarveOuts",
    [
      { header: "Contract Name", value: (r) => r.contractName },
      { header: "HCPCS Code From", value: (r) => r.hcpcsCodeFrom, format: TEXT },
      { header: "HCPCS Code To", value: (r) => r.hcpcsCodeTo, format: TEXT },
      { header: "Method", value: (r) => r.method },
      { header: "Rate", value: (r) => (r.rateCents === null ? null : dollars(r.rateCents)), format: MONEY },
      { header: "Percent", value: (r) => optional(r.percent), format: PERCENT },
    ],
    carveOuts,
  );

  const feeScheduleSheet = tableSheet(
    "Acme Fee Schedule",
    ACME_SCHEDULE,
    [
      { header: "HCPCS Code", value: (r) => r.hcpcsCode, format: TEXT },
      { header: "Modifier", value: (r) => text(r.modifier), format: TEXT },
      { header: "Non-Facility Rate", value: (r) => dollars(r.nonFacilityCents), format: MONEY },
      { header: "Facility Rate", value: (r) => dollars(r.facilityCents), format: MONEY },
      { header: "Effective Start Date", value: (r) => r.effectiveStartDate, format: TEXT },
      { header: "Effective End Date", value: (r) => r.effectiveEndDate, format: TEXT },
    ],
    feeSchedule,
  );

  // Rates are live Excel formulas over their own row (A1 style), so the sheet reads right in Excel without the add-in.
  const medicareSheet = tableSheet(
    "Medicare 2025",
    MEDICARE_SCHEDULE,
    [
      { header: "HCPCS Code", value: (r) => r.hcpcsCode, format: TEXT },
      { header: "Modifier", value: (r) => text(r.modifier), format: TEXT },
      { header: "Description", value: (r) => (r.description !== "" ? r.description : familyLabel(r)) },
      { header: "Status Code", value: (r) => r.statusCode, format: TEXT },
      { header: "Work RVU", value: (r) => Number(r.workRvu), format: "0.00" },
      { header: "Non-Facility PE RVU", value: (r) => Number(r.nonFacilityPeRvu), format: "0.00" },
      { header: "Facility PE RVU", value: (r) => Number(r.facilityPeRvu), format: "0.00" },
      { header: "Malpractice RVU", value: (r) => Number(r.malpracticeRvu), format: "0.00" },
      { header: "PCTC Indicator", value: (r) => r.pctcIndicator },
      { header: "Global Days", value: (r) => r.globalDays, format: TEXT },
      { header: "Multiple Procedure Indicator", value: (r) => r.multipleProcedureIndicator },
      { header: "Bilateral Indicator", value: (r) => r.bilateralIndicator },
      { header: "Assistant Surgery Indicator", value: (r) => r.assistantSurgeryIndicator },
      { header: "Co-Surgery Indicator", value: (r) => r.coSurgeryIndicator },
      { header: "Work GPCI", value: () => Number(locality.workGpci), format: "0.000" },
      { header: "PE GPCI", value: () => Number(locality.peGpci), format: "0.000" },
      { header: "Malpractice GPCI", value: () => Number(locality.malpracticeGpci), format: "0.000" },
      { header: "Conversion Factor", value: (r) => Number(r.conversionFactor), format: "0.0000" },
      {
        header: "Non-Facility Rate",
        // Exact half-up to cents, as the Medicare import writes it (see src/excel/medicareSchedule/scheduleColumns.ts).
        value: (_, n) => `=ROUND(ROUND((E${n}*O${n}+F${n}*P${n}+H${n}*Q${n})*R${n}*100,7),0)/100`,
        format: MONEY,
      },
      {
        header: "Facility Rate",
        value: (_, n) => `=ROUND(ROUND((E${n}*O${n}+G${n}*P${n}+H${n}*Q${n})*R${n}*100,7),0)/100`,
        format: MONEY,
      },
    ],
    medicare,
  );

  // Registers MPFS_2025 with the locality its GPCIs are for, so PAYER.MEDICARE_RATE(code, "04412-18") finds it.
  const medicareSchedulesSheet = tableSheet(
    "Medicare Schedules",
    "MedicareSchedules",
    [
      { header: "Schedule Table", value: () => MEDICARE_SCHEDULE },
      { header: "Year", value: () => 2025 },
      { header: "Locality", value: () => `${locality.mac}-${locality.localityNumber}`, format: TEXT },
      { header: "Locality Name", value: () => `${locality.localityName}, ${locality.state}` },
      { header: "Effective Start Date", value: () => "2025-01-01", format: TEXT },
      { header: "Effective End Date", value: () => "2025-12-31", format: TEXT },
    ],
    [null],
  );

  type ProposalField = keyof typeof PROPOSALS_SPEC.columns;
  const proposalFormats: Partial<Record<ProposalField, string>> = { date: TEXT, effectiveDate: TEXT, upliftFraction: PERCENT, notes: TEXT }; // prettier-ignore
  const proposalsSheet = tableSheet(
    "Proposal Tracker",
    PROPOSALS_SPEC.title,
    (Object.keys(PROPOSALS_SPEC.columns) as ProposalField[]).map((field) => ({
      header: PROPOSALS_SPEC.columns[field].header,
      value: (r: Partial<Record<ProposalField, string | number>>) => r[field] ?? null,
      format: proposalFormats[field],
    })),
    [PLANTED_SIGNED_PROPOSAL],
  );

  const hospitalSheets = buildHospitalSheets(seed, contractsSheet).sheets;

  return {
    sheets: [
      claimsSheet,
      contractsSheet,
      carveOutSheet,
      feeScheduleSheet,
      medicareSheet,
      medicareSchedulesSheet,
      proposalsSheet,
      ...hospitalSheets,
    ],
    activeSheet: "Claims",
    names: [
      {
        name: "MedicareLocality",
        formula: `="${locality.mac}-${locality.localityNumber} ${locality.localityName}, ${locality.state}"`,
      },
    ],
  };
}
