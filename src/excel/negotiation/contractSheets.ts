/**
 * The sheets the Negotiation tab builds once per contract (the Negotiation, Objections and brief sheets): the name a
 * contract's sheet takes, whether the workbook already has it (built here for that contract, or a sheet of that name
 * that is not its: a user's own or another contract's whose name starts alike), and the commit steps that put a new
 * build in place and record it. The record (a workbook setting of sheet ids and contracts) is what lets a rebuild
 * replace its own sheet and never a user's.
 */
import { registryKey } from "../../engine";
import { findSheetNamed, readSheetsAndRecord, type SheetRef } from "../core/builtSheets";
import type { ExcelGateway } from "../core/excelGateway";
import { placeSheet, type CommitStep } from "../core/operation";
import { storeSettingStep, workbookSetting, type SettingValue } from "../core/workbookSettings";

/** The settings that record a kind of per-contract sheet (each holds sheet ids with their contract). */
export type ContractSheetSetting = "negotiationSheets" | "objectionSheets" | "briefSheets";

/** A kind of per-contract sheet: its name's prefix, its record, and what the sheet is called in messages. */
export interface ContractSheetKind {
  readonly prefix: string;
  readonly setting: ContractSheetSetting;
  /** "Negotiation sheet", in the record step's words. */
  readonly noun: string;
}

/**
 * The sheet's name for a contract: the kind's prefix and the contract's name within Excel's 31 characters, with the
 * characters Excel refuses in a sheet name ([ ] : * ? / \) as "-" and no apostrophe or space at its end.
 * @example contractSheetName({ prefix: "Negotiation - ", ... }, "Acme Health PPO") // "Negotiation - Acme Health PPO"
 */
export function contractSheetName(kind: ContractSheetKind, contractName: string): string {
  return `${kind.prefix}${contractName.replace(/[[\]:*?/\\]/g, "-")}`.slice(0, 31).replace(/['\s]+$/, "");
}

/** The contract's sheet in the workbook: absent, built here for it, or a sheet of that name that is not its. */
export type ContractSheetState =
  | { readonly kind: "absent"; readonly sheetName: string }
  | { readonly kind: "built"; readonly sheetName: string; readonly sheetId: string }
  | { readonly kind: "taken"; readonly sheetName: string; readonly contractName: string | null };

type SheetRecord = SettingValue<ContractSheetSetting>;

/** The state of the contract's sheet, the kind's record and the workbook's sheets, in one request. */
export async function readContractSheet(
  excel: ExcelGateway,
  kind: ContractSheetKind,
  contractName: string,
): Promise<{ readonly state: ContractSheetState; readonly record: SheetRecord; readonly sheets: readonly SheetRef[] }> {
  const sheetName = contractSheetName(kind, contractName);
  const empty: SheetRecord = { version: 1, sheets: [] };
  const { sheets, record } = await readSheetsAndRecord(excel, workbookSetting(kind.setting), empty);
  const existing = findSheetNamed(sheets, sheetName);
  const recorded = existing === null ? undefined : record.sheets.find((s) => s.sheetId === existing.id);
  const state: ContractSheetState =
    existing === null
      ? { kind: "absent", sheetName }
      : recorded !== undefined && registryKey(recorded.contractName) === registryKey(contractName)
        ? { kind: "built", sheetName: existing.name, sheetId: existing.id }
        : { kind: "taken", sheetName: existing.name, contractName: recorded?.contractName ?? null };
  return { state, record, sheets };
}

/** The commit steps of a build staged as `stagedId`: it replaces the contract's earlier sheet, and is recorded. */
export function placeContractSheet(
  kind: ContractSheetKind,
  read: { readonly state: ContractSheetState; readonly record: SheetRecord },
  placed: { readonly stagedId: string; readonly sheetName: string; readonly contractName: string },
): CommitStep[] {
  const { state, record } = read;
  const replaced = state.kind === "built" ? { id: state.sheetId, name: state.sheetName } : null;
  const kept = record.sheets.filter((s) => s.sheetId !== replaced?.id);
  return [
    ...placeSheet({ stagedId: placed.stagedId, name: placed.sheetName, replaces: replaced }),
    storeSettingStep(
      workbookSetting(kind.setting),
      { version: 1, sheets: [...kept, { sheetId: placed.stagedId, contractName: placed.contractName }] },
      `record "${placed.sheetName}" as the ${kind.noun} of ${placed.contractName}`,
    ),
  ];
}
