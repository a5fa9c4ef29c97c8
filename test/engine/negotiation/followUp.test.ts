/**
 * The follow-up of a negotiation meeting (issue 17 item 3): the log rows of one meeting become a "Per our
 * conversation..." text, written out here by hand.
 */
import { followUpText, letterDate, meetingsOf, type IsoDate, type LogEntry } from "../../../src/engine";

const d = (text: string) => text as IsoDate;
const MEETING = { contractName: "Acme PPO", date: d("2026-03-12"), meeting: "Rate proposal review" };

const entry = (overrides: Partial<LogEntry>): LogEntry => ({
  ...MEETING,
  attendees: null,
  discussionPoints: null,
  tentativeAgreements: null,
  outstandingIssues: null,
  owner: null,
  dueDate: null,
  status: "open",
  ...overrides,
});

const LOG: readonly LogEntry[] = [
  entry({
    attendees: "Dana Ruiz (Acme); Sam Lee",
    discussionPoints: "Our 5% ask on the top 20 codes",
    tentativeAgreements: "4% on the top 20 codes from 2027-01-01; 3% on all other codes",
    outstandingIssues: "Lab carve-out rates",
    owner: "Sam Lee",
    dueDate: d("2026-03-26"),
    status: "agreed",
  }),
  entry({ attendees: "Sam Lee; Ana Park", tentativeAgreements: "Timely filing of 180 days", outstandingIssues: "Audit look-back period" }), // prettier-ignore
  entry({ tentativeAgreements: "A 2% escalator in 2028", status: "dropped" }),
  entry({ outstandingIssues: "Send the claims extract", owner: "Ana Park", status: "done" }),
  entry({ date: d("2026-02-02"), meeting: "Kick-off", tentativeAgreements: "Meet monthly" }),
];

describe("the follow-up text of a meeting", () => {
  it("recalls the conversation, lists the agreements and the open issues, and asks for written confirmation", () => {
    expect(followUpText(LOG, MEETING)).toBe(
      [
        "Per our conversation on March 12, 2026 (Rate proposal review; present: Dana Ruiz (Acme), Sam Lee, Ana Park), this note confirms where we stand on the Acme PPO contract.",
        "",
        "Tentative agreements:",
        "1. 4% on the top 20 codes from 2027-01-01",
        "2. 3% on all other codes",
        "3. Timely filing of 180 days",
        "",
        "Outstanding issues:",
        "- Lab carve-out rates (owner: Sam Lee, due March 26, 2026)",
        "- Audit look-back period (owner to be named, no due date yet)",
        "",
        "Please confirm in writing that this reflects your understanding, or tell us what differs.",
      ].join("\n"),
    );
  });

  it("leaves out the agreements of a dropped point", () => {
    expect(followUpText(LOG, MEETING)).not.toContain("escalator");
  });

  it("leaves out the issues of a done point", () => {
    expect(followUpText(LOG, MEETING)).not.toContain("claims extract");
  });

  it("says so when a meeting reached no agreement and left nothing open", () => {
    const quiet = { ...MEETING, meeting: "Introductions" };
    expect(followUpText([entry({ ...quiet, discussionPoints: "Who is who" })], quiet)).toBe(
      [
        "Per our conversation on March 12, 2026 (Introductions), this note confirms where we stand on the Acme PPO contract.",
        "",
        "We reached no tentative agreement at this meeting.",
        "",
        "No issue remains outstanding.",
        "",
        "Please confirm in writing that this reflects your understanding, or tell us what differs.",
      ].join("\n"),
    );
  });

  it("finds a meeting's rows whatever the case of its names", () => {
    const text = followUpText(LOG, { ...MEETING, contractName: "ACME ppo", meeting: "rate proposal REVIEW" });
    expect(text).toContain("3. Timely filing of 180 days");
  });
});

describe("the meetings of a log", () => {
  it("lists each meeting once, the latest first", () => {
    expect(meetingsOf(LOG).map((m) => `${m.date} ${m.meeting}`)).toEqual([
      "2026-03-12 Rate proposal review",
      "2026-02-02 Kick-off",
    ]);
  });
});

describe("dates in a letter", () => {
  it("writes a leap day with its month's name", () => {
    expect(letterDate(d("2028-02-29"))).toBe("February 29, 2028");
  });
});
