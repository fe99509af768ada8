import { useSearch } from "@tanstack/react-router";
import { useState, type FormEvent } from "react";

import type { TCalendarOAuthProvider } from "@cto/contracts/api/calendars";

import { Badge } from "../../../components/ui/badge.tsx";
import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Input, Select } from "../../../components/ui/input.tsx";
import { ListRow, ListRowText } from "../../../components/ui/list-row.tsx";
import { QueryState } from "../../../components/ui/query-state.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { errorMessage } from "../../../lib/api-error.ts";
import { formatRelative } from "../../../lib/format.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";
import {
  useCalendars,
  useConnectCalendar,
  useConnectCalendarWith,
  useDisconnectCalendar,
  useSyncCalendar,
  type TCalendar,
} from "../api/calendars.ts";

const PROVIDER_NAMES: Record<TCalendar["provider"], string> = {
  caldav: "CalDAV",
  ics: "ICS",
  google: "Google",
  microsoft: "Microsoft 365",
};

const CalendarRow = ({ calendar }: { calendar: TCalendar }) => {
  const { t } = useTranslation();
  const sync = useSyncCalendar();
  const disconnect = useDisconnectCalendar();
  const toast = useToast();
  const expired = calendar.status === "expired";
  const failed = calendar.status === "error" || expired;
  return (
    <ListRow label={calendar.label}>
      <ListRowText
        className="min-w-0"
        name={calendar.label}
        tags={
          <Badge tone={failed ? "danger" : "neutral"} className="ml-2">
            {PROVIDER_NAMES[calendar.provider]} ·{" "}
            {!calendar.syncEnabled
              ? t("calendars.syncOff")
              : expired
                ? t("calendars.expired")
                : failed
                  ? t("calendars.syncFailed")
                  : t("calendars.syncing")}
          </Badge>
        }
        details={
          <>
            {calendar.lastSyncAt
              ? t("calendars.synced", { when: formatRelative(calendar.lastSyncAt) })
              : t("calendars.notSynced")}{" "}
            · {t("calendars.events", { number: calendar.eventCount })}
          </>
        }
      >
        {calendar.errorMessage && (
          <span role="alert" className="block text-xs text-red-700">
            {calendar.errorMessage}
          </span>
        )}
      </ListRowText>
      <span className="flex gap-2">
        {calendar.syncEnabled && (
          <Button
            size="sm"
            variant="secondary"
            loading={sync.isPending}
            onClick={() =>
              sync.mutate(calendar.id, {
                onSuccess: () => toast.show(t("calendars.willSync", { label: calendar.label })),
                onError: (error) => toast.show(errorMessage(error), "error"),
              })
            }
          >
            {t("calendars.syncNow")}
          </Button>
        )}
        <Button
          size="sm"
          variant="secondary"
          loading={disconnect.isPending}
          onClick={() =>
            disconnect.mutate(calendar.id, {
              onSuccess: () => toast.show(t("calendars.disconnected", { label: calendar.label })),
              onError: (error) => toast.show(errorMessage(error), "error"),
            })
          }
        >
          {t("calendars.disconnect")}
        </Button>
      </span>
    </ListRow>
  );
};

const ConnectForm = () => {
  const { t } = useTranslation();
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
        toast.show(t("calendars.connected"));
      },
      onError: (failure) => setError(errorMessage(failure)),
    });
  };
  return (
    <form aria-label={t("calendars.formLabel")} onSubmit={submit} className="mt-4 grid gap-3 sm:grid-cols-2">
      <Field label={t("calendars.kind")}>
        <Select value={provider} onChange={(event) => setProvider(event.target.value as "ics" | "caldav")}>
          <option value="ics">{t("calendars.ics")}</option>
          <option value="caldav">{t("calendars.caldav")}</option>
        </Select>
      </Field>
      {provider === "ics" ? (
        <Field label={t("calendars.subscriptionUrl")} hint={t("calendars.subscriptionHint")}>
          <Input type="url" required value={fields.url} onChange={set("url")} />
        </Field>
      ) : (
        <>
          <Field label={t("calendars.serverUrl")}>
            <Input type="url" required value={fields.serverUrl} onChange={set("serverUrl")} />
          </Field>
          <Field label={t("calendars.userName")}>
            <Input required autoComplete="off" value={fields.username} onChange={set("username")} />
          </Field>
          <Field label={t("calendars.password")} hint={t("calendars.passwordHint")}>
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
          {t("calendars.connect")}
        </Button>
      </div>
    </form>
  );
};

/** Google and Microsoft 365: a sign-in at the provider, offered only for those this server has an OAuth client for. */
const ConnectWith = ({ providers }: { providers: TCalendarOAuthProvider[] }) => {
  const { t } = useTranslation();
  const start = useConnectCalendarWith();
  const [error, setError] = useState<string | undefined>();
  if (providers.length === 0) return null;
  const labels = { google: t("calendars.connectGoogle"), microsoft: t("calendars.connectMicrosoft") };
  return (
    <div className="mt-4 space-y-2">
      <div className="flex flex-wrap gap-2">
        {providers.map((provider) => (
          <Button
            key={provider}
            variant="secondary"
            loading={start.isPending && start.variables === provider}
            onClick={() => {
              setError(undefined);
              start.mutate(provider, { onError: (failure) => setError(errorMessage(failure)) });
            }}
          >
            {labels[provider]}
          </Button>
        ))}
      </div>
      <p className="text-xs text-slate-500">{t("calendars.connectWithHint")}</p>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
};

/** How a connect at Google or Microsoft ended, as the API's redirect back here says (never text from the URL). */
const ReturnNotice = () => {
  const { t } = useTranslation();
  const search = useSearch({ strict: false }) as { calendar?: string; calendar_error?: string };
  const refusals: Partial<Record<string, string>> = {
    cancelled: t("calendars.returned.cancelled"),
    limit: t("calendars.returned.limit"),
    unavailable: t("calendars.returned.unavailable"),
    failed: t("calendars.returned.failed"),
  };
  if (search.calendar === "connected")
    return (
      <p role="status" className="mb-3 rounded-lg bg-emerald-50 p-3 text-sm text-emerald-800 ring-1 ring-emerald-200">
        {t("calendars.connected")}
      </p>
    );
  if (!search.calendar_error) return null;
  return (
    <p role="alert" className="mb-3 rounded-lg bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
      {refusals[search.calendar_error] ?? refusals.failed}
    </p>
  );
};

/** Calendars synced into your events (CalDAV, ICS, Google, Microsoft 365), so the coach knows your schedule. */
export const CalendarsCard = () => {
  const { t } = useTranslation();
  const calendars = useCalendars();
  return (
    <Card aria-labelledby="calendars-title">
      <CardHeader
        title={<span id="calendars-title">{t("calendars.title")}</span>}
        description={t("calendars.description")}
      />
      <ReturnNotice />
      <QueryState query={calendars}>
        {(page) => (
          <>
            {page.items.length ? (
              <ul aria-label={t("calendars.list")} className="divide-y divide-slate-100">
                {page.items.map((calendar) => (
                  <CalendarRow key={calendar.id} calendar={calendar} />
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-500">{t("calendars.empty")}</p>
            )}
            <ConnectWith providers={page.oauthProviders} />
          </>
        )}
      </QueryState>
      <ConnectForm />
    </Card>
  );
};
