import { useEffect, useState, type ComponentType } from "react";
import { Spinner } from "@fluentui/react-components";
import { Notice } from "./shared/Notice";

/** A panel whose code is a chunk of its own, fetched from the add-in's own site the first time its tab opens. */
export interface LazyPanel {
  /** Renders the panel, with a spinner while its code arrives. */
  readonly Component: ComponentType;
  /** Fetches the panel's code (once; later calls return the same promise). */
  readonly load: () => Promise<ComponentType>;
}

/**
 * The add-in page stays under its download budget (issue 20: 300 KB gzipped for the functions and the task pane)
 * by leaving out of it the code of every tab but the first; `load` is a dynamic `import()`, which webpack turns
 * into a chunk served beside taskpane.html. Once loaded, a tab shows at once, as any other.
 *
 * @example lazyPanel(() => import("./uplift/UpliftModelPanel").then((m) => m.UpliftModelPanel))
 */
export function lazyPanel(fetchCode: () => Promise<ComponentType>): LazyPanel {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const load = (): Promise<ComponentType> => (loading ??= fetchCode().then((panel) => (loaded = panel)));

  function Component() {
    const [state, setState] = useState<
      { status: "ready"; Panel: ComponentType } | { status: "loading" } | { status: "failed"; message: string }
    >(() => (loaded === undefined ? { status: "loading" } : { status: "ready", Panel: loaded }));
    useEffect(() => {
      if (state.status !== "loading") return;
      let current = true;
      load().then(
        (Panel) => current && setState({ status: "ready", Panel }),
        (error: unknown) => {
          // A failed chunk fetch is retried the next time the tab opens.
          loading = undefined;
          if (current) setState({ status: "failed", message: error instanceof Error ? error.message : String(error) });
        },
      );
      return () => {
        current = false;
      };
    }, [state.status]);
    switch (state.status) {
      case "ready":
        return <state.Panel />;
      case "loading":
        return <Spinner size="tiny" label="Opening the tab…" />;
      case "failed":
        return <Notice title="Could not open this tab">{state.message} Open the tab again to retry.</Notice>;
    }
  }
  return { Component, load };
}
