/**
 * The little of office.js's `Office` global that our pages use, for the playground (which runs without
 * office.js): `Office.onReady` resolving as in Excel, and the context the task pane reads.
 */
export function installOfficeShim(): void {
  const info = { host: "Excel", platform: "OfficeOnline" };
  const office = {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    onReady(callback?: (readyInfo: typeof info) => void): Promise<typeof info> {
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      displayLanguage: navigator.language || "en-US",
      // Excel on the web's default theme; the task pane maps it to Fluent's light theme.
      officeTheme: {
        bodyBackgroundColor: "#ffffff",
        bodyForegroundColor: "#000000",
        controlBackgroundColor: "#ffffff",
        controlForegroundColor: "#000000",
      },
    },
  };
  (globalThis as unknown as { Office: unknown }).Office = office;
}
