/**
 * Excel.NamedItem and Excel.NamedItemCollection (workbook scope): names evaluate in formulas through the
 * engine, and a name that refers to a range gives that range back.
 */
import { parseAddress } from "./addresses";
import { ClientObjectBase, CollectionBase } from "./clientObject";
import type { RangeEntity } from "./entities";
import { invalidOperation } from "./errors";
import { RangeProxy } from "./range";
import type { SimRequestContext } from "./requestContext";
import { WorkbookModel, type NameEntity } from "./workbookModel";

const NAME_PROPERTIES = ["name", "formula", "type", "value", "visible", "comment"] as const;

function rangeOf(model: WorkbookModel, name: NameEntity): RangeEntity | null {
  const parsed = parseAddress(name.formula);
  const sheet = parsed?.sheet ? model.sheet(parsed.sheet) : undefined;
  return parsed && sheet ? { sheet, rect: parsed.rect } : null;
}

export class NamedItemProxy extends ClientObjectBase<NameEntity> {
  protected readonly typeName = "NamedItem";
  protected readonly scalarProperties = NAME_PROPERTIES;

  constructor(
    context: SimRequestContext,
    resolver: () => NameEntity | null,
    options: { nullable?: boolean; describe?: string } = {},
  ) {
    super(context, resolver, options);
  }

  protected override isGone(name: NameEntity): boolean {
    return !this.context.model.names.has(name.name.toUpperCase());
  }

  protected property(name: NameEntity, property: string): unknown {
    const isRange = rangeOf(this.context.model, name) !== null;
    const constant = name.formula.slice(1);
    switch (property as (typeof NAME_PROPERTIES)[number]) {
      case "name":
        return name.name;
      case "formula":
        return name.formula;
      case "type":
        return isRange
          ? "Range"
          : /^-?\d+(\.\d+)?$/.test(constant)
            ? "Double"
            : /^(TRUE|FALSE)$/i.test(constant)
              ? "Boolean"
              : "String";
      case "value":
        return isRange ? constant : constant.replace(/^"(.*)"$/, "$1");
      case "visible":
        return true;
      case "comment":
        return name.comment;
    }
  }

  get name(): string {
    return this.read("name");
  }
  get formula(): string {
    return this.read("formula");
  }
  get type(): string {
    return this.read("type");
  }
  get value(): unknown {
    return this.read("value");
  }
  get visible(): boolean {
    return this.read("visible");
  }
  get comment(): string {
    return this.read("comment");
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
    this.queue(
      "delete",
      () => null,
      (name) => this.context.model.deleteName(name),
    );
  }
}

export class NamedItemCollectionProxy extends CollectionBase<NameEntity, NamedItemProxy> {
  protected readonly typeName = "NamedItemCollection";

  constructor(context: SimRequestContext) {
    super(context, () => [...context.model.names.values()]);
  }

  protected itemProxy(name: NameEntity): NamedItemProxy {
    return new NamedItemProxy(this.context, () => name);
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
    return new NamedItemProxy(this.context, () => created);
  }

  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(this.context, () => this.context.model.names.get(name.toUpperCase()) ?? null, {
      describe: `name "${name}"`,
    });
  }

  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.context, () => this.context.model.names.get(name.toUpperCase()) ?? null, {
      nullable: true,
    }).trackNull();
  }
}
