/**
 * Excel.Setting and Excel.SettingCollection: key/value pairs stored in the workbook (values round-trip
 * through JSON, as Excel stores them).
 */
import { ClientObjectBase, CollectionBase } from "./clientObject";
import { invalidArgument } from "./errors";
import type { SimRequestContext } from "./requestContext";

interface SettingEntity {
  readonly key: string;
}

export class SettingProxy extends ClientObjectBase<SettingEntity> {
  protected readonly typeName = "Setting";
  protected readonly scalarProperties = ["key", "value"] as const;

  constructor(
    context: SimRequestContext,
    resolver: () => SettingEntity | null,
    options: { nullable?: boolean; describe?: string } = {},
  ) {
    super(context, resolver, options);
  }

  protected override isGone(setting: SettingEntity): boolean {
    return !this.context.model.settings.has(setting.key);
  }

  protected property(setting: SettingEntity, name: string): unknown {
    return name === "key" ? setting.key : this.context.model.settings.get(setting.key);
  }

  get key(): string {
    return this.read("key");
  }
  get value(): unknown {
    return this.read("value");
  }
  set value(value: unknown) {
    this.queue(
      "value",
      () => ({ value }),
      ({ key }) => store(this.context, key, value),
    );
  }

  delete(): void {
    this.queue(
      "delete",
      () => null,
      ({ key }) => {
        this.context.model.settings.delete(key);
        this.context.model.change({ kind: "settings" });
      },
    );
  }
}

function store(context: SimRequestContext, key: string, value: unknown): void {
  if (value === undefined) throw invalidArgument(`setting "${key}" needs a value`);
  context.model.settings.set(key, JSON.parse(JSON.stringify(value)) as unknown);
  context.model.change({ kind: "settings" });
}

export class SettingCollectionProxy extends CollectionBase<SettingEntity, SettingProxy> {
  protected readonly typeName = "SettingCollection";

  constructor(context: SimRequestContext) {
    super(context, () => [...context.model.settings.keys()].map((key) => ({ key })));
  }

  protected itemProxy(setting: SettingEntity): SettingProxy {
    return new SettingProxy(this.context, () => setting);
  }

  /** Sets or adds a setting. */
  add(key: string, value: unknown): SettingProxy {
    this.queue(
      "add",
      () => ({ key, value }),
      () => store(this.context, key, value),
    );
    return this.getItem(key);
  }

  private find(key: string): SettingEntity | null {
    return this.context.model.settings.has(key) ? { key } : null;
  }

  getItem(key: string): SettingProxy {
    return new SettingProxy(this.context, () => this.find(key), { describe: `setting "${key}"` });
  }

  getItemOrNullObject(key: string): SettingProxy {
    return new SettingProxy(this.context, () => this.find(key), { nullable: true }).trackNull();
  }
}
