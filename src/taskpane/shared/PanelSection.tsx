import type { ReactNode } from "react";
import { Subtitle2, Text, makeStyles, tokens, type TextProps } from "@fluentui/react-components";
import { usePanelStyles } from "./panelStyles";

const useStyles = makeStyles({
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
});

/** Props of {@link PanelSection}. */
export interface PanelSectionProps {
  /** The panel's id ("workbook"): its heading is `${id}-panel-title`, which names the region. */
  readonly id: string;
  /** The heading, as on the panel's tab ("Workbook"). */
  readonly title: string;
  /** Buttons on the heading's line, at its right ("Refresh"). */
  readonly actions?: ReactNode;
  /** One or two sentences under the heading saying what the panel is for. */
  readonly intro?: ReactNode;
  /** The intro's text size; Fluent's body size when omitted. */
  readonly introSize?: TextProps["size"];
  readonly children: ReactNode;
}

/**
 * A panel of the task pane: a region named by its heading, the heading (with actions beside it), an intro in muted
 * text, then the panel's content as a column of sections.
 *
 * @example <PanelSection id="workbook" title="Workbook" actions={<Button>Refresh</Button>}>{list}</PanelSection>
 */
export function PanelSection({ id, title, actions, intro, introSize, children }: PanelSectionProps) {
  const styles = usePanelStyles();
  const own = useStyles();
  const titleId = `${id}-panel-title`;
  const heading = (
    <Subtitle2 as="h2" id={titleId}>
      {title}
    </Subtitle2>
  );
  return (
    <section className={styles.panel} aria-labelledby={titleId}>
      {actions === undefined ? (
        heading
      ) : (
        <div className={own.header}>
          {heading}
          {actions}
        </div>
      )}
      {intro !== undefined && (
        <Text size={introSize} className={styles.muted}>
          {intro}
        </Text>
      )}
      {children}
    </section>
  );
}
