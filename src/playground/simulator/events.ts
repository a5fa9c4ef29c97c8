/**
 * `onChanged` event sources: `add(handler)` registers at the next sync and returns an EventHandlerResult whose
 * `remove()` unregisters at the sync after it, as in Office. Handlers run asynchronously after the change.
 */
import type { ChangedHandler, WorkbookModel } from "./workbookModel";
import type { SimRequestContext } from "./requestContext";

/** Mirrors OfficeExtension.EventHandlerResult. */
export class EventHandlerResult {
  constructor(
    readonly context: SimRequestContext,
    private readonly unregister: () => void,
  ) {}

  remove(): void {
    this.context.enqueue({
      location: "EventHandlerResult.remove",
      payload: () => ({ remove: true }),
      apply: this.unregister,
    });
  }
}

/** Mirrors OfficeExtension.EventHandlers for one table or worksheet, found by `targetId()` at sync. */
export class ChangedEventSource {
  constructor(
    private readonly context: SimRequestContext,
    private readonly model: WorkbookModel,
    private readonly targetId: () => string,
    private readonly location: string,
  ) {}

  add(handler: ChangedHandler): EventHandlerResult {
    let id: string | undefined;
    this.context.enqueue({
      location: `${this.location}.add`,
      payload: () => ({ addHandler: this.location }),
      apply: () => {
        id = this.targetId();
        const set = this.model.handlers.get(id) ?? new Set<ChangedHandler>();
        set.add(handler);
        this.model.handlers.set(id, set);
      },
    });
    return new EventHandlerResult(this.context, () => {
      if (id !== undefined) this.model.handlers.get(id)?.delete(handler);
    });
  }
}
