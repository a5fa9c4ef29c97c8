/**
 * The sheets the Negotiation tab builds once per contract (the Negotiation, Objections and brief sheets): the name a
 * contract's sheet takes, whether the workbook already has it (built here for that contract, or a sheet of that name
 * that is not its: a user's own or another contract's whose name starts alike), and the commit steps that put a new
 * build in place (over the earlier one, which keeps its identity) and record it. The record (a workbook setting of sheet ids and contracts) is what lets a rebuild
 * replace its own sheet and never a user's.
 */
import { registryKey } from "../../engine";
import { findSheetNamed, readSheetsAndRecord, type SheetRef } from "../core/builtSheets";
import type { ExcelGateway } from "../core/excelGateway";
import { placeBuild, type BuildPlacement, type StagedBuild } from "../core/operation";
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

/**
 * The commit steps of a build staged as `placed.stagedId`, and the id its sheet has once they are applied: a
 * contract's earlier sheet is rewritten in place (sheetRewrite.ts: what refers to it stays), a first build placed
 * under its name; either is recorded.
 */
export async function placeContractSheet(
  excel: ExcelGateway,
  kind: ContractSheetKind,
  read: { readonly state: ContractSheetState; readonly record: SheetRecord },
  placed: Omit<StagedBuild, "name"> & { readonly sheetName: string; readonly contractName: string },
): Promise<BuildPlacement> {
  const { state, record } = read;
  const earlier = state.kind === "built" ? { id: state.sheetId, name: state.sheetName } : null;
  const placement = await placeBuild(excel, { ...placed, name: placed.sheetName }, earlier);
  const kept = record.sheets.filter((s) => s.sheetId !== placement.sheetId);
  const recorded = { version: 1 as const, sheets: [...kept, { sheetId: placement.sheetId, contractName: placed.contractName }] }; // prettier-ignore
  return {
    sheetId: placement.sheetId,
    steps: [
      ...placement.steps,
      storeSettingStep(
        workbookSetting(kind.setting),
        recorded,
        `record "${placed.sheetName}" as the ${kind.noun} of ${placed.contractName}`,
      ),
    ],
  };
}
