/**
 * The steps of an operation's commit: the one request in which the user's workbook changes (ARCHITECTURE.md s.5).
 *
 * Excel has no transactions: a request whose command k fails keeps commands 1..k-1 applied. So each step says how
 * to apply it and, where it can be seen, how to observe whether it has taken effect. After a failed commit the runner
 * observes every step: the last one seen applied tells how far Excel got (commands apply in order), and the runner
 * either finds nothing applied (the workbook is as it was) or applies the rest (the staged content is complete).
 * A step that cannot be observed must therefore be safe to apply twice (setting formats, copying values, activating).
 */
/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load -- an observer queues its
   loads and returns a closure that the runner calls only after syncing them. */

/** One step of a commit. */
export interface CommitStep {
  /** What the step does, in the user's words, for messages: 'remove the earlier sheet "Uplift Model"'. */
  readonly describe: string;
  /** Queues the step's commands on the commit request. */
  readonly apply: (context: Excel.RequestContext) => void;
  /**
   * Queues the loads that tell whether the step has taken effect, and returns the answer once they are synced.
   * Absent: the step cannot be observed and is safe to apply again.
   */
  readonly observe?: (context: Excel.RequestContext) => () => boolean;
}

const quoted = (name: string) => `"${name}"`;

/** Deletes a sheet (and the tables on it) by id. Observed: the id is gone. */
export function deleteSheet(sheetId: string, describe: string): CommitStep {
  return {
    describe,
    apply: (context) => context.workbook.worksheets.getItem(sheetId).delete(),
    observe: (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(sheetId);
      return () => sheet.isNullObject;
    },
  };
}

/** Renames a sheet by id. Observed: the sheet has the name. */
export function renameSheet(sheetId: string, name: string, describe: string): CommitStep {
  return {
    describe,
    apply: (context) => {
      context.workbook.worksheets.getItem(sheetId).name = name;
    },
    observe: (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(sheetId);
      sheet.load("name");
      return () => !sheet.isNullObject && sheet.name === name;
    },
  };
}

/** Shows a staged (hidden) sheet. Observed: the sheet is visible. */
export function showSheet(sheetId: string, describe: string): CommitStep {
  return {
    describe,
    apply: (context) => {
      context.workbook.worksheets.getItem(sheetId).visibility = "Visible";
    },
    observe: (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(sheetId);
      sheet.load("visibility");
      return () => !sheet.isNullObject && sheet.visibility === "Visible";
    },
  };
}

/** Renames a table by id. Observed: the table has the name. */
export function renameTable(tableId: string, name: string, describe: string): CommitStep {
  return {
    describe,
    apply: (context) => {
      context.workbook.tables.getItem(tableId).name = name;
    },
    observe: (context) => {
      const table = context.workbook.tables.getItemOrNullObject(tableId);
      table.load("name");
      return () => !table.isNullObject && table.name === name;
    },
  };
}

/** Stores a value in the workbook's settings. Observed: the setting holds it (compared as JSON, as Excel stores it). */
export function storeSetting(key: string, value: unknown, describe: string): CommitStep {
  const json = JSON.stringify(value);
  return {
    describe,
    apply: (context) => void context.workbook.settings.add(key, value as string),
    observe: (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(key);
      setting.load("value");
      return () => !setting.isNullObject && JSON.stringify(setting.value) === json;
    },
  };
}

/** Removes a setting. Observed: it is gone. */
export function removeSetting(key: string, describe: string): CommitStep {
  return {
    describe,
    apply: (context) => context.workbook.settings.getItem(key).delete(),
    observe: (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(key);
      return () => setting.isNullObject;
    },
  };
}

/** Makes a sheet the active one: cosmetic, safe to repeat, not observed. */
export function activateSheet(sheetId: string): CommitStep {
  return {
    describe: "show the result",
    apply: (context) => context.workbook.worksheets.getItem(sheetId).activate(),
  };
}

/** A staged sheet to put in place under its final name, replacing an earlier build of it (by id) if any. */
export interface SheetPlacement {
  /** The staged sheet's id. */
  readonly stagedId: string;
  readonly name: string;
  /** The sheet it replaces (an earlier build, recognised by id), deleted first so the name is free. */
  readonly replaces?: { readonly id: string; readonly name: string } | null;
  /** Hidden sheets (an uplift model's lines) stay hidden under their final name. Default true. */
  readonly visible?: boolean;
}

/**
 * The steps that put a staged sheet in place: the new sheet shown (first: Excel refuses to remove the last visible
 * sheet, and the earlier build may be it), the earlier build removed, then the new one given its name.
 */
export function placeSheet(placement: SheetPlacement): CommitStep[] {
  const steps: CommitStep[] = [];
  if (placement.visible !== false) steps.push(showSheet(placement.stagedId, `show the new sheet "${placement.name}"`));
  if (placement.replaces != null)
    steps.push(deleteSheet(placement.replaces.id, `remove the earlier sheet ${quoted(placement.replaces.name)}`));
  steps.push(renameSheet(placement.stagedId, placement.name, `name the new sheet ${quoted(placement.name)}`));
  return steps;
}
