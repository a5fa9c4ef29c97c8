import type { ReactNode } from "react";
import { Caption1, makeStyles } from "@fluentui/react-components";
import { FilePicker } from "../shared/FilePicker";
import { Notice } from "../shared/Notice";
import { usePanelStyles } from "../shared/panelStyles";
import { readFileBytes } from "../shared/readFileBytes";
import { refuseHospitalFile, type HospitalFileKind } from "./hospitalFiles";
import { acceptOf } from "./hospitalFiles";

const useStyles = makeStyles({
  // CMS's file names have no spaces ("opps_addendum_b_2025-10_section508.csv"): let them break on a 350 px pane.
  summary: { overflowWrap: "anywhere" },
});

/** A chosen file's bytes, or why it was refused before it was parsed. */
export type ChosenBytes =
  | { readonly status: "read"; readonly fileName: string; readonly content: Uint8Array }
  | { readonly status: "refused"; readonly message: string };

/** Reads a chosen file, refusing it up front when too large or not text. */
export async function chooseBytes(file: File, kind: HospitalFileKind): Promise<ChosenBytes> {
  const refused = refuseHospitalFile(file, kind);
  if (refused !== null) return { status: "refused", message: refused };
  const content = await readFileBytes(file);
  return content.ok
    ? { status: "read", fileName: file.name, content: content.value }
    : { status: "refused", message: `"${file.name}" cannot be read: ${content.issue}.` };
}

/** Props of {@link HospitalFileChoice}. */
export interface HospitalFileChoiceProps {
  readonly kind: HospitalFileKind;
  /** The file input's accessible name ("MS-DRG weights file"); "<label> summary" names the summary line. */
  readonly label: string;
  readonly button: string;
  /** What the file holds, once read; null before. */
  readonly summary: ReactNode | null;
  /** Why the file cannot be imported; null when it can or none is chosen. */
  readonly refusal: string | null;
  readonly onFile: (file: File) => void;
  readonly disabled: boolean;
}

/** One CMS file of the hospital schedules: its picker, what it holds or why it is refused. */
export function HospitalFileChoice({
  kind,
  label,
  button,
  summary,
  refusal,
  onFile,
  disabled,
}: HospitalFileChoiceProps) {
  const styles = usePanelStyles();
  const own = useStyles();
  return (
    <>
      <div className={styles.chooser}>
        <FilePicker
          label={label}
          button={button}
          accept={acceptOf(kind)}
          onFiles={([picked]) => onFile(picked)}
          disabled={disabled}
        />
        {summary !== null && (
          <Caption1 className={own.summary} aria-label={`${label.replace(/ file$/, "")} summary`}>
            {summary}
          </Caption1>
        )}
      </div>
      {refusal !== null && <Notice>{refusal}</Notice>}
    </>
  );
}
