import { createRoot } from "react-dom/client";
import { App } from "../taskpane/App";
import { registryCache } from "../functions/registryCache";
import { installCustomFunctionsShim } from "./customFunctionsShim";
import { installOfficeShim } from "./officeShim";
import { PlaygroundApp } from "./PlaygroundApp";
import { buildSampleWorkbook } from "./sample/sampleWorkbook";
import type { WorkbookSimulator } from "./simulator";
import { WorkbookFileControls } from "./WorkbookFileControls";
import { PlaygroundWorkspace } from "./workspace";

/**
 * The playground: the sample workbook in the workbook simulator, shown as a grid, with the real task pane and
 * the real custom functions running against it exactly as they would inside Excel.
 */
async function startPlayground(): Promise<void> {
  // The functions module calls CustomFunctions.associate when it loads, so the shim must exist first: hence
  // a dynamic import after installing it (a static import would run before this line).
  const customFunctions = installCustomFunctionsShim();
  await import("../functions/functions");

  installOfficeShim();
  const container = document.getElementById("root");
  if (container === null) throw new Error('playground.html lacks the <div id="root"> the playground renders into');
  const root = createRoot(container);
  let opened = 0;
  const workspace: PlaygroundWorkspace = new PlaygroundWorkspace(
    buildSampleWorkbook(),
    { customFunctions },
    async (simulator: WorkbookSimulator) => {
      const host = globalThis as unknown as { Excel: unknown };
      host.Excel = simulator.excel;
      // The functions need the registry, and the registry is read from the simulator built with the functions: so
      // construct, then start the cache on it (it reads, watches the tables and recalculates), before showing it.
      await registryCache.start(simulator.excel);
      // A new key: the task pane starts afresh on the opened workbook (the window, with Open and Save, stays).
      opened += 1;
      root.render(
        <PlaygroundApp
          workbook={simulator}
          taskPane={<App key={opened} />}
          paneWidth={paneWidthAsked(window.location.search)}
          fileControls={
            <WorkbookFileControls
              onOpen={(name, bytes) => workspace.open(name, bytes)}
              onSave={() => workspace.save()}
            />
          }
        />,
      );
    },
  );
  await workspace.start();
}

/** `?paneWidth=320` tries the task pane at another width than Excel's usual 350 px (the browser tests use it). */
function paneWidthAsked(search: string): number | undefined {
  const asked = Number(new URLSearchParams(search).get("paneWidth") ?? NaN);
  return Number.isInteger(asked) && asked >= 200 && asked <= 1200 ? asked : undefined;
}

startPlayground().catch((error: unknown) => {
  // Say so on the page as well as in the console: a blank page helps nobody.
  const message = document.createElement("pre");
  message.className = "startup-error";
  message.textContent = `The playground failed to start:\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
  document.body.replaceChildren(message);
  console.error(error);
});
