/**
 * The little of office.js's `Office` global that our pages use, for the playground (which runs without
 * office.js): `Office.onReady` resolving as in Excel, and the context the task pane reads (theme, requirement sets).
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
      // The simulator implements the ExcelApi sets up to 1.13 that the add-in uses (insertWorksheetsFromBase64).
      requirements: {
        isSetSupported: (name: string, version?: string) =>
          name === "ExcelApi" && (version === undefined || Number(version.split(".")[1] ?? 0) <= 13),
      },
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
