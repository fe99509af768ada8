import { useState, type FormEvent } from "react";

import { Badge } from "../../../components/ui/badge.tsx";
import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Input, Select } from "../../../components/ui/input.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { errorMessage } from "../../../lib/api-error.ts";
import { formatRelative } from "../../../lib/format.ts";
import {
  useCalendars,
  useConnectCalendar,
  useDisconnectCalendar,
  useSyncCalendar,
  type TCalendar,
} from "../api/calendars.ts";

const CalendarRow = ({ calendar }: { calendar: TCalendar }) => {
  const sync = useSyncCalendar();
  const disconnect = useDisconnectCalendar();
  const toast = useToast();
  const failed = calendar.status === "error";
  return (
    <li aria-label={calendar.label} className="flex flex-wrap items-center justify-between gap-3 py-2.5 text-sm">
      <span className="min-w-0">
        <span className="font-medium text-slate-900">{calendar.label}</span>
        <Badge tone={failed ? "danger" : "neutral"} className="ml-2">
          {calendar.provider === "caldav" ? "CalDAV" : "ICS"} · {failed ? "sync failed" : "syncing"}
        </Badge>
        <span className="block text-xs text-slate-500">
          {calendar.lastSyncAt ? `synced ${formatRelative(calendar.lastSyncAt)}` : "not synced yet"} ·{" "}
          {calendar.eventCount} events
        </span>
        {calendar.errorMessage && (
          <span role="alert" className="block text-xs text-red-700">
            {calendar.errorMessage}
          </span>
        )}
      </span>
      <span className="flex gap-2">
        <Button
          size="sm"
          variant="secondary"
          loading={sync.isPending}
          onClick={() =>
            sync.mutate(calendar.id, {
              onSuccess: () => toast.show(`${calendar.label} will sync in a moment.`),
              onError: (error) => toast.show(errorMessage(error), "error"),
            })
          }
        >
          Sync now
        </Button>
        <Button
          size="sm"
          variant="secondary"
          loading={disconnect.isPending}
          onClick={() =>
            disconnect.mutate(calendar.id, {
              onSuccess: () => toast.show(`${calendar.label} is disconnected and its events removed.`),
              onError: (error) => toast.show(errorMessage(error), "error"),
            })
          }
        >
          Disconnect
        </Button>
      </span>
    </li>
  );
};

const ConnectForm = () => {
  const connect = useConnectCalendar();
  const toast = useToast();
  const [provider, setProvider] = useState<"ics" | "caldav">("ics");
  const [fields, setFields] = useState({ url: "", serverUrl: "", username: "", password: "" });
  const [error, setError] = useState<string | undefined>();
  const set = (name: keyof typeof fields) => (event: { target: { value: string } }) =>
    setFields((current) => ({ ...current, [name]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    const body =
      provider === "ics"
        ? { provider, url: fields.url }
        : { provider, serverUrl: fields.serverUrl, username: fields.username, password: fields.password };
    connect.mutate(body, {
      onSuccess: () => {
        setFields({ url: "", serverUrl: "", username: "", password: "" });
        toast.show("Calendar connected; its events arrive in a moment.");
      },
      onError: (failure) => setError(errorMessage(failure)),
    });
  };
  return (
    <form aria-label="Connect a calendar" onSubmit={submit} className="mt-4 grid gap-3 sm:grid-cols-2">
      <Field label="Kind">
        <Select value={provider} onChange={(event) => setProvider(event.target.value as "ics" | "caldav")}>
          <option value="ics">ICS subscription URL</option>
          <option value="caldav">CalDAV server</option>
        </Select>
      </Field>
      {provider === "ics" ? (
        <Field label="Subscription URL" hint="https://… (write webcal:// as https://)">
          <Input type="url" required value={fields.url} onChange={set("url")} />
        </Field>
      ) : (
        <>
          <Field label="Server URL">
            <Input type="url" required value={fields.serverUrl} onChange={set("serverUrl")} />
          </Field>
          <Field label="User name">
            <Input required autoComplete="off" value={fields.username} onChange={set("username")} />
          </Field>
          <Field label="Password" hint="An app password if your provider offers one">
            <Input
              type="password"
              required
              autoComplete="new-password"
              value={fields.password}
              onChange={set("password")}
            />
          </Field>
        </>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700 sm:col-span-2">
          {error}
        </p>
      )}
      <div className="sm:col-span-2">
        <Button type="submit" loading={connect.isPending}>
          Connect calendar
        </Button>
      </div>
    </form>
  );
};

/** Calendars synced into your events (CalDAV or ICS), so the coach knows your schedule. */
export const CalendarsCard = () => {
  const calendars = useCalendars();
  return (
    <Card aria-labelledby="calendars-title">
      <CardHeader
        title={<span id="calendars-title">Calendars</span>}
        description="Connected calendars sync into your events about every 15 minutes. Disconnecting one removes the events it brought."
      />
      <QueryState query={calendars}>
        {(page) =>
          page.items.length ? (
            <ul aria-label="Connected calendars" className="divide-y divide-slate-100">
              {page.items.map((calendar) => (
                <CalendarRow key={calendar.id} calendar={calendar} />
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-500">No calendar connected yet.</p>
          )
        }
      </QueryState>
      <ConnectForm />
    </Card>
  );
};
