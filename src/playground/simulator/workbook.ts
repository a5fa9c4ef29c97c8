/**
 * Excel.Workbook (`context.workbook`) and Excel.Application (`context.workbook.application`).
 */
import { ClientObjectBase, ClientResult } from "./clientObject";
import { invalidArgument } from "./errors";
import { insertSnapshotSheets, type InsertWorksheetOptions } from "./insertWorksheets";
import type { WorkbookSnapshot } from "./snapshot";
import { NamedItemCollectionProxy } from "./names";
import { RangeProxy } from "./range";
import type { SimRequestContext } from "./requestContext";
import { SettingCollectionProxy } from "./settings";
import { TableCollectionProxy } from "./table";
import { WorksheetCollectionProxy } from "./worksheet";

export class ApplicationProxy extends ClientObjectBase<object> {
  protected readonly typeName = "Application";

  constructor(context: SimRequestContext) {
    super(context, () => ({}));
  }

  /** Recalculates every formula (all calculation types are a full recalculation here). */
  calculate(_calculationType: string): void {
    this.command("calculate", () => this.context.model.cells.engine.recalculate());
  }

  suspendApiCalculationUntilNextSync(): void {
    this.command("suspendApiCalculationUntilNextSync", () => undefined);
  }
}

ClientObjectBase.defineProperties<object>(ApplicationProxy, { calculationMode: { get: () => "Automatic" } });

export class WorkbookProxy extends ClientObjectBase<object> {
  protected readonly typeName = "Workbook";

  constructor(context: SimRequestContext) {
    super(context, () => ({}));
  }

  readonly worksheets = new WorksheetCollectionProxy(this.context);
  readonly tables = new TableCollectionProxy(this.context, () => null);
  readonly names = new NamedItemCollectionProxy(this.context);
  readonly settings = new SettingCollectionProxy(this.context);
  readonly application = new ApplicationProxy(this.context);

  /** The selection is not simulated: A1 of the active sheet. */
  getActiveCell(): RangeProxy {
    return this.worksheets.getActiveWorksheet().getRange("A1");
  }

  getSelectedRange(): RangeProxy {
    return this.getActiveCell();
  }

  /**
   * Inserts the worksheets of a base64-encoded .xlsx file (ExcelApi 1.13); the result holds the new sheets' ids.
   * The file is read with the playground's .xlsx module, loaded only when a file is inserted.
   */
  insertWorksheetsFromBase64(base64File: string, options: InsertWorksheetOptions = {}): ClientResult<string[]> {
    const result = new ClientResult<string[]>();
    let file: WorkbookSnapshot | string = "the file was not read";
    this.context.enqueue({
      location: "Workbook.insertWorksheetsFromBase64",
      payload: () => ({ base64File, options }),
      prepare: async () => {
        const { describeXlsxOpenIssue, openXlsx } = await import("../xlsx/openXlsx");
        const opened = await openXlsx(
          Uint8Array.from(atob(base64File), (c) => c.charCodeAt(0)),
          "The inserted file",
        );
        file = opened.ok ? opened.value.snapshot : describeXlsxOpenIssue(opened.issue);
      },
      apply: () => {
        if (typeof file === "string") throw invalidArgument(file);
        const ids = insertSnapshotSheets(this.context.model, file, options);
        return () => result.settle(ids);
      },
    });
    return result;
  }
}

ClientObjectBase.defineProperties<object>(WorkbookProxy, { name: { get: () => "Simulated workbook.xlsx" } });
