import type { ReactNode } from "react";
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  type MessageBarIntent,
} from "@fluentui/react-components";
import type { CommandState } from "../useCommand";

/** Props of {@link Notice}. */
export interface NoticeProps {
  /** Default "error": most notices say why something was refused or failed. */
  readonly intent?: MessageBarIntent;
  /** A bold first line ("Not saved"); none when omitted. */
  readonly title?: string;
  readonly children: ReactNode;
}

/**
 * A one-message Fluent `MessageBar`: how the task pane shows an issue value (a refused file, a form problem, a
 * failed command) or a short notice.
 *
 * @example <Notice title="Not deleted">{state.message}</Notice>
 */
export function Notice({ intent = "error", title, children }: NoticeProps) {
  return (
    <MessageBar intent={intent}>
      <MessageBarBody>
        {title !== undefined && <MessageBarTitle>{title}</MessageBarTitle>}
        {children}
      </MessageBarBody>
    </MessageBar>
  );
}

/** Props of {@link LoadingStatus}. */
export interface LoadingStatusProps {
  /** The state of the command that reads what the panel lists. */
  readonly state: CommandState<unknown>;
  /** The spinner's label while it runs ("Reading the contract registry…"). */
  readonly reading: string;
  /** The title of the error when it failed ("Could not read the contracts"). */
  readonly failedTitle: string;
}

/** While a panel's list is read: a small spinner; when reading failed: the error, with the command's message. */
export function LoadingStatus({ state, reading, failedTitle }: LoadingStatusProps) {
  return (
    <>
      {state.status === "running" && <Spinner size="tiny" label={reading} />}
      {state.status === "failed" && <Notice title={failedTitle}>{state.message}</Notice>}
    </>
  );
}
