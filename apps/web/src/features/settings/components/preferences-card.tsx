import { useMemo, useState, type FormEvent } from "react";

import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Checkbox, Input, Select } from "../../../components/ui/input.tsx";
import { FormError } from "../../../components/ui/states.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { useFormError } from "../../../components/ui/use-form-error.ts";
import { fieldError } from "../../../lib/api-error.ts";
import { useSession, type TUser } from "../../../lib/session.ts";
import { useUpdateProfile } from "../api/profile.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";

type TStoredPreferences = {
  timezone?: unknown;
  workingHours?: { start?: unknown; end?: unknown } | null;
  notificationPrefs?: { inApp?: unknown; telegram?: unknown };
  coachNudges?: {
    enabled?: unknown;
    maxPerDay?: unknown;
    quietHours?: { start?: unknown; end?: unknown } | null;
    channels?: { inApp?: unknown; telegram?: unknown; email?: unknown };
  };
};

const NUDGES_PER_DAY = [1, 2, 3, 5, 10];

const deviceTimezone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

// Every zone the browser knows; the stored one is kept in the list even if this browser lacks it.
const timezones = (current: string) => {
  const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  const zones = new Set([...known, "UTC", current]);
  return [...zones].sort();
};

const readPreferences = (user: TUser) => {
  const stored = (
    user.preferences && typeof user.preferences === "object" && !Array.isArray(user.preferences) ? user.preferences : {}
  ) as TStoredPreferences;
  const hours =
    stored.workingHours && typeof stored.workingHours.start === "string" && typeof stored.workingHours.end === "string"
      ? { start: stored.workingHours.start, end: stored.workingHours.end }
      : null;
  const storedQuiet = stored.coachNudges?.quietHours;
  const nudgeChannels = stored.coachNudges?.channels;
  const quiet =
    storedQuiet && typeof storedQuiet.start === "string" && typeof storedQuiet.end === "string"
      ? { start: storedQuiet.start, end: storedQuiet.end }
      : null;
  return {
    timezone: typeof stored.timezone === "string" ? stored.timezone : "",
    limitHours: hours !== null,
    start: hours?.start ?? "09:00",
    end: hours?.end ?? "17:30",
    // Channels are on unless turned off, as the reminder worker reads them.
    inApp: stored.notificationPrefs?.inApp !== false,
    telegram: stored.notificationPrefs?.telegram !== false,
    // Nudges too are on unless turned off, two a day, as the nudge worker reads them.
    nudges: stored.coachNudges?.enabled !== false,
    nudgesPerDay: typeof stored.coachNudges?.maxPerDay === "number" ? stored.coachNudges.maxPerDay : 2,
    // Nudge channels: in-app and Telegram as the reminders' until set apart, email only once turned on.
    nudgeInApp:
      typeof nudgeChannels?.inApp === "boolean" ? nudgeChannels.inApp : stored.notificationPrefs?.inApp !== false,
    nudgeTelegram:
      typeof nudgeChannels?.telegram === "boolean"
        ? nudgeChannels.telegram
        : stored.notificationPrefs?.telegram !== false,
    nudgeEmail: nudgeChannels?.email === true,
    limitQuiet: quiet !== null,
    quietStart: quiet?.start ?? "21:00",
    quietEnd: quiet?.end ?? "08:00",
  };
};

