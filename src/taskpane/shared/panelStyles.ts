import { makeStyles, tokens } from "@fluentui/react-components";

/**
 * The layout classes every task-pane panel shares: the panel column, its bordered groups and cards, form rows and
 * the hidden file input. Combine with a panel's own classes through `mergeClasses` (Griffel's atomic classes
 * must be merged, not concatenated, for the later one to win).
 */
export const usePanelStyles = makeStyles({
  /** The panel itself: a column of sections. */
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  /** Secondary text (descriptions, counts, hints). */
  muted: { color: tokens.colorNeutralForeground3 },
  /** A bordered group of form fields (role="group"). */
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  /** The title of a group, as a legend. */
  legend: { fontWeight: tokens.fontWeightSemibold },
  /** Fields side by side, wrapping on a narrow pane, aligned on their inputs. */
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end", flexWrap: "wrap" },
  /** A field in a row that takes the room left. */
  grow: { flexGrow: 1, minWidth: "90px" },
  /** A field in a row for a short number. */
  narrow: { width: "110px" },
  // Fluent's Input has a minimum width wider than a narrow field: let it shrink to its field.
  compact: { minWidth: 0, width: "100%" },
  /** A line of actions or a file chooser with what was chosen beside it. */
  chooser: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  // minmax(0, 1fr): the fields share the pane's width instead of pushing it wider than the pane.
  names: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalM },
  /** An input filling its field in `names`. */
  input: { width: "100%", minWidth: 0 },
  /** A list of cards (tables, contracts, chosen files). */
  cardList: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "8px" },
  /** One card of such a list. */
  card: {
    display: "flex",
    flexDirection: "column",
    gap: "4px",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  /** A card's first line: its name, and a detail pushed to the right. */
  titleLine: { display: "flex", alignItems: "baseline", justifyContent: "space-between", gap: "8px" },
  // Visually hidden but reachable (screen readers, playwright's setInputFiles): the Button opens it.
  fileInput: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});
