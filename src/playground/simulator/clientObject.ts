/**
 * Proxy objects with Office's semantics: commands are queued on the context and applied at `sync`; a property
 * is readable only after it was loaded and synced (else PropertyNotLoaded); `*OrNullObject` proxies learn at
 * sync whether they exist; collections expose `items` and `count` after a load, `getCount()` as a ClientResult.
 */
import { invalidArgument, itemNotFound, propertyNotLoaded } from "./errors";
import type { SimRequestContext } from "./requestContext";
import type { WorkbookModel } from "./workbookModel";

/** The forms `load` accepts: "values, address", ["values"], { select, expand }, { values: true }. */
export type LoadOption =
  string | string[] | { select?: string | string[]; expand?: string | string[]; [key: string]: unknown };

/** Flattens any load option into property paths ("values", "items/name", "worksheet/name"); null = all scalars. */
export function parseLoadOption(option: LoadOption | undefined): string[] | null {
  if (option === undefined) return null;
  if (typeof option === "string")
    return option
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p !== "");
  if (Array.isArray(option)) return option.flatMap((p) => parseLoadOption(p) ?? []);
  if ("select" in option || "expand" in option) {
    return [...(parseLoadOption(option.select) ?? []), ...(parseLoadOption(option.expand) ?? [])];
  }
  return Object.entries(option).flatMap(([key, value]) => {
    if (value === true) return [key];
    if (typeof value === "object" && value !== null)
      return (parseLoadOption(value as LoadOption) ?? []).map((p) => `${key}/${p}`);
    return [];
  });
}

/** A value computed by Excel (`getCount()`), readable through `.value` after sync. */
export class ClientResult<T> {
  private result: { value: T } | undefined;

  get value(): T {
    if (this.result === undefined) throw propertyNotLoaded("value");
    return this.result.value;
  }

  /** @internal */
  settle(value: T): void {
    this.result = { value };
  }
}

export interface ProxyOptions {
  /** An *OrNullObject proxy: a missing object is a null object instead of an ItemNotFound error. */
  readonly nullable?: boolean;
  /** Names the object in ItemNotFound messages ("worksheet \"Claims\""). */
  readonly describe?: string;
}

/** How a proxy reads one scalar property of its entity when loaded, and applies a set at sync when it has one. */
export interface PropertySpec<E> {
  readonly get: (entity: E, model: WorkbookModel) => unknown;
  readonly set?: (entity: E, value: unknown, model: WorkbookModel) => void;
}

/** A proxy class's scalar properties by name: what `load()` without arguments loads. */
export type PropertyTable<E> = Readonly<Record<string, PropertySpec<E>>>;

/** Base of every proxy. `E` is the model entity the proxy resolves to at sync. */
export abstract class ClientObjectBase<E> {
  protected abstract readonly typeName: string;
  /** Installed on each proxy class's prototype by `defineProperties`. */
  declare protected readonly properties: PropertyTable<E>;
  private resolution: { entity: E | null } | undefined;
  protected readonly loaded = new Map<string, unknown>();
  protected nullState: boolean | undefined;

  constructor(
    readonly context: SimRequestContext,
    private readonly resolver: () => E | null,
    private readonly options: ProxyOptions = {},
  ) {}

  /** The entity, resolved once on first use (as Excel binds an object path once). */
  entityOrNull(): E | null {
    if (this.resolution === undefined) {
      const entity = this.resolver();
      if (entity === null && this.options.nullable !== true) throw itemNotFound(this.options.describe ?? this.typeName);
      this.resolution = { entity };
    }
    const { entity } = this.resolution;
    if (entity !== null && this.isGone(entity))
      throw itemNotFound(`${this.options.describe ?? this.typeName} (deleted)`);
    return entity;
  }

  /** The entity; a null object here (a method or property set on it) is an ItemNotFound error. */
  entity(): E {
    const entity = this.entityOrNull();
    if (entity === null) throw itemNotFound(`${this.options.describe ?? this.typeName} is a null object`);
    return entity;
  }

  /**
   * Declares a proxy class's scalar properties once: each becomes a getter that gives the loaded value (else
   * PropertyNotLoaded) and, where the table has `set`, a setter that queues the change for the next sync.
   */
  static defineProperties<E>(
    proxyClass: abstract new (...args: never[]) => ClientObjectBase<E>,
    table: PropertyTable<E>,
  ): void {
    Object.defineProperty(proxyClass.prototype, "properties", { value: table });
    for (const [name, spec] of Object.entries(table)) {
      const { set } = spec;
      Object.defineProperty(proxyClass.prototype, name, {
        configurable: true,
        get(this: ClientObjectBase<E>) {
          return this.read(name);
        },
        set:
          set === undefined
            ? undefined
            : function (this: ClientObjectBase<E>, value: unknown) {
                this.queue(
                  name,
                  () => ({ [name]: value }),
                  (entity) => set(entity, value, this.context.model),
                );
              },
      });
    }
  }

  /** True when the entity was deleted since the proxy resolved it (by default: it has a `deleted` flag set). */
  protected isGone(entity: E): boolean {
    return (entity as { deleted?: unknown }).deleted === true;
  }

