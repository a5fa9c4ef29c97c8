/**
 * The follow-up of a negotiation meeting (issue 17 item 3): turns the log entries of one meeting into the
 * "Per our conversation on <date>..." text that makes verbal commitments written ones: the tentative agreements as a
 * numbered list, the outstanding issues with their owner and due date, and a request that the payer confirm in
 * writing. Pure text: the pane copies it; nothing is sent anywhere.
 */
import type { IsoDate } from "../isoDate";
import { LOG_STATUSES, type LogStatus } from "./vocabulary";

/** One row of the NegotiationLog table, as read. */
export interface LogEntry {
  readonly contractName: string;
  readonly date: IsoDate;
  readonly meeting: string;
  readonly attendees: string | null;
  readonly discussionPoints: string | null;
  readonly tentativeAgreements: string | null;
  readonly outstandingIssues: string | null;
  readonly owner: string | null;
  readonly dueDate: IsoDate | null;
  readonly status: LogStatus;
}

/** A meeting: the log entries sharing a contract, a date and a meeting name. */
export interface Meeting {
  readonly contractName: string;
  readonly date: IsoDate;
  readonly meeting: string;
}

/** Several items in one cell are separated by semicolons (a cell holds no line breaks). */
export const ITEM_SEPARATOR = ";";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]; // prettier-ignore

/** A date as a letter writes it: 2026-12-03 -> "December 3, 2026". */
export function letterDate(date: IsoDate): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return `${MONTHS[month - 1]} ${day}, ${year}`;
}

const itemsOf = (cell: string | null) =>
  (cell ?? "")
    .split(ITEM_SEPARATOR)
    .map((item) => item.trim())
    .filter((item) => item !== "");

/** A meeting's identity: names compared as the registry compares them (any case, outer spaces ignored). */
const meetingKey = (m: Meeting) => `${m.contractName.trim().toLowerCase()}|${m.date}|${m.meeting.trim().toLowerCase()}`;

/** Whether a log entry (or meeting) is of the meeting. */
export function isOfMeeting(entry: Meeting, meeting: Meeting): boolean {
  return meetingKey(entry) === meetingKey(meeting);
}

/** The meetings of the entries, latest first (ties by name), each once. */
export function meetingsOf(entries: readonly Meeting[]): Meeting[] {
  const meetings = new Map<string, Meeting>();
  for (const { contractName, date, meeting } of entries)
    if (!meetings.has(meetingKey({ contractName, date, meeting })))
      meetings.set(meetingKey({ contractName, date, meeting }), { contractName, date, meeting });
  return [...meetings.values()].sort((a, b) => b.date.localeCompare(a.date) || a.meeting.localeCompare(b.meeting));
}

/** An outstanding issue's line: the issue, its owner and its due date. */
const issueLine = (issue: string, entry: LogEntry) => {
  const owner = entry.owner === null ? "owner to be named" : `owner: ${entry.owner}`;
  const due = entry.dueDate === null ? "no due date yet" : `due ${letterDate(entry.dueDate)}`;
  return `- ${issue} (${owner}, ${due})`;
};

/**
 * The follow-up text of `meeting` from the log `entries` (those of other meetings are ignored): agreements of
 * entries whose status lists them (not Dropped), outstanding issues of entries whose status lists them (Open,
 * Agreed), in the log's order.
 */
export function followUpText(entries: readonly LogEntry[], meeting: Meeting): string {
  const mine = entries.filter((entry) => isOfMeeting(entry, meeting));
  const attendees = [...new Set(mine.flatMap((entry) => itemsOf(entry.attendees)))];
  const agreements = mine
    .filter((entry) => LOG_STATUSES[entry.status].agreementsListed)
    .flatMap((entry) => itemsOf(entry.tentativeAgreements));
  const issues = mine
    .filter((entry) => LOG_STATUSES[entry.status].issuesListed)
    .flatMap((entry) => itemsOf(entry.outstandingIssues).map((issue) => issueLine(issue, entry)));
  const present = attendees.length === 0 ? "" : `; present: ${attendees.join(", ")}`;
  return [
    `Per our conversation on ${letterDate(meeting.date)} (${meeting.meeting}${present}), this note confirms where we stand on the ${meeting.contractName} contract.`,
    "",
    ...(agreements.length === 0
      ? ["We reached no tentative agreement at this meeting."]
      : ["Tentative agreements:", ...agreements.map((agreement, index) => `${index + 1}. ${agreement}`)]),
    "",
    ...(issues.length === 0 ? ["No issue remains outstanding."] : ["Outstanding issues:", ...issues]),
    "",
    "Please confirm in writing that this reflects your understanding, or tell us what differs.",
  ].join("\n");
}
