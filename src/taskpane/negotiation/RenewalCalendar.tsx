import { Caption1, Text } from "@fluentui/react-components";
import { RENEWAL_FLAGS, renewalSentence, type RenewalEntry, type RenewalFlag } from "../../engine";
import { usePanelStyles } from "../shared/panelStyles";

/** How strongly each flag is shown: what needs action now stands out. */
const URGENT = {
  noTermEnd: false,
  expired: true,
  noticePassed: true,
  noticeClosing: true,
  late: true,
  startNow: true,
  upcoming: false,
} as const satisfies Record<RenewalFlag, boolean>;

/** The renewal calendar: every contract, soonest term end first, with its flag and what it means. */
export function RenewalCalendar({ calendar }: { readonly calendar: readonly RenewalEntry[] }) {
  const styles = usePanelStyles();
  if (calendar.length === 0)
    return <Text className={styles.muted}>No contracts in PayerContracts: the calendar is empty.</Text>;
  return (
    <ul className={styles.cardList} aria-label="Renewal calendar">
      {calendar.map((entry) => (
        <li key={entry.contractName} className={styles.card} aria-label={entry.contractName}>
          <Text weight="semibold">{entry.contractName}</Text>{" "}
          <Text weight={URGENT[entry.flag] ? "semibold" : "regular"}>{RENEWAL_FLAGS[entry.flag].label}</Text>
          <Caption1 as="p">{renewalSentence(entry)}</Caption1>
        </li>
      ))}
    </ul>
  );
}
