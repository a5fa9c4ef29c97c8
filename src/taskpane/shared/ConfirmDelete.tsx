import type { ReactNode } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import type { EditableRow } from "../../excel/contracts/editableRows";

/** A row the user asked to delete, and how the dialog names it. */
export interface Doomed {
  readonly row: EditableRow<unknown>;
  readonly label: string;
}

/** The one confirmation dialog: `confirmLabel` confirms, Cancel (or closing) keeps things as they are. */
function Confirm(props: {
  readonly open: boolean;
  readonly title: string;
  readonly children: ReactNode;
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}) {
  return (
    <Dialog open={props.open} onOpenChange={(_, d) => !d.open && props.onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogContent>{props.children}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={props.onConfirm}>
              {props.confirmLabel}
            </Button>
            <Button onClick={props.onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/**
 * Asks before a row is deleted from the sheet; Delete confirms, Cancel (or closing) keeps it. `consequence` says what
 * else the deletion changes (e.g. "Formulas that use it will change.").
 */
export function ConfirmDelete({
  doomed,
  consequence,
  onConfirm,
  onCancel,
}: {
  readonly doomed: Doomed | null;
  readonly consequence?: string;
  readonly onConfirm: (doomed: Doomed) => void;
  readonly onCancel: () => void;
}) {
  return (
    <Confirm
      open={doomed !== null}
      title="Delete this row?"
      confirmLabel="Delete"
      onConfirm={() => doomed !== null && onConfirm(doomed)}
      onCancel={onCancel}
    >
      {doomed?.label} (row {doomed?.row.loaded.rowNumber} of {doomed?.row.loaded.table}) will be removed from the sheet.
      {consequence === undefined ? "" : ` ${consequence}`}
    </Confirm>
  );
}

/**
 * Asks before a sheet the add-in built earlier is replaced by a new build (the sheet `sheetName`; no dialog when
 * null); Replace confirms, Cancel (or closing) keeps the earlier sheet.
 */
export function ConfirmReplace({
  sheetName,
  onConfirm,
  onCancel,
}: {
  readonly sheetName: string | null;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}) {
  return (
    <Confirm
      open={sheetName !== null}
      title="Replace this sheet?"
      confirmLabel="Replace"
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      The sheet &quot;{sheetName}&quot; will be replaced by the new build; anything typed on it is lost.
    </Confirm>
  );
}
