/**
 * The workbook settings the add-in keeps (`payerContracts.*`), declared once (STYLE.md "declare, then derive";
 * ARCHITECTURE.md 2): each key with the zod schema of what is stored under it and what it is for. Every reader
 * parses with the declared schema and every writer stores through {@link storeSettingStep}, typed by the same schema,
 * so no key string or schema is written anywhere else, and a writer cannot store what its reader would refuse.
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load -- loadSetting queues its
   load and returns a closure that its caller calls only after syncing it. */
import { z } from "zod";
import { CLAIMS_FIELDS, type ClaimsField } from "../claims/claimsColumns";
import type { ExcelGateway } from "./excelGateway";
import { storeSetting, type CommitStep } from "./operation";

/** Where a setting's key comes from: one key for the workbook, or one per table (`<key>.<table name>`). */
type SettingScope = "workbook" | "table";

/** One setting: its key (the prefix, for a per-table setting), scope, schema, and what it is for. */
interface SettingSpec {
  readonly key: string;
  readonly scope: SettingScope;
  readonly schema: z.ZodType;
  readonly purpose: string;
}

const claimsMappingSchema = z.object({
  version: z.literal(1),
  tableName: z.string(),
  columns: z.object(
    Object.fromEntries(CLAIMS_FIELDS.map((field) => [field, z.string().min(1).nullable().default(null)])) as {
      [F in ClaimsField]: z.ZodDefault<z.ZodNullable<z.ZodString>>;
    },
  ),
});

const varianceReviewSchema = z.object({
  version: z.literal(1),
  tableName: z.string(),
  payerContracts: z.record(z.string(), z.string()).default({}),
  tolerance: z
    .object({ amount: z.number(), fraction: z.number(), rule: z.enum(["both", "either"]) })
    .nullable()
    .default(null),
  /** The columns a review added to the table (by name). */
  columns: z.array(z.string()).default([]),
  summarySheetId: z.string().nullable().default(null),
  worklistSheetId: z.string().nullable().default(null),
});

const upliftModelsSchema = z.object({
  version: z.literal(1),
  models: z.array(z.object({ modelSheetId: z.string(), linesSheetId: z.string() })),
});

/** The sheets of one kind built in the workbook, by id (ids survive renames). */
const builtSheetIdsSchema = z.object({ version: z.literal(1), sheetIds: z.array(z.string()) });
const negotiationSheetsSchema = z.object({
  version: z.literal(1),
  sheets: z.array(z.object({ sheetId: z.string(), contractName: z.string() })),
});

/** Every setting the add-in keeps, by name. */
export const WORKBOOK_SETTINGS = {
  claimsMapping: {
    key: "payerContracts.claimsMapping",
    scope: "table",
    schema: claimsMappingSchema,
    purpose:
      "The column mapping of a claims table, as the user confirmed it (uplift model, variance review, portfolio).",
  },
  varianceReview: {
    key: "payerContracts.varianceReview",
    scope: "table",
    schema: varianceReviewSchema,
    purpose:
      "What the variance review of a table wrote (its columns, its Summary and Worklist sheets by id), with the payer-to-contract mapping and the tolerance, so a re-run replaces its own columns and sheets only.",
  },
  upliftModels: {
    key: "payerContracts.upliftModels",
    scope: "workbook",
    schema: upliftModelsSchema,
    purpose: "The uplift model sheets built in the workbook (by sheet id), so a rebuild replaces its own sheets only.",
  },
  portfolioSummaries: {
    key: "payerContracts.portfolioSummaries",
    scope: "workbook",
    schema: builtSheetIdsSchema,
    purpose: "The portfolio summary sheets built in the workbook (by sheet id), so a rebuild replaces its own only.",
  },
  performanceSheets: {
    key: "payerContracts.performanceSheets",
    scope: "workbook",
    schema: builtSheetIdsSchema,
    purpose: "The Contract Performance sheets built in the workbook (by sheet id), so a rebuild replaces its own only.",
  },
  benchmarkSheets: {
    key: "payerContracts.benchmarkSheets",
    scope: "workbook",
    schema: builtSheetIdsSchema,
    purpose: "The Benchmarks sheets built in the workbook (by sheet id), so a rebuild replaces its own only.",
  },
  negotiationSheets: {
    key: "payerContracts.negotiationSheets",
    scope: "workbook",
    schema: negotiationSheetsSchema,
    purpose:
      "The Negotiation sheets built in the workbook (by sheet id, with their contract), so a rebuild replaces its own sheet only.",
  },
  objectionSheets: {
    key: "payerContracts.objectionSheets",
    scope: "workbook",
    schema: negotiationSheetsSchema,
    purpose:
      "The Objections sheets built in the workbook (by sheet id, with their contract), so a rebuild replaces its own sheet only.",
  },
  briefSheets: {
    key: "payerContracts.briefSheets",
    scope: "workbook",
    schema: negotiationSheetsSchema,
    purpose:
      "The executive brief sheets built in the workbook (by sheet id, with their contract), so a rebuild replaces its own sheet only.",
  },
} as const satisfies Record<string, SettingSpec>;