const PreferencesForm = ({ user }: { user: TUser }) => {
  const emailVerified = Boolean(user.emailVerified);
  const save = useUpdateProfile();
  const toast = useToast();
  const [form, setForm] = useState(() => readPreferences(user));
  const zones = useMemo(() => timezones(form.timezone || deviceTimezone()), [form.timezone]);
  const formError = useFormError(save.error);
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        preferences: {
          timezone: form.timezone || deviceTimezone(),
          workingHours: form.limitHours ? { start: form.start, end: form.end } : null,
          notificationPrefs: { inApp: form.inApp, telegram: form.telegram },
          coachNudges: {
            enabled: form.nudges,
            maxPerDay: form.nudgesPerDay,
            channels: { inApp: form.nudgeInApp, telegram: form.nudgeTelegram, email: form.nudgeEmail },
            quietHours: form.limitQuiet ? { start: form.quietStart, end: form.quietEnd } : null,
          },
        },
      },
      {
        onSuccess: (stored) => {
          setForm(readPreferences(stored));
          toast.show(t("preferences.saved"));
        },
      },
    );
  };
  return (
    <form ref={formError.ref} onSubmit={submit} className="space-y-4" aria-label={t("preferences.title")}>
      <FormError error={formError.error} />
      <Field
        label={t("preferences.timezone")}
        hint={form.timezone ? undefined : t("preferences.timezoneUnset", { zone: deviceTimezone() })}
        error={fieldError(save.error, "preferences.timezone")}
      >
        <Select
          value={form.timezone || deviceTimezone()}
          onChange={(event) => setForm({ ...form, timezone: event.target.value })}
        >
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll("_", " ")}
            </option>
          ))}
        </Select>
      </Field>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-800">{t("preferences.workingHours")}</legend>
        <Checkbox
          label={t("preferences.limitHours")}
          checked={form.limitHours}
          onChange={(event) => setForm({ ...form, limitHours: event.target.checked })}
        />
        {form.limitHours && (
          <div className="grid max-w-sm grid-cols-2 gap-3">
            <Field label={t("preferences.from")} error={fieldError(save.error, "preferences.workingHours.start")}>
              <Input
                type="time"
                required
                value={form.start}
                onChange={(event) => setForm({ ...form, start: event.target.value })}
              />
            </Field>
            <Field
              label={t("preferences.until")}
              error={
                fieldError(save.error, "preferences.workingHours.end") ??
                fieldError(save.error, "preferences.workingHours")
              }
            >
              <Input
                type="time"
                required
                value={form.end}
                onChange={(event) => setForm({ ...form, end: event.target.value })}
              />
            </Field>
          </div>
        )}
        <p className="text-xs text-slate-500">{t("preferences.outsideHours")}</p>
      </fieldset>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">{t("preferences.sendTo")}</legend>
        <Checkbox
          label={t("preferences.inApp")}
          checked={form.inApp}
          onChange={(event) => setForm({ ...form, inApp: event.target.checked })}
        />
        <Checkbox
          label={t("preferences.telegram")}
          checked={form.telegram}
          onChange={(event) => setForm({ ...form, telegram: event.target.checked })}
        />
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-slate-800">{t("preferences.nudges")}</legend>
        <Checkbox
          label={t("preferences.allowNudges")}
          checked={form.nudges}
          onChange={(event) => setForm({ ...form, nudges: event.target.checked })}
        />
        {form.nudges && (
          <>
            <Field label={t("preferences.atMost")} error={fieldError(save.error, "preferences.coachNudges.maxPerDay")}>
              <Select
                value={String(form.nudgesPerDay)}
                onChange={(event) => setForm({ ...form, nudgesPerDay: Number(event.target.value) })}
              >
                {[...new Set([...NUDGES_PER_DAY, form.nudgesPerDay])]
                  .sort((a, b) => a - b)
                  .map((count) => (
                    <option key={count} value={count}>
                      {t("preferences.perDay", { count })}
                    </option>
                  ))}
              </Select>
            </Field>
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-1 text-sm text-slate-700">{t("preferences.nudgesTo")}</legend>
              <Checkbox
                label={t("preferences.nudgeInApp")}
                checked={form.nudgeInApp}
                onChange={(event) => setForm({ ...form, nudgeInApp: event.target.checked })}
              />
              <Checkbox
                label={t("preferences.nudgeTelegram")}
                checked={form.nudgeTelegram}
                onChange={(event) => setForm({ ...form, nudgeTelegram: event.target.checked })}
              />
              <Checkbox
                label={t("preferences.nudgeEmail", { email: user.email })}
                checked={form.nudgeEmail}
                onChange={(event) => setForm({ ...form, nudgeEmail: event.target.checked })}
              />
              {form.nudgeEmail && !emailVerified && (
                <p className="text-xs text-amber-700">{t("preferences.verifyFirst")}</p>
              )}
            </fieldset>
            <Checkbox
              label={t("preferences.quiet")}
              checked={form.limitQuiet}
              onChange={(event) => setForm({ ...form, limitQuiet: event.target.checked })}
            />
            {form.limitQuiet && (
              <div className="grid max-w-sm grid-cols-2 gap-3">
                <Field
                  label={t("preferences.quietStart")}
                  error={fieldError(save.error, "preferences.coachNudges.quietHours.start")}
                >
                  <Input
                    type="time"
                    required
                    value={form.quietStart}
                    onChange={(event) => setForm({ ...form, quietStart: event.target.value })}
                  />
                </Field>
                <Field
                  label={t("preferences.quietEnd")}
                  error={
                    fieldError(save.error, "preferences.coachNudges.quietHours.end") ??
                    fieldError(save.error, "preferences.coachNudges.quietHours")
                  }
                >
                  <Input
                    type="time"
                    required
                    value={form.quietEnd}
                    onChange={(event) => setForm({ ...form, quietEnd: event.target.value })}
                  />
                </Field>
              </div>
            )}
          </>
        )}
        <p className="text-xs text-slate-500">{t("preferences.nudgeRules")}</p>
      </fieldset>
      <Button type="submit" loading={save.isPending}>
        {t("preferences.save")}
      </Button>
    </form>
  );
};

/** The preferences reminders and the coach's nudges read: timezone, working hours, channels, nudge limits. */
export const PreferencesCard = () => {
  const { data: session } = useSession();
  const { t } = useTranslation();
  if (!session) return null;
  return (
    <Card aria-labelledby="preferences-title">
      <CardHeader
        title={<span id="preferences-title">{t("preferences.title")}</span>}
        description={t("preferences.description")}
      />
      <PreferencesForm user={session.user} />
    </Card>
  );
};
