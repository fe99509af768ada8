import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { ApiError } from "../../../lib/api-error.ts";
import { RoutineForm, toRoutineBody } from "./routine-form.tsx";
import { nextRunLabel, scheduleLabel } from "./routine-schedule.ts";

afterEach(cleanup);

describe("RoutineForm", () => {
  it("submits the chosen days in week order with the time", () => {
    const onSubmit = vi.fn();
    render(<RoutineForm submitLabel="Create routine" pending={false} error={null} onSubmit={onSubmit} />);
    fireEvent.click(screen.getByRole("button", { name: "Fri" }));
    fireEvent.click(screen.getByRole("button", { name: "Mon" }));
    fireEvent.click(screen.getByRole("button", { name: "Wed" }));
    fireEvent.change(screen.getByLabelText("Time"), { target: { value: "18:30" } });
    fireEvent.submit(screen.getByRole("form", { name: "Create routine" }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    const body = toRoutineBody(onSubmit.mock.calls[0]![0]);
    expect(body.schedule).toEqual({ days: ["wed", "fri"], time: "18:30" });
    expect(screen.getByRole("button", { name: "Wed" }).getAttribute("aria-pressed")).toBe("true");
  });

  it("refuses to submit without a day, and shows the API's error at its field", () => {
    const error = new ApiError("Invalid", 400, "validation_failed", {
      "schedule.time": "Use 24-hour HH:MM, e.g. 09:00.",
    });
    render(<RoutineForm submitLabel="Save routine" pending={false} error={error} onSubmit={() => {}} />);
    expect(screen.getByText("Use 24-hour HH:MM, e.g. 09:00.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Mon" }));
    expect(screen.getByText("Pick at least one day.")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Save routine" }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe("routine labels", () => {
  it("names the schedule", () => {
    expect(scheduleLabel({ days: ["mon"], time: "09:00", timezone: null })).toBe("Every Monday at 09:00");
    expect(scheduleLabel({ days: ["fri", "mon", "tue", "wed", "thu"], time: "08:00", timezone: null })).toBe(
      "Weekdays at 08:00",
    );
    expect(scheduleLabel({ days: ["sun", "thu"], time: "12:00", timezone: null })).toBe("Thu, Sun at 12:00");
  });

  it("shows the next run in the routine's timezone, or that it is paused", () => {
    const nextRunAt = Date.parse("2026-03-30T07:00:00Z");
    expect(nextRunLabel({ enabled: true, nextRunAt, timezone: "Europe/Berlin" })).toBe(
      "Next: Mon 30 Mar, 09:00 (Europe/Berlin)",
    );
    expect(nextRunLabel({ enabled: false, nextRunAt: null, timezone: "Europe/Berlin" })).toBe("Paused");
  });
});