/** The name of a setting in {@link WORKBOOK_SETTINGS}. */
export type SettingName = keyof typeof WORKBOOK_SETTINGS;
type Schema<N extends SettingName> = (typeof WORKBOOK_SETTINGS)[N]["schema"];
/** What a setting holds once parsed (defaults filled in). */
export type SettingValue<N extends SettingName> = z.output<Schema<N>>;
/** What a writer stores under a setting (fields with a default may be left out). */
export type StoredValue<N extends SettingName> = z.input<Schema<N>>;
type TableScoped = {
  [N in SettingName]: (typeof WORKBOOK_SETTINGS)[N]["scope"] extends "table" ? N : never;
}[SettingName];
type WorkbookScoped = Exclude<SettingName, TableScoped>;

/** A setting located in the workbook: which one, and its key. */
export interface WorkbookSetting<N extends SettingName> {
  readonly name: N;
  readonly key: string;
}

/** A setting kept once per workbook. */
export function workbookSetting<N extends WorkbookScoped>(name: N): WorkbookSetting<N> {
  return { name, key: WORKBOOK_SETTINGS[name].key };
}

/** A setting kept per table; table names are case-insensitive in Excel, so the key holds the name in lower case. */
export function tableSetting<N extends TableScoped>(name: N, tableName: string): WorkbookSetting<N> {
  return { name, key: `${WORKBOOK_SETTINGS[name].key}.${tableName.toLowerCase()}` };
}

/** Parses what is stored under a setting with its declared schema. */
export function parseSetting<N extends SettingName>(
  setting: WorkbookSetting<N>,
  stored: unknown,
): z.ZodSafeParseResult<SettingValue<N>> {
  const schema: z.ZodType = WORKBOOK_SETTINGS[setting.name].schema;
  return schema.safeParse(stored) as z.ZodSafeParseResult<SettingValue<N>>;
}

/**
 * Queues the load of a setting on a request (to read it with other things in one request); the returned function,
 * called once the request is synced, gives what is stored, or undefined when nothing is.
 */
export function loadSetting(context: Excel.RequestContext, setting: WorkbookSetting<SettingName>): () => unknown {
  const item = context.workbook.settings.getItemOrNullObject(setting.key);
  item.load("value");
  return () => (item.isNullObject ? undefined : (item.value as unknown));
}

/**
 * Reads a setting in one request: undefined when nothing is stored, else what parsing it gave (a value edited by
 * hand or written by a newer version does not parse). Office errors reject unchanged.
 */
export async function readSetting<N extends SettingName>(
  excel: ExcelGateway,
  setting: WorkbookSetting<N>,
): Promise<z.ZodSafeParseResult<SettingValue<N>> | undefined> {
  const stored = await excel.run(async (context) => {
    const read = loadSetting(context, setting);
    await context.sync();
    return read();
  });
  return stored === undefined ? undefined : parseSetting(setting, stored);
}

/** The commit step that stores a setting's value, replacing the earlier one (operation runner, commitSteps.ts). */
export function storeSettingStep<N extends SettingName>(
  setting: WorkbookSetting<N>,
  value: StoredValue<N>,
  describe: string,
): CommitStep {
  return storeSetting(setting.key, value, describe);
}
