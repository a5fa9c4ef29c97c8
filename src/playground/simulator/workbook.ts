/**
 * Excel.Workbook (`context.workbook`) and Excel.Application (`context.workbook.application`).
 */
import { ClientObjectBase } from "./clientObject";
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
}

ClientObjectBase.defineProperties<object>(WorkbookProxy, { name: { get: () => "Simulated workbook.xlsx" } });
