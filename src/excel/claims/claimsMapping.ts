/**
 * The column mapping of a user's claims table (ARCHITECTURE.md s.3): which column holds the code, the amount, the
 * units, the billed charge... The user confirms it once per table; it is stored in the workbook's settings (keyed by
 * table name), so it travels with the workbook and every feature that reads claims (uplift model, variances,
 * denials) reads them the same way.
 */
import { z } from "zod";
import { fail, ok, type Result } from "../../engine";
import type { ExcelGateway } from "../core/excelGateway";
import { storeSetting, type CommitStep } from "../core/operation";

/** The fields a claims table can map, in Tuva words (STYLE.md vocabulary). */
export const CLAIMS_FIELDS = [
  "hcpcsCode",
  "amount",
  "units",
  "chargeAmount",
  "payer",
  "contractName",
  "serviceDate",
  "hcpcsModifier1",
  "hcpcsModifier2",
  "placeOfServiceCode",
  "claimId",
  "adjustmentCodes",
  "allowedAmount",
  "paidAmount",
  "patientResponsibilityAmount",
  "deniedFlag",
] as const;
/** One of {@link CLAIMS_FIELDS}. */
export type ClaimsField = (typeof CLAIMS_FIELDS)[number];

/** A claims table's mapping: the header of the column holding each field, or null where the table has none. */
export type ClaimsMapping = { readonly [F in ClaimsField]: string | null };

/** How each field is shown and which headers suggest it (normalised: lower case, letters and digits only). */
export const CLAIMS_FIELD_SPECS: {
  readonly [F in ClaimsField]: {
    readonly label: string;
    readonly synonyms: readonly string[];
    /** May be suggested a column another field already has (allowed as both the amount and the allowed amount). */
    readonly sharesColumn?: true;
  };
} = {
  hcpcsCode: {
    label: "HCPCS/CPT code",
    synonyms: ["hcpcscode", "hcpcs", "cpt", "cptcode", "cpthcpcs", "hcpcscpt", "procedurecode", "proccode", "code"],
  },
  // Allowed first: it is the contractual rate a negotiation moves (paid nets out patient shares and denials).
  amount: {
    label: "Amount (allowed or paid)",
    synonyms: ["allowedamount", "allowed", "allowedamt", "contractualallowed", "paidamount", "paid", "payment"],
  },
  units: {
    label: "Units",
    synonyms: ["serviceunitquantity", "units", "unit", "serviceunits", "qty", "quantity", "unitsbilled"],
  },
  chargeAmount: {
    label: "Billed charge",
    synonyms: ["chargeamount", "charges", "charge", "billed", "billedamount", "billedcharges", "totalcharges"],
  },
  payer: { label: "Payer", synonyms: ["payer", "payor", "payername", "payorname", "insurance", "plan"] },
  contractName: { label: "Contract", synonyms: ["contractname", "contract", "contractid"] },
  serviceDate: {
    label: "Service date",
    synonyms: ["servicedate", "dateofservice", "dos", "servicefromdate", "fromdate", "claimstartdate"],
  },
  hcpcsModifier1: { label: "Modifier 1", synonyms: ["hcpcsmodifier1", "modifier1", "mod1", "modifier", "mod"] },
  hcpcsModifier2: { label: "Modifier 2", synonyms: ["hcpcsmodifier2", "modifier2", "mod2"] },
  placeOfServiceCode: {
    label: "Place of service",
    synonyms: ["placeofservicecode", "placeofservice", "pos", "poscode"],
  },
  claimId: { label: "Claim ID", synonyms: ["claimid", "claimnumber", "claimno", "claim", "icn"] },
  adjustmentCodes: {
    label: "Adjustment codes",
    synonyms: ["adjustmentcodes", "adjustmentreasoncode", "adjustmentreasoncodes", "carc", "denialcode", "reasoncodes"],
  },
  // The variance review compares the allowed amount (AMT*B6), else paid + patient responsibility (DOMAIN.md 0.5).
  allowedAmount: {
    label: "Allowed amount",
    synonyms: ["allowedamount", "allowed", "allowedamt", "contractualallowed"],
    sharesColumn: true,
  },
  paidAmount: { label: "Paid amount", synonyms: ["paidamount", "paid", "payment", "paidamt"], sharesColumn: true },
  patientResponsibilityAmount: {
    label: "Patient responsibility",
    synonyms: ["patientresponsibilityamount", "patientresponsibility", "patientshare", "patientamount", "pramount"],
  },
  deniedFlag: { label: "Denied flag", synonyms: ["deniedflag", "denied", "denialflag", "isdenied"] },
};

const normalise = (header: string): string => header.toLowerCase().replace(/[^a-z0-9]/g, "");

/**
 * The mapping suggested by a table's headers: for each field, the first synonym (in order of preference) that a
 * header matches once case, spaces and punctuation are ignored ("CPT", "Mod 1", "Billed", "POS"). A column is
 * suggested for one field at most, except that the allowed and paid amounts may also be the amount; a field no
 * header matches is null.
 * @example suggestClaimsMapping(["CPT", "Units", "Billed", "Allowed"]).chargeAmount // "Billed"
 */
