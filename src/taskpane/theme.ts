import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/**
 * The Fluent theme matching Office's: dark when Office's body background is dark (the "Black" and "Dark Gray"
 * Office themes), light otherwise or when the host reports no theme (Excel on the web, the playground).
 */
export function fluentThemeFor(officeTheme: Pick<Office.OfficeTheme, "bodyBackgroundColor"> | undefined): Theme {
  const hex = /^#?([0-9a-f]{6})$/i.exec(officeTheme?.bodyBackgroundColor?.trim() ?? "")?.[1];
  if (hex === undefined) return webLightTheme;
  const [r, g, b] = [0, 2, 4].map((at) => parseInt(hex.slice(at, at + 2), 16));
  // Rec. 601 luma: below the midpoint reads as a dark background.
  const luma = 0.299 * (r ?? 255) + 0.587 * (g ?? 255) + 0.114 * (b ?? 255);
  return luma < 128 ? webDarkTheme : webLightTheme;
}
