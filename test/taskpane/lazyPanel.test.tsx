import { act, render, screen } from "@testing-library/react";
import type { ComponentType } from "react";
import { lazyPanel } from "../../src/taskpane/lazyPanel";

/** A tab's code as the browser fetches it: arriving, or failing, when the test says. */
function aFetch() {
  let arrive: (panel: ComponentType) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const fetchCode = jest.fn(
    () =>
      new Promise<ComponentType>((resolve, reject) => {
        arrive = resolve;
        fail = reject;
      }),
  );
  return { fetchCode, arrive: (panel: ComponentType) => arrive(panel), fail: (error: Error) => fail(error) };
}

function UpliftPanel() {
  return <p>Uplift model</p>;
}

describe("a task-pane tab whose code is fetched when it first opens", () => {
  it("shows that the tab is opening until its code arrives, then the tab", async () => {
    const fetch = aFetch();
    const { Component } = lazyPanel(fetch.fetchCode);
    render(<Component />);
    expect(screen.getByText("Opening the tab…")).toBeInTheDocument();
    expect(screen.queryByText("Uplift model")).not.toBeInTheDocument();

    await act(async () => fetch.arrive(UpliftPanel));

    expect(screen.getByText("Uplift model")).toBeInTheDocument();
    expect(screen.queryByText("Opening the tab…")).not.toBeInTheDocument();
  });

  it("shows the tab at once when it opens again, without fetching its code twice", async () => {
    const fetch = aFetch();
    const { Component } = lazyPanel(fetch.fetchCode);
    const first = render(<Component />);
    await act(async () => fetch.arrive(UpliftPanel));
    first.unmount();

    render(<Component />);

    expect(screen.getByText("Uplift model")).toBeInTheDocument();
    expect(fetch.fetchCode).toHaveBeenCalledTimes(1);
  });

  it("says the tab could not open when its code does not arrive, and fetches it again at the next opening", async () => {
    const fetch = aFetch();
    const { Component } = lazyPanel(fetch.fetchCode);
    const first = render(<Component />);
    await act(async () => fetch.fail(new Error("Loading chunk 493 failed.")));
    expect(screen.getByText("Could not open this tab")).toBeInTheDocument();
    expect(screen.getByText(/Loading chunk 493 failed\. Open the tab again to retry\./)).toBeInTheDocument();
    first.unmount();

    render(<Component />);
    await act(async () => fetch.arrive(UpliftPanel));

    expect(screen.getByText("Uplift model")).toBeInTheDocument();
    expect(fetch.fetchCode).toHaveBeenCalledTimes(2);
  });
});
