import type { ReactNode } from "react";
import { Caption1 } from "@fluentui/react-components";
import { FilePicker } from "../shared/FilePicker";
import { Notice } from "../shared/Notice";
import { usePanelStyles } from "../shared/panelStyles";
import { RowProblemList } from "../shared/RowProblemList";
import { countOf } from "../shared/wording";
import type { AnesFile, BaseUnitsFile, GpciFile, OppsCapFile, PprrvuFile } from "./medicareFiles";

/** The CMS files are read as CSV only (an .xlsx must be saved as CSV first). */
const CSV = ".csv,text/csv";

/** A chosen file after reading: parsed, or refused with the message to show. */
export type Chosen<F> =
  | { readonly status: "read"; readonly file: F; readonly content: Uint8Array }
  | { readonly status: "refused"; readonly message: string };

/** How the panel shows one kind of CMS file: its picker's words, what a read file holds, and its problem lists. */
export interface CmsFileKind<F> {
  /** The file input's accessible name ("PPRRVU file"); "<label> summary" names the line saying what it holds. */
  readonly label: string;
  /** The button's text ("Choose PPRRVU file…"). */
  readonly button: string;
  /** Beside the button while no file is chosen. */
  readonly whenNone?: string;
  /** What a read file holds, in one line ("PPRRVU25.csv: 19,090 codes, CF 32.3465"). */
  readonly summary: (file: F) => ReactNode;
  /** A line under the button about the file, when there is one (its banner). */
  readonly about?: (file: F) => string;
  /** The file's lists of problem rows, each with its title; an empty list shows nothing. */
  readonly problemLists: (file: F) => readonly { readonly title: string; readonly problems: readonly string[] }[];
}

/** The relative value file. */
export const PPRRVU_KIND: CmsFileKind<PprrvuFile> = {
  label: "PPRRVU",
  button: "Choose PPRRVU file…",
  summary: (file) =>
    `${file.fileName}: ${countOf(file.rows.length, "code", "codes")}` +
    (file.conversionFactor ? `, CF ${file.conversionFactor.toString()}` : ""),
  about: (file) => file.label,
  problemLists: (file) => [
    {
      title: `${file.problems.length} problems in ${file.fileName}: those rows will be left out`,
      problems: file.problems,
    },
  ],
};

/** The locality adjusters' file. */
export const GPCI_KIND: CmsFileKind<GpciFile> = {
  label: "GPCI",
  button: "Choose GPCI file…",
  whenNone: "Without it, only national amounts (GPCI 1.000).",
  summary: (file) => `${file.fileName}: ${file.localities.length} localities`,
  problemLists: (file) => [
    { title: `${file.problems.length} problems in ${file.fileName}: those localities are left out`, problems: file.problems }, // prettier-ignore
    { title: `${file.warnings.length} warnings in ${file.fileName}: those localities are imported as they are`, problems: file.warnings }, // prettier-ignore
  ],
};

/** CMS's OPPS imaging caps, optional. */
export const OPPSCAP_KIND: CmsFileKind<OppsCapFile> = {
  label: "OPPSCAP",
  button: "Choose OPPSCAP file…",
  whenNone: "Optional: without it, imaging is priced without the OPPS cap (the trace says it was not checked).",
  summary: (file) => `${file.fileName}: ${countOf(file.rowCount, "cap", "caps")}`,
  problemLists: (file) => [
    { title: `${file.problems.length} problems in ${file.fileName}: those caps will be left out`, problems: file.problems }, // prettier-ignore
  ],
};

/** CMS's anesthesia conversion factors by locality, optional. */
export const ANES_KIND: CmsFileKind<AnesFile> = {
  label: "ANES",
  button: "Choose ANES file…",
  whenNone: "Optional: without it, anesthesia lines are not priced (anesthesia conversion factor not imported).",
  summary: (file) =>
    `${file.fileName}: ${countOf(file.localities.size, "locality", "localities")}` +
    (file.nationalConversionFactor ? `, national anesthesia CF ${file.nationalConversionFactor.toString()}` : ""),
  problemLists: (file) => [
    { title: `${file.problems.length} problems in ${file.fileName}: those localities are left out`, problems: file.problems }, // prettier-ignore
  ],
};

/** Anesthesia base units by code (CMS's list or the payer's), optional. */
export const BASE_UNITS_KIND: CmsFileKind<BaseUnitsFile> = {
  label: "Anesthesia base units",
  button: "Choose base units file…",
  whenNone: "Optional: written as the AnesthesiaBaseUnits table; without it anesthesia lines are not priced.",
  summary: (file) => `${file.fileName}: ${countOf(file.rows.length, "code", "codes")}`,
  problemLists: (file) => [
    { title: `${file.problems.length} problems in ${file.fileName}: those codes will be left out`, problems: file.problems }, // prettier-ignore
  ],
};

/** Props of {@link MedicareFileChoice}. */
export interface MedicareFileChoiceProps<F> {
  readonly kind: CmsFileKind<F>;
  /** The file chosen and read, or refused; null while none is chosen. */
  readonly chosen: Chosen<F> | null;
  readonly onFile: (file: File) => void;
  readonly disabled: boolean;
}

/** One of the CMS files of a Medicare schedule: its picker, what it holds or why it is refused, and its problems. */
export function MedicareFileChoice<F>({ kind, chosen, onFile, disabled }: MedicareFileChoiceProps<F>) {
  const styles = usePanelStyles();
  const file = chosen?.status === "read" ? chosen.file : null;
  return (
    <>
      <div className={styles.chooser}>
        <FilePicker
          label={`${kind.label} file`}
          button={kind.button}
          accept={CSV}
          onFiles={([picked]) => onFile(picked)}
          disabled={disabled}
        />
        {file !== null && <Caption1 aria-label={`${kind.label} summary`}>{kind.summary(file)}</Caption1>}
        {chosen === null && kind.whenNone !== undefined && (
          <Caption1 className={styles.muted}>{kind.whenNone}</Caption1>
        )}
      </div>
      {chosen?.status === "refused" && <Notice>{chosen.message}</Notice>}
      {file !== null && kind.about !== undefined && <Caption1 className={styles.muted}>{kind.about(file)}</Caption1>}
      {file !== null &&
        kind
          .problemLists(file)
          .map((list) => <RowProblemList key={list.title} title={list.title} problems={list.problems} />)}
    </>
  );
}
