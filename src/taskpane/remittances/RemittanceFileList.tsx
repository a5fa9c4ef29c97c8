import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Caption1,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { FileCardTitle } from "../shared/FileCardTitle";
import { Notice } from "../shared/Notice";
import { countOf, groupedNumber } from "../shared/wording";
import { usePanelStyles } from "../shared/panelStyles";
import type { RemittanceFilePreview, RemittanceFileSummary } from "./remittanceFiles";

const useStyles = makeStyles({
  // The size stays on one line beside a long file name.
  nowrap: { whiteSpace: "nowrap" },
  counts: { display: "flex", flexWrap: "wrap", gap: "4px" },
  warnings: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: "4px" },
  warningHeader: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
});

/** Warnings listed per file at most; a file with thousands says how many more there are. */
const SHOWN_WARNINGS = 100;

/** The chosen files, each with what it holds (or why it is refused) and its warnings to expand. */
export function RemittanceFileList({ previews }: { previews: readonly RemittanceFilePreview[] }) {
  const styles = usePanelStyles();
  return (
    <ul className={styles.cardList} aria-label="Chosen files">
      {previews.map((preview, index) => (
        <li key={`${index}:${preview.fileName}`} className={styles.card} aria-label={preview.fileName}>
          <FileCardTitle fileName={preview.fileName} sizeBytes={preview.sizeBytes} />
          {preview.status === "accepted" ? (
            <AcceptedFile summary={preview.summary} />
          ) : (
            <Notice title="Not imported">{preview.message}</Notice>
          )}
        </li>
      ))}
    </ul>
  );
}

function AcceptedFile({ summary }: { summary: RemittanceFileSummary }) {
  const styles = usePanelStyles();
  const own = useStyles();
  const { warnings } = summary;
  return (
    <>
      <div className={own.counts} aria-label="Contents">
        <Badge appearance="tint" color="informative">
          {countOf(summary.interchangeCount, "interchange", "interchanges")}
        </Badge>
        <Badge appearance="tint" color="informative">
          {countOf(summary.claimCount, "claim", "claims")}
        </Badge>
        <Badge appearance="tint" color="brand">
          {countOf(summary.lineCount, "line", "lines")}
        </Badge>
        <Badge appearance="tint" color={summary.deniedLineCount > 0 ? "danger" : "success"}>
          {groupedNumber(summary.deniedLineCount)} denied
        </Badge>
        {summary.partialDenialLineCount > 0 && (
          <Badge appearance="tint" color="warning">
            {groupedNumber(summary.partialDenialLineCount)} partially denied
          </Badge>
        )}
      </div>
      {warnings.length === 0 ? (
        <Caption1 className={mergeClasses(styles.muted, own.nowrap)}>No warnings</Caption1>
      ) : (
        <Accordion collapsible>
          <AccordionItem value="warnings">
            <AccordionHeader size="small" className={own.warningHeader}>
              {countOf(warnings.length, "warning", "warnings")}
            </AccordionHeader>
            <AccordionPanel>
              <ol className={own.warnings} aria-label="Warnings">
                {warnings.slice(0, SHOWN_WARNINGS).map((warning, index) => (
                  <li key={index}>
                    <Caption1>{warning.message}</Caption1>
                  </li>
                ))}
                {warnings.length > SHOWN_WARNINGS && (
                  <li>
                    <Caption1>…and {countOf(warnings.length - SHOWN_WARNINGS, "more", "more")}</Caption1>
                  </li>
                )}
              </ol>
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </>
  );
}
