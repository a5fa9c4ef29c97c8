import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { groupedNumber } from "./wording";

const useStyles = makeStyles({
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Problems shown in full; the rest are counted. */
const SHOWN_PROBLEMS = 20;

/**
 * A titled list of a CMS file's rows left out (or worth a look), the first {@link SHOWN_PROBLEMS} in full and the
 * rest counted; nothing when there are none. The Medicare and Hospital schedules tabs show their files' rows by it.
 */
export function RowProblemList({ title, problems }: { readonly title: string; readonly problems: readonly string[] }) {
  const own = useStyles();
  if (problems.length === 0) return null;
  const more = problems.length - SHOWN_PROBLEMS;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <ul className={own.problems} aria-label={title}>
          {problems.slice(0, SHOWN_PROBLEMS).map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
        {more > 0 && `…and ${groupedNumber(more)} more.`}
      </MessageBarBody>
    </MessageBar>
  );
}
