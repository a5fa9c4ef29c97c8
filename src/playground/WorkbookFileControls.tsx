import { useRef, useState } from "react";
import type { FileOutcome, SavedFile } from "./workspace";

/** Hands saved bytes to the browser as a download. */
function download({ name, bytes }: SavedFile): void {
  const url = URL.createObjectURL(
    new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
  );
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

/**
 * The playground's "Open .xlsx" and "Save .xlsx" (never in the task pane: inside Excel, Excel opens and saves), with
 * the outcome said beside them: what was opened and what of the file was not, what was saved and what was not.
 */
export function WorkbookFileControls({
  onOpen,
  onSave,
}: {
  onOpen: (fileName: string, bytes: Uint8Array) => Promise<FileOutcome>;
  onSave: () => Promise<{ readonly file: SavedFile; readonly outcome: FileOutcome }>;
}) {
  const input = useRef<HTMLInputElement | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<FileOutcome | null>(null);

  const run = async (action: () => Promise<FileOutcome>) => {
    setBusy(true);
    try {
      setOutcome(await action());
    } finally {
      setBusy(false);
    }
  };
  const open = (file: File | undefined) => {
    if (file === undefined) return;
    void run(async () => onOpen(file.name, new Uint8Array(await file.arrayBuffer())));
  };
  const save = () =>
    void run(async () => {
      const { file, outcome: saved } = await onSave();
      download(file);
      return saved;
    });

  return (
    <div className="file-controls">
      <button type="button" onClick={() => input.current?.click()} disabled={busy}>
        Open .xlsx
      </button>
      <input
        ref={input}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="Open .xlsx file"
        data-testid="open-xlsx"
        hidden
        onChange={(event) => {
          open(event.currentTarget.files?.[0]);
          event.currentTarget.value = "";
        }}
      />
      <button type="button" onClick={save} disabled={busy}>
        Save .xlsx
      </button>
      <span
        className={outcome?.ok === false ? "file-outcome refused" : "file-outcome"}
        role="status"
        data-testid="file-status"
      >
        {busy ? "Working…" : (outcome?.message ?? "")}
      </span>
    </div>
  );
}
