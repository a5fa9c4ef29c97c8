import { fail, ok, type Result } from "../../engine";

/** A file as the browser hands it over from `<input type="file">`: a Blob with a name. */
export type ChosenFile = Blob & { readonly name: string };

/**
 * A chosen file's bytes, or the message saying it could not be read (moved, deleted or locked since it was chosen).
 * FileReader rather than `Blob.arrayBuffer()`: the same bytes in every browser the add-in runs in, and in jsdom; the
 * readers detect the text encoding themselves.
 */
export function readFileBytes(file: ChosenFile): Promise<Result<Uint8Array, string>> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(ok(new Uint8Array(reader.result as ArrayBuffer)));
    reader.onerror = () =>
      resolve(
        fail(
          `"${file.name}" could not be read: the browser reported ${reader.error?.name ?? "an error"}. ` +
            "Check that the file still exists and is not open in another program, then choose it again.",
        ),
      );
    reader.readAsArrayBuffer(file);
  });
}
