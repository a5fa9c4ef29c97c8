/**
 * Excel.NamedItem and Excel.NamedItemCollection (workbook scope): names evaluate in formulas through the
 * engine, and a name that refers to a range gives that range back.
 */
import { parseAddress } from "./addresses";
import { ClientObjectBase, CollectionBase, type ProxyOptions } from "./clientObject";
import type { RangeEntity } from "./entities";
import { invalidOperation } from "./errors";
import { RangeProxy } from "./range";
import type { SimRequestContext } from "./requestContext";
import { WorkbookModel, type NameEntity } from "./workbookModel";

function rangeOf(model: WorkbookModel, name: NameEntity): RangeEntity | null {
  const parsed = parseAddress(name.formula);
  const sheet = parsed?.sheet ? model.sheet(parsed.sheet) : undefined;
  return parsed && sheet ? { sheet, rect: parsed.rect } : null;
}

export class NamedItemProxy extends ClientObjectBase<NameEntity> {
  protected readonly typeName = "NamedItem";

  protected override isGone(name: NameEntity): boolean {
    return !this.context.model.names.has(name.name.toUpperCase());
  }

  /** The range the name refers to; InvalidOperation at sync for a name that holds a constant or formula. */
  getRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const range = rangeOf(this.context.model, this.entity());
      if (range === null) throw invalidOperation(`The name ${this.entity().name} does not refer to a range`);
      return range;
    });
  }

  getRangeOrNullObject(): RangeProxy {
    return new RangeProxy(this.context, () => rangeOf(this.context.model, this.entity()), true).trackNull();
  }

  delete(): void {
    this.command("delete", (name) => this.context.model.deleteName(name));
  }
}

/** What a name holds besides a range: Excel's `type` of a constant formula ("=0.05", "=TRUE", "=\"PPO\""). */
function constantType(constant: string): string {
  if (/^-?\d+(\.\d+)?$/.test(constant)) return "Double";
  return /^(TRUE|FALSE)$/i.test(constant) ? "Boolean" : "String";
}

ClientObjectBase.defineProperties<NameEntity>(NamedItemProxy, {
  name: { get: (name) => name.name },
  formula: { get: (name) => name.formula },
  type: { get: (name, model) => (rangeOf(model, name) !== null ? "Range" : constantType(name.formula.slice(1))) },
  value: {
    get: (name, model) =>
      rangeOf(model, name) !== null ? name.formula.slice(1) : name.formula.slice(1).replace(/^"(.*)"$/, "$1"),
  },
  visible: { get: () => true },
  comment: { get: (name) => name.comment },
});

export class NamedItemCollectionProxy extends CollectionBase<NameEntity, NamedItemProxy> {
  protected readonly typeName = "NamedItemCollection";

  constructor(context: SimRequestContext) {
    super(context, () => [...context.model.names.values()]);
  }

  protected proxy(find: () => NameEntity | null, options?: ProxyOptions): NamedItemProxy {
    return new NamedItemProxy(this.context, find, options);
  }

  /** `reference` is a Range or a formula ("=Sheet1!$B$2", "=0.05"). */
  add(name: string, reference: RangeProxy | string, comment?: string): NamedItemProxy {
    let created: NameEntity | null = null;
    this.context.enqueue({
      location: "NamedItemCollection.add",
      payload: () => ({ name, reference: typeof reference === "string" ? reference : "range", comment }),
      apply: () => {
        let formula: string;
        if (typeof reference === "string") formula = reference;
        else {
          const { sheet, rect } = reference.entity();
          formula = WorkbookModel.rangeFormula(sheet, rect);
        }
        created = this.context.model.addName(name, formula, comment);
      },
    });
    return this.proxy(() => created);
  }

  getItem(name: string): NamedItemProxy {
    return this.item(() => this.context.model.names.get(name.toUpperCase()) ?? null, `name "${name}"`);
  }

  getItemOrNullObject(name: string): NamedItemProxy {
    return this.itemOrNull(() => this.context.model.names.get(name.toUpperCase()) ?? null);
  }
}
