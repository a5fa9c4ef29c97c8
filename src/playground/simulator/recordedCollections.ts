/**
 * Collections of objects the simulator records rather than models (see recorder.ts): conditional formats of a
 * range and charts of a sheet. What they add is kept on the sheet for the host API and the workbook description.
 */
import { formatAddress, formatRect, intersect, parseAddress } from "./addresses";
import { ClientResult } from "./clientObject";
import type { RecordedChart, RecordedConditionalFormat } from "./entities";
import { itemNotFound } from "./errors";
import type { RangeProxy } from "./range";
import { createRecorder } from "./recorder";
import type { WorksheetProxy } from "./worksheet";

/** Excel.ConditionalFormatCollection, recording each added format for the host API. */
export class ConditionalFormatCollection {
  constructor(private readonly range: RangeProxy) {}

  add(type: string): unknown {
    const record: RecordedConditionalFormat = { type, address: "", properties: {}, calls: [] };
    let sheetList: RecordedConditionalFormat[] = [];
    return createRecorder(this.range.context, "ConditionalFormat", record, {
      attach: () => {
        const { sheet, rect } = this.range.entity();
        (record as { address: string }).address = formatRect(rect);
        sheetList = sheet.conditionalFormats;
        sheetList.push(record);
      },
      onDelete: () => sheetList.splice(sheetList.indexOf(record), 1),
    });
  }

  /** The conditional formats of the range's sheet that overlap the range, and the others. */
  private split(): { overlapping: RecordedConditionalFormat[]; others: RecordedConditionalFormat[] } {
    const { sheet, rect } = this.range.entity();
    const overlaps = (cf: RecordedConditionalFormat) => intersect(parseAddress(cf.address)!.rect, rect) !== null;
    return {
      overlapping: sheet.conditionalFormats.filter(overlaps),
      others: sheet.conditionalFormats.filter((cf) => !overlaps(cf)),
    };
  }

  clearAll(): void {
    this.command("clearAll", () => {
      const { others } = this.split();
      const list = this.range.entity().sheet.conditionalFormats;
      list.splice(0, list.length, ...others);
    });
  }

  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.command("getCount", () => {
      const count = this.split().overlapping.length;
      return () => result.settle(count);
    });
    return result;
  }

  private command(location: string, apply: () => void | (() => void)): void {
    this.range.context.enqueue({ location: `ConditionalFormatCollection.${location}`, payload: () => null, apply });
  }
}

/**
 * Excel.ChartCollection: `add` records a chart for the host API; `getCount` and `getItemAt(i).delete()` are what a
 * rebuild uses to remove the charts of an earlier build.
 */
export class ChartCollection {
  constructor(private readonly sheet: WorksheetProxy) {}

  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.command("getCount", () => {
      const count = this.sheet.entity().charts.length;
      return () => result.settle(count);
    });
    return result;
  }

  /** The chart at `index` when the command runs: only `delete` is simulated on it. */
  getItemAt(index: number): { delete(): void } {
    return {
      delete: () =>
        this.command("getItemAt.delete", () => {
          const charts = this.sheet.entity().charts;
          if (index < 0 || index >= charts.length) throw itemNotFound(`chart ${index} of ${charts.length}`);
          charts.splice(index, 1);
        }),
    };
  }

  private command(location: string, apply: () => void | (() => void)): void {
    this.sheet.context.enqueue({ location: `ChartCollection.${location}`, payload: () => null, apply });
  }

  add(type: string, sourceData: RangeProxy, seriesBy = "Auto"): unknown {
    const record: RecordedChart = { type, sourceAddress: "", seriesBy, properties: {}, calls: [] };
    let list: RecordedChart[] = [];
    return createRecorder(this.sheet.context, "Chart", record, {
      attach: () => {
        const source = sourceData.entity();
        // Bound to the range, as Excel's charts are: the address follows a rename of the source sheet.
        Object.defineProperty(record, "sourceAddress", {
          get: () => formatAddress(source.sheet.name, source.rect),
          enumerable: true,
        });
        list = this.sheet.entity().charts;
        list.push(record);
      },
      onDelete: () => list.splice(list.indexOf(record), 1),
    });
  }
}
