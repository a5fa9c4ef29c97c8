import { useRef, useState } from "react";
import { Button, Field, Textarea } from "@fluentui/react-components";
import { Notice } from "../shared/Notice";

/** What the copy did: put the text on the clipboard, or selected it for the user to copy. */
type Copied = "clipboard" | "selected" | null;

const COPIED_WORDS = {
  clipboard: "Copied to the clipboard: paste it into your email.",
  selected: "The clipboard is not available here: the text is selected, press Ctrl+C (Cmd+C on a Mac) to copy it.",
} as const satisfies Record<Exclude<Copied, null>, string>;

/**
 * A meeting's follow-up text in a read-only box, and "Copy follow-up": the text goes to the clipboard when the host
 * offers one, else it is selected in the box for the user to copy. Nothing is sent anywhere.
 */
export function FollowUp({ text }: { readonly text: string }) {
  const box = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<Copied>(null);
  const select = () => {
    box.current?.focus();
    box.current?.select();
    setCopied("selected");
  };
  const copy = async () => {
    const clipboard = typeof navigator === "undefined" ? undefined : navigator.clipboard;
    if (clipboard === undefined) return select();
    try {
      await clipboard.writeText(text);
      setCopied("clipboard");
    } catch {
      // The host refused (no permission): the user copies the selected text instead.
      select();
    }
  };
  return (
    <>
      <Field label="Follow-up text">
        <Textarea ref={box} value={text} readOnly resize="vertical" rows={10} />
      </Field>
      <div>
        <Button size="small" appearance="primary" onClick={() => void copy()}>
          Copy follow-up
        </Button>
      </div>
      {copied !== null && <Notice intent="info">{COPIED_WORDS[copied]}</Notice>}
    </>
  );
}
