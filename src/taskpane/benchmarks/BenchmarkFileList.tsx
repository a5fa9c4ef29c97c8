import { Badge, Caption1, makeStyles } from "@fluentui/react-components";
import { FileCardTitle } from "../shared/FileCardTitle";
import { Notice } from "../shared/Notice";
import { RowProblemList } from "../shared/RowProblemList";
import { usePanelStyles } from "../shared/panelStyles";
import { countOf, groupedNumber } from "../shared/wording";
import type { BenchmarkFilePreview, FileContents } from "./benchmarkFiles";

const useStyles = makeStyles({
  counts: { display: "flex", flexWrap: "wrap", gap: "4px" },
});

/** The files read, each with what was kept and skipped and its positioned problems, or why it is refused. */
export function BenchmarkFileList({ previews }: { readonly previews: readonly BenchmarkFilePreview[] }) {
  const styles = usePanelStyles();
  return (
    <ul className={styles.cardList} aria-label="Files read">
      {previews.map((preview, index) => (
        <li key={`${index}:${preview.fileName}`} className={styles.card} aria-label={preview.fileName}>
          <FileCardTitle fileName={preview.fileName} sizeBytes={preview.sizeBytes} />
          {preview.status === "read" ? (
            <FileSummary contents={preview.contents} />
          ) : (
            <Notice title="Not read">{preview.message} Nothing of this file is kept.</Notice>
          )}
        </li>
      ))}
    </ul>
  );
}

function FileSummary({ contents }: { readonly contents: FileContents }) {
  const styles = usePanelStyles();
  const own = useStyles();
  const { problems, problemsNotListed } = contents;
  const shown = problemsNotListed > 0 ? [...problems, `…and ${groupedNumber(problemsNotListed)} more not listed.`] : problems; // prettier-ignore
  return (
    <>
      <Caption1 className={styles.muted}>
        {contents.publisher} · {contents.format} · {countOf(contents.rowsRead, "item", "items")} read
      </Caption1>
      <div className={own.counts} aria-label="Kept and skipped">
        <Badge appearance="tint" color={contents.rates.length > 0 ? "brand" : "warning"}>
          {countOf(contents.rates.length, "rate kept", "rates kept")}
        </Badge>
        {contents.skipped.map(({ reason, count }) => (
          <Badge key={reason} appearance="tint" color="informative">
            {groupedNumber(count)} skipped: {reason}
          </Badge>
        ))}
      </div>
      <RowProblemList
        title={`${countOf(problems.length + problemsNotListed, "problem", "problems")}, each skipped`}
        problems={shown}
      />
    </>
  );
}
