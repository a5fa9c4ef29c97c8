import type { ReactNode } from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

/** A static class name, as Fluent gives its own components (`fui-Button`), for tests and the host's style sheets. */
export const ACTION_BAR_CLASS = "payer-ActionBar";

const useStyles = makeStyles({
  // Sticky to the bottom of whatever scrolls the pane (the page in Excel, the aside in the playground), so the main
  // button and the running bar with its Cancel stay on screen while a long form is scrolled; the pane's own
  // background, so the form scrolls under it rather than through it; capped, so a long failure notice scrolls
  // inside the bar instead of covering the pane.
  bar: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    maxHeight: "50vh",
    overflowY: "auto",
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalL})`,
    marginRight: `calc(-1 * ${tokens.spacingHorizontalL})`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    // Before a file is chosen and while no operation runs, there is nothing to keep in view: no empty strip.
    ":empty": { display: "none" },
  },
});

/**
 * The bottom of a panel whose form is longer than the pane: its main action (the primary button, with a caption
 * beside it) and the operation's progress or outcome, kept in view while the form scrolls.
 *
 * @example <ActionBar><Button appearance="primary">Build model</Button><OperationProgress … /></ActionBar>
 */
export function ActionBar({ children }: { readonly children: ReactNode }) {
  return <div className={mergeClasses(ACTION_BAR_CLASS, useStyles().bar)}>{children}</div>;
}
