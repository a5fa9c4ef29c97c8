/**
 * Objects the simulator records instead of modelling (conditional formats, charts, range formats, freeze panes):
 * every property set and method call is queued like any command and, at sync, written to a `Recorded` entry
 * that tests inspect through the host API.
 */
import type { Recorded } from "./entities";
import type { SimRequestContext } from "./requestContext";

export interface RecorderOptions {
  /** Runs at sync before any recorded set: adds the record to its list, may throw (e.g. the range's sheet is gone). */
  readonly attach?: () => void;
  /** Runs when `delete()` is called on the recorded object. */
  readonly onDelete?: () => void;
}

/** A proxy object that records sets and calls at any depth: `chart.title.text = "x"` -> properties["title.text"]. */
export function createRecorder(
  context: SimRequestContext,
  typeName: string,
  record: Recorded,
  options: RecorderOptions = {},
): unknown {
  const make = (path: string): unknown =>
    new Proxy(function recorded() {}, {
      get(_target, key) {
        if (typeof key === "symbol" || key === "then") return undefined;
        if (key === "context") return context;
        if (key === "isNullObject") return false;
        if (key === "toJSON") return () => record.properties;
        if (key === "load" || key === "track" || key === "untrack") return () => make(path);
        if (key === "set" && path === "") return (values: Record<string, unknown>) => setAll("", values);
        if (key === "delete" && path === "") {
          return () =>
            context.enqueue({
              location: `${typeName}.delete`,
              payload: () => ({ delete: typeName }),
              apply: () => options.onDelete?.(),
            });
        }
        return make(path === "" ? key : `${path}.${key}`);
      },
      set(_target, key, value) {
        if (typeof key === "symbol") return false;
        const full = path === "" ? key : `${path}.${key}`;
        context.enqueue({
          location: `${typeName}.${full}`,
          payload: () => ({ [full]: value }),
          apply: () => {
            record.properties[full] = value;
          },
        });
        return true;
      },
      apply(_target, _this, args: unknown[]) {
        context.enqueue({
          location: `${typeName}.${path}`,
          payload: () => ({ call: path, args }),
          apply: () => {
            record.calls.push({ path, args });
          },
        });
        return make(`${path}()`);
      },
    });
  const setAll = (prefix: string, values: Record<string, unknown>): void => {
    for (const [key, value] of Object.entries(values)) {
      const path = prefix === "" ? key : `${prefix}.${key}`;
      if (typeof value === "object" && value !== null && !Array.isArray(value))
        setAll(path, value as Record<string, unknown>);
      else (make("") as Record<string, unknown>)[path] = value;
    }
  };
  if (options.attach !== undefined) {
    context.enqueue({ location: `${typeName}.add`, payload: () => ({ add: typeName }), apply: options.attach });
  }
  return make("");
}