export function suggestClaimsMapping(headers: readonly string[]): ClaimsMapping {
  const taken = new Set<string>();
  const byKey = new Map<string, string>();
  for (const header of headers) if (!byKey.has(normalise(header))) byKey.set(normalise(header), header);
  const mapping = {} as Record<ClaimsField, string | null>;
  for (const field of CLAIMS_FIELDS) {
    const { synonyms, sharesColumn = false } = CLAIMS_FIELD_SPECS[field];
    const header = synonyms.map((s) => byKey.get(s)).find((h) => h !== undefined && (sharesColumn || !taken.has(h)));
    mapping[field] = header ?? null;
    if (header !== undefined && !sharesColumn) taken.add(header);
  }
  return mapping;
}

/** The settings key of a table's mapping; table names are case-insensitive in Excel, so the key is lower case. */
export function claimsMappingSettingKey(tableName: string): string {
  return `payerContracts.claimsMapping.${tableName.toLowerCase()}`;
}

const storedMappingSchema = z.object({
  version: z.literal(1),
  tableName: z.string(),
  columns: z.object(
    Object.fromEntries(CLAIMS_FIELDS.map((field) => [field, z.string().min(1).nullable().default(null)])) as {
      [F in ClaimsField]: z.ZodDefault<z.ZodNullable<z.ZodString>>;
    },
  ),
});

/** Why a stored mapping cannot be used, or a mapping cannot be checked against its table. */
export type ClaimsMappingIssue =
  | { readonly code: "mappingUnreadable"; readonly tableName: string; readonly detail: string }
  | { readonly code: "mappingFieldMissing"; readonly tableName: string; readonly field: ClaimsField }
  | {
      readonly code: "mappingColumnMissing";
      readonly tableName: string;
      readonly field: ClaimsField;
      readonly column: string;
    };

/** The message a finance user reads for a mapping issue. */
export function describeClaimsMappingIssue(issue: ClaimsMappingIssue): string {
  switch (issue.code) {
    case "mappingUnreadable":
      return `The saved column mapping of table ${issue.tableName} cannot be read (${issue.detail}); confirm the mapping again.`;
    case "mappingFieldMissing":
      return `Table ${issue.tableName}: choose the column that holds the ${CLAIMS_FIELD_SPECS[issue.field].label.toLowerCase()}.`;
    case "mappingColumnMissing":
      return `Table ${issue.tableName} has no column "${issue.column}" any more (mapped as ${CLAIMS_FIELD_SPECS[issue.field].label.toLowerCase()}); confirm the mapping again.`;
  }
}

/**
 * Checks that `mapping` gives every `required` field and that each mapped column exists in `headers`
 * (compared as Excel compares headers: case-insensitively).
 */
export function checkClaimsMapping(
  tableName: string,
  mapping: ClaimsMapping,
  headers: readonly string[],
  required: readonly ClaimsField[],
): Result<ClaimsMapping, ClaimsMappingIssue> {
  for (const field of required)
    if (mapping[field] === null) return fail({ code: "mappingFieldMissing", tableName, field });
  const known = new Set(headers.map((h) => h.toLowerCase()));
  for (const field of CLAIMS_FIELDS) {
    const column = mapping[field];
    if (column !== null && !known.has(column.toLowerCase())) {
      return fail({ code: "mappingColumnMissing", tableName, field, column });
    }
  }
  return ok(mapping);
}

/**
 * Reads the mapping saved for a table: null when none was saved, an issue when what is stored is not a mapping
 * (edited by hand, or written by a newer version). Office errors reject unchanged.
 */
export async function readClaimsMapping(
  excel: ExcelGateway,
  tableName: string,
): Promise<Result<ClaimsMapping | null, ClaimsMappingIssue>> {
  const stored = await excel.run(async (context) => {
    const setting = context.workbook.settings.getItemOrNullObject(claimsMappingSettingKey(tableName));
    setting.load("value");
    await context.sync();
    return setting.isNullObject ? undefined : (setting.value as unknown);
  });
  if (stored === undefined) return ok(null);
  const parsed = storedMappingSchema.safeParse(stored);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const detail = first === undefined ? "unknown shape" : `${first.path.join(".") || "value"}: ${first.message}`;
    return fail({ code: "mappingUnreadable", tableName, detail });
  }
  return ok(parsed.data.columns);
}

/**
 * The commit step that saves a table's mapping in the workbook's settings (replacing the previous one): an
 * operation that reads claims through a mapping the user just confirmed stores it with its result, so a failed or
 * cancelled operation leaves the earlier mapping as it was.
 */
export function claimsMappingStep(tableName: string, mapping: ClaimsMapping): CommitStep {
  return storeSetting(
    claimsMappingSettingKey(tableName),
    { version: 1, tableName, columns: mapping },
    `save the column mapping of table ${tableName}`,
  );
}
