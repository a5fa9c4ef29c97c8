import { fail, ok, type Result } from "../../engine";

/** A file as the browser hands it over from `<input type="file">`: a Blob with a name. */
export type ChosenFile = Blob & { readonly name: string };

/** Said when the browser gives no reason of its own for refusing to read a file. */
const NO_REASON = "the browser refused to read it";

/**
 * A chosen file's bytes, or the browser's reason for not reading it (moved, deleted or locked since it was chosen),
 * without a final full stop so that each caller can place it in its own sentence. Never a rejection.
 * FileReader rather than `Blob.arrayBuffer()`: the same bytes in every browser the add-in runs in, and in jsdom; the
 * readers detect the text encoding themselves.
 */
export function readFileBytes(file: ChosenFile): Promise<Result<Uint8Array, string>> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(ok(new Uint8Array(reader.result as ArrayBuffer)));
    reader.onerror = () => {
      const reason = reader.error?.message ?? "";
      resolve(fail((reason === "" ? NO_REASON : reason).replace(/\.$/, "")));
    };
    reader.readAsArrayBuffer(file);
  });
}
