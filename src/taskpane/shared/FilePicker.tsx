import { useRef, type ChangeEvent } from "react";
import { Button, type ButtonProps } from "@fluentui/react-components";
import { usePanelStyles } from "./panelStyles";

/** Props of {@link FilePicker}. */
export interface FilePickerProps {
  /** The accessible name of the file input ("PPRRVU file"); tests and screen readers find it by this. */
  readonly label: string;
  /** The visible button text ("Choose a file…"). */
  readonly button: string;
  /** The input's `accept` list (".csv,text/csv"). */
  readonly accept: string;
  readonly multiple?: boolean;
  /** The button's look; Fluent's default when omitted. */
  readonly appearance?: ButtonProps["appearance"];
  readonly disabled: boolean;
  /** Called with the chosen files (the first alone unless `multiple`), never with none. */
  readonly onFiles: (files: readonly [File, ...File[]]) => void;
}

/**
 * A file picker: a Fluent button opening a visually hidden `<input type="file">`. Choosing the same file again
 * reads it again (the input is cleared after each choice). Renders a fragment, so the caller lays it out.
 */
export function FilePicker({ label, button, accept, multiple, appearance, disabled, onFiles }: FilePickerProps) {
  const styles = usePanelStyles();
  const input = useRef<HTMLInputElement | null>(null);
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const [first, ...rest] = Array.from(event.target.files ?? []);
    event.target.value = ""; // choosing the same file again must read it again
    if (first !== undefined) onFiles([first, ...rest]);
  };
  return (
    <>
      <Button appearance={appearance} onClick={() => input.current?.click()} disabled={disabled}>
        {button}
      </Button>
      <input
        ref={input}
        className={styles.fileInput}
        type="file"
        multiple={multiple}
        accept={accept}
        aria-label={label}
        onChange={choose}
        disabled={disabled}
      />
    </>
  );
}
