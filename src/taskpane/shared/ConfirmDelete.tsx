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
    <Dialog open={doomed !== null} onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Delete this row?</DialogTitle>
          <DialogContent>
            {doomed?.label} (row {doomed?.row.loaded.rowNumber} of {doomed?.row.loaded.table}) will be removed from the
            sheet.{consequence === undefined ? "" : ` ${consequence}`}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => doomed !== null && onConfirm(doomed)}>
              Delete
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
