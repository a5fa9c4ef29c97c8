import { createRoot } from "react-dom/client";
import { App } from "./App";
import { fluentThemeFor } from "./theme";

// The task pane renders once Office is ready, so `Excel` and the document's theme exist when it first reads them.
void Office.onReady(() => {
  const container = document.getElementById("root");
  if (container === null) throw new Error('taskpane.html lacks the <div id="root"> the task pane renders into');
  createRoot(container).render(<App theme={fluentThemeFor(Office.context.officeTheme)} />);
});
