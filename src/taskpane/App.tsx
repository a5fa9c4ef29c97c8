import { useState } from "react";
import {
  FluentProvider,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";
import type { ExcelGateway } from "../excel/core/excelGateway";
import { ExcelGatewayContext } from "./ExcelGatewayContext";
import { TASK_PANE_PANELS } from "./panels";

const useStyles = makeStyles({
  // On an element inside FluentProvider, never on it: FluentProvider copies its className onto the mount node of
  // every portal (its default `applyStylesToPortals`), so a full-height background there covered the whole page
  // under each dropdown and dialog and swallowed the next click.
  root: {
    minHeight: "100%",
    boxSizing: "border-box",
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  tabs: { marginTop: tokens.spacingVerticalS, marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})`, flexWrap: "wrap" },
  body: { padding: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

/**
 * The provider fills its host (the add-in page's root, the playground's pane) so that the pane's background reaches
 * the bottom; an inline style, because only the className travels to portals.
 */
const FILL_HOST = { height: "100%" } as const;

/** Props of the task pane; both optional so that inside Office `<App />` just works. */
export interface AppProps {
  /** The Excel to work on; the host's `Excel` when omitted. */
  readonly excel?: ExcelGateway;
  /** Fluent theme, usually `fluentThemeFor(Office.context.officeTheme)`. */
  readonly theme?: Theme;
}

/** The task pane: the add-in's header, a tab per panel, and the selected panel. */
export function App({ excel, theme = webLightTheme }: AppProps) {
  const styles = useStyles();
  const [selected, setSelected] = useState(TASK_PANE_PANELS[0]!.id);
  const panel = TASK_PANE_PANELS.find((candidate) => candidate.id === selected) ?? TASK_PANE_PANELS[0]!;
  const content = (
    <FluentProvider theme={theme} style={FILL_HOST}>
      <div className={styles.root}>
        <header className={styles.header}>
          <h1 className={styles.title}>Payer Contracts</h1>
          <Text size={200}>Price, model and police payer contracts in this workbook.</Text>
          {TASK_PANE_PANELS.length > 1 && (
            <TabList
              className={styles.tabs}
              size="small"
              selectedValue={panel.id}
              onTabSelect={(_, data) => setSelected(String(data.value))}
            >
              {TASK_PANE_PANELS.map(({ id, label }) => (
                <Tab key={id} value={id}>
                  {label}
                </Tab>
              ))}
            </TabList>
          )}
        </header>
        <main className={styles.body} aria-label={panel.label}>
          <panel.Component />
        </main>
      </div>
    </FluentProvider>
  );
  return excel === undefined ? (
    content
  ) : (
    <ExcelGatewayContext.Provider value={excel}>{content}</ExcelGatewayContext.Provider>
  );
}
