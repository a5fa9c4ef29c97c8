/**
 * Excel.Setting and Excel.SettingCollection: key/value pairs stored in the workbook (values round-trip
 * through JSON, as Excel stores them).
 */
import { ClientObjectBase, CollectionBase, type ProxyOptions } from "./clientObject";
import { invalidArgument } from "./errors";
import type { SimRequestContext } from "./requestContext";
import type { WorkbookModel } from "./workbookModel";

interface SettingEntity {
  readonly key: string;
}

export class SettingProxy extends ClientObjectBase<SettingEntity> {
  protected readonly typeName = "Setting";

  protected override isGone(setting: SettingEntity): boolean {
    return !this.context.model.settings.has(setting.key);
  }

  delete(): void {
    this.command("delete", ({ key }) => {
      this.context.model.settings.delete(key);
      this.context.model.change({ kind: "settings" });
    });
  }
}

ClientObjectBase.defineProperties<SettingEntity>(SettingProxy, {
  key: { get: (setting) => setting.key },
  value: {
    get: (setting, model) => model.settings.get(setting.key),
    set: ({ key }, value, model) => store(model, key, value),
  },
});

/** Stores a setting as Excel does: its value round-trips through JSON. */
function store(model: WorkbookModel, key: string, value: unknown): void {
  if (value === undefined) throw invalidArgument(`setting "${key}" needs a value`);
  model.settings.set(key, JSON.parse(JSON.stringify(value)) as unknown);
  model.change({ kind: "settings" });
}

export class SettingCollectionProxy extends CollectionBase<SettingEntity, SettingProxy> {
  protected readonly typeName = "SettingCollection";

  constructor(context: SimRequestContext) {
    super(context, () => [...context.model.settings.keys()].map((key) => ({ key })));
  }

  protected proxy(find: () => SettingEntity | null, options?: ProxyOptions): SettingProxy {
    return new SettingProxy(this.context, find, options);
  }

  /** Sets or adds a setting. */
  add(key: string, value: unknown): SettingProxy {
    this.queue(
      "add",
      () => ({ key, value }),
      () => store(this.context.model, key, value),
    );
    return this.getItem(key);
  }

  private find(key: string): SettingEntity | null {
    return this.context.model.settings.has(key) ? { key } : null;
  }

  getItem(key: string): SettingProxy {
    return this.item(() => this.find(key), `setting "${key}"`);
  }

  getItemOrNullObject(key: string): SettingProxy {
    return this.itemOrNull(() => this.find(key));
  }
}