  private readonly children = new Map<string, unknown>();

  /** Navigation properties return the same proxy on every access, as in office.js. */
  protected cached<T>(key: string, make: () => T): T {
    if (!this.children.has(key)) this.children.set(key, make());
    return this.children.get(key) as T;
  }

  /** A child proxy for a navigation property ("worksheet", "format"), for "worksheet/name" load paths. */
  protected navigation(_name: string): ClientObjectBase<unknown> | undefined {
    return undefined;
  }

  /** Queues a command acting on the entity; `location` is the member name ("values", "getItem"). */
  protected queue(location: string, payload: () => unknown, apply: (entity: E) => void | (() => void)): void {
    this.context.enqueue({ location: `${this.typeName}.${location}`, payload, apply: () => apply(this.entity()) });
  }

  /** Queues a method call that sends no data ("delete", "activate"). */
  protected command(location: string, apply: (entity: E) => void | (() => void)): void {
    this.queue(location, () => null, apply);
  }

  /** Reads a loaded property, or throws PropertyNotLoaded like office.js. */
  protected read<T>(name: string): T {
    if (!this.loaded.has(name)) throw propertyNotLoaded(name);
    return this.loaded.get(name) as T;
  }

  /** Readable after the sync that follows an *OrNullObject call or a load. */
  get isNullObject(): boolean {
    if (this.nullState === undefined) throw propertyNotLoaded("isNullObject");
    return this.nullState;
  }

  load(option?: LoadOption): this {
    const paths = parseLoadOption(option);
    this.context.enqueue({
      location: `${this.typeName}.load`,
      payload: () => ({ load: paths }),
      apply: () => this.applyLoad(paths),
    });
    return this;
  }

  /** @internal Computes a load now; the returned commit makes it readable (only if the whole batch succeeds). */
  applyLoad(paths: readonly string[] | null): () => void {
    const entity = this.entityOrNull();
    const values = new Map<string, unknown>();
    const children: (() => void)[] = [];
    for (const path of paths ?? Object.keys(this.properties)) {
      const [head = "", ...rest] = path.split("/");
      const child = this.navigation(head);
      const spec = Object.hasOwn(this.properties, head) ? this.properties[head] : undefined;
      if (child !== undefined) {
        if (entity !== null) children.push(child.applyLoad(rest.length > 0 ? [rest.join("/")] : null));
      } else if (rest.length > 0 || spec === undefined) {
        throw invalidArgument(`${this.typeName} has no property "${path}" to load`);
      } else values.set(head, entity === null ? null : spec.get(entity, this.context.model));
    }
    return () => {
      for (const [key, value] of values) this.loaded.set(key, value);
      this.nullState = entity === null;
      for (const commit of children) commit();
    };
  }

  /** @internal Makes `isNullObject` readable after the next sync, as Excel does for *OrNullObject results. */
  trackNull(): this {
    this.context.enqueue({
      location: `${this.typeName}.isNullObject`,
      payload: () => null,
      apply: () => {
        const entity = this.entityOrNull();
        return () => {
          this.nullState = entity === null;
        };
      },
    });
    return this;
  }

  /** Office's `set({...})`: each key assigned through its setter. */
  set(properties: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(properties)) (this as unknown as Record<string, unknown>)[key] = value;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** A collection proxy: `items` and `count` after a load; a load of "name" loads each item's name, as in Office. */
export abstract class CollectionBase<E, P extends ClientObjectBase<E>> extends ClientObjectBase<readonly E[]> {
  /** A proxy of one item, found at sync by `find`. */
  protected abstract proxy(find: () => E | null, options?: ProxyOptions): P;

  /** `getItem`: the item `find` finds at sync, else ItemNotFound naming `describe` ("worksheet \"Claims\""). */
  protected item(find: () => E | null, describe: string): P {
    return this.proxy(find, { describe });
  }

  /** `getItemOrNullObject`: the item `find` finds at sync, else a null object. */
  protected itemOrNull(find: () => E | null): P {
    return this.proxy(find, { nullable: true }).trackNull();
  }

  get items(): P[] {
    return this.read<P[]>("items");
  }

  get count(): number {
    return this.read<number>("count");
  }

  override applyLoad(paths: readonly string[] | null): () => void {
    const entities = this.entityOrNull() ?? [];
    const wantsCount = paths !== null && paths.includes("count");
    const itemPaths = (paths ?? ["items"])
      .filter((p) => p !== "count")
      .map((p) => (p === "items" ? "" : p.replace(/^items\//, "")))
      .filter((p) => p !== "");
    const wantsItems = paths === null || paths.some((p) => p !== "count");
    const proxies = wantsItems ? entities.map((e) => this.proxy(() => e)) : [];
    const commits = proxies.map((p) => p.applyLoad(itemPaths.length > 0 ? itemPaths : null));
    const count = entities.length;
    return () => {
      if (wantsItems) this.loaded.set("items", proxies);
      if (wantsCount) this.loaded.set("count", count);
      this.nullState = false;
      for (const commit of commits) commit();
    };
  }

  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this.command("getCount", (entities) => () => result.settle(entities.length));
    return result;
  }
}

ClientObjectBase.defineProperties(ClientObjectBase, {});
