import { Caption1, Text, makeStyles, mergeClasses } from "@fluentui/react-components";
import { usePanelStyles } from "./panelStyles";

const useStyles = makeStyles({
  fileName: { overflowWrap: "anywhere" },
  // The size stays on one line beside a long file name.
  nowrap: { whiteSpace: "nowrap" },
});

/** "1.8 KB", "12.4 MB". */
export function sizeText(bytes: number): string {
  if (bytes < 1_000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1_000).toFixed(1)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** The first line of a chosen file's card: its name (wrapping anywhere) and its size. */
export function FileCardTitle({ fileName, sizeBytes }: { readonly fileName: string; readonly sizeBytes: number }) {
  const styles = usePanelStyles();
  const own = useStyles();
  return (
    <div className={styles.titleLine}>
      <Text weight="semibold" className={own.fileName}>
        {fileName}
      </Text>
      <Caption1 className={mergeClasses(styles.muted, own.nowrap)}>{sizeText(sizeBytes)}</Caption1>
    </div>
  );
}
