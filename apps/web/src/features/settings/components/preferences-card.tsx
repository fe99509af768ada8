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

type TStoredPreferences = {
  timezone?: unknown;
  workingHours?: { start?: unknown; end?: unknown } | null;
  notificationPrefs?: { inApp?: unknown; telegram?: unknown };
};

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
  return {
    timezone: typeof stored.timezone === "string" ? stored.timezone : "",
    limitHours: hours !== null,
    start: hours?.start ?? "09:00",
    end: hours?.end ?? "17:30",
    // Channels are on unless turned off, as the reminder worker reads them.
    inApp: stored.notificationPrefs?.inApp !== false,
    telegram: stored.notificationPrefs?.telegram !== false,
  };
};

const PreferencesForm = ({ user }: { user: TUser }) => {
  const save = useUpdateProfile();
  const toast = useToast();
  const [form, setForm] = useState(() => readPreferences(user));
  const zones = useMemo(() => timezones(form.timezone || deviceTimezone()), [form.timezone]);
  const formError = useFormError(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        preferences: {
          timezone: form.timezone || deviceTimezone(),
          workingHours: form.limitHours ? { start: form.start, end: form.end } : null,
          notificationPrefs: { inApp: form.inApp, telegram: form.telegram },
        },
      },
      {
        onSuccess: (stored) => {
          setForm(readPreferences(stored));
          toast.show("Your preferences are saved.");
        },
      },
    );
  };
  return (
    <form ref={formError.ref} onSubmit={submit} className="space-y-4" aria-label="Reminders and time">
      <FormError error={formError.error} />
      <Field
        label="Timezone"
        hint={form.timezone ? undefined : `Not set yet: saving uses this device's timezone, ${deviceTimezone()}.`}
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
        <legend className="text-sm font-medium text-slate-800">Working hours</legend>
        <Checkbox
          label="Only send reminders during my working hours"
          checked={form.limitHours}
          onChange={(event) => setForm({ ...form, limitHours: event.target.checked })}
        />
        {form.limitHours && (
          <div className="grid max-w-sm grid-cols-2 gap-3">
            <Field label="From" error={fieldError(save.error, "preferences.workingHours.start")}>
              <Input
                type="time"
                required
                value={form.start}
                onChange={(event) => setForm({ ...form, start: event.target.value })}
              />
            </Field>
            <Field
              label="Until"
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
        <p className="text-xs text-slate-500">
          A reminder that falls outside them arrives when your next working day starts.
        </p>
      </fieldset>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">Send reminders to</legend>
        <Checkbox
          label="Cto (notifications on the dashboard)"
          checked={form.inApp}
          onChange={(event) => setForm({ ...form, inApp: event.target.checked })}
        />
        <Checkbox
          label="Telegram, when a chat is linked"
          checked={form.telegram}
          onChange={(event) => setForm({ ...form, telegram: event.target.checked })}
        />
      </fieldset>
      <Button type="submit" loading={save.isPending}>
        Save preferences
      </Button>
    </form>
  );
};

/** The preferences reminders read: timezone, working hours and channels. */
export const PreferencesCard = () => {
  const { data: session } = useSession();
  if (!session) return null;
  return (
    <Card aria-labelledby="preferences-title">
      <CardHeader
        title={<span id="preferences-title">Reminders and time</span>}
        description="When and where Cto reminds you of commitments and deadlines."
      />
      <PreferencesForm user={session.user} />
    </Card>
  );
};
