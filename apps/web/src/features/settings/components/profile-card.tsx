import { useState, type FormEvent } from "react";

import { Badge } from "../../../components/ui/badge.tsx";
import { Button } from "../../../components/ui/button.tsx";
import { Card, CardHeader } from "../../../components/ui/card.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Input, Select, Textarea } from "../../../components/ui/input.tsx";
import { FormError } from "../../../components/ui/states.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { useFormError } from "../../../components/ui/use-form-error.ts";
import { api, unwrap } from "../../../lib/api-client.ts";
import { errorMessage, fieldError } from "../../../lib/api-error.ts";
import { useSession, type TUser } from "../../../lib/session.ts";
import { useUpdateProfile, type TProfilePatch } from "../api/profile.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";
import { formatNumber } from "../../../lib/format.ts";

// The API's experience levels, in its order; their names are messages (`profile.levels`).
const EXPERIENCE_LEVELS = [
  "intern",
  "junior",
  "mid_level",
  "senior",
  "lead",
  "manager",
  "director",
  "vp",
  "c_level",
] as const satisfies readonly NonNullable<TProfilePatch["experienceLevel"]>[];
const LIST_FIELDS = ["currentSkills", "targetSkills", "currentGoals"] as const;

type TForm = {
  name: string;
  image: string;
  currentRole: string;
  experienceLevel: string;
  industry: string;
  yearsOfExperience: string;
  bio: string;
} & Record<(typeof LIST_FIELDS)[number], string>;

// Lists are edited one item per line, as in the context form.
const toForm = (user: TUser): TForm => ({
  name: user.name ?? "",
  image: user.image ?? "",
  currentRole: user.currentRole ?? "",
  experienceLevel: user.experienceLevel ?? "",
  industry: user.industry ?? "",
  yearsOfExperience: user.yearsOfExperience === null ? "" : String(user.yearsOfExperience),
  bio: user.bio ?? "",
  currentSkills: user.currentSkills.join("\n"),
  targetSkills: user.targetSkills.join("\n"),
  currentGoals: user.currentGoals.join("\n"),
});

const lines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

const toPatch = (form: TForm): TProfilePatch => ({
  name: form.name.trim() || null,
  image: form.image.trim() || null,
  currentRole: form.currentRole,
  experienceLevel: (form.experienceLevel || null) as TProfilePatch["experienceLevel"],
  industry: form.industry,
  // An unparsable number is sent as is, so the API's message (not a silent blank) reaches the field.
  yearsOfExperience: form.yearsOfExperience.trim() === "" ? null : Number(form.yearsOfExperience),
  bio: form.bio,
  currentSkills: lines(form.currentSkills),
  targetSkills: lines(form.targetSkills),
  currentGoals: lines(form.currentGoals),
});

const EmailRow = ({ user }: { user: TUser }) => {
  const toast = useToast();
  const [sending, setSending] = useState(false);
  const { t } = useTranslation();
  const verify = () => {
    setSending(true);
    unwrap(api.POST("/auth/verify-email/request"))
      .then(
        () => toast.show(t("profile.verificationSent", { email: user.email })),
        (error: unknown) => toast.show(errorMessage(error), "error"),
      )
      .finally(() => setSending(false));
  };
  return (
    <div className="mb-5 flex flex-wrap items-center gap-2 rounded-lg bg-slate-50 px-3 py-2.5 text-sm ring-1 ring-slate-200">
      <span className="text-slate-500">{t("profile.email")}</span>
      <span className="font-medium text-slate-900">{user.email}</span>
      {user.emailVerified ? (
        <Badge tone="success">{t("profile.verified")}</Badge>
      ) : (
        <Button size="sm" variant="secondary" loading={sending} onClick={verify}>
          {t("profile.verifyEmail")}
        </Button>
      )}
    </div>
  );
};

const ProfileForm = ({ user }: { user: TUser }) => {
  const save = useUpdateProfile();
  const toast = useToast();
  const [form, setForm] = useState(() => toForm(user));
  const formError = useFormError(save.error);
  const { t } = useTranslation();
  const set = (key: keyof TForm) => (event: { target: { value: string } }) =>
    setForm({ ...form, [key]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(toPatch(form), {
      onSuccess: (stored) => {
        setForm(toForm(stored));
        toast.show(t("profile.saved"));
      },
    });
  };
  return (
    <form ref={formError.ref} onSubmit={submit} className="space-y-4" aria-label={t("profile.title")}>
      <FormError error={formError.error} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("profile.name")} optional error={fieldError(save.error, "name")}>
          <Input value={form.name} maxLength={120} autoComplete="name" onChange={set("name")} />
        </Field>
        <Field label={t("profile.currentRole")} optional error={fieldError(save.error, "currentRole")}>
          <Input
            value={form.currentRole}
            maxLength={120}
            autoComplete="organization-title"
            onChange={set("currentRole")}
            placeholder={t("profile.currentRolePlaceholder")}
          />
        </Field>
        <Field label={t("profile.experienceLevel")} optional error={fieldError(save.error, "experienceLevel")}>
          <Select value={form.experienceLevel} onChange={set("experienceLevel")}>
            <option value="">{t("profile.notSet")}</option>
            {EXPERIENCE_LEVELS.map((value) => (
              <option key={value} value={value}>
                {t(`profile.levels.${value}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("profile.industry")} optional error={fieldError(save.error, "industry")}>
          <Input
            value={form.industry}
            maxLength={120}
            onChange={set("industry")}
            placeholder={t("profile.industryPlaceholder")}
          />
        </Field>
        <Field label={t("profile.years")} optional error={fieldError(save.error, "yearsOfExperience")}>
          <Input
            type="number"
            inputMode="numeric"
            min={0}
            max={80}
            step={1}
            value={form.yearsOfExperience}
            onChange={set("yearsOfExperience")}
          />
        </Field>
      </div>
      <div className="flex items-end gap-3">
        {form.image.trim() && (
          <img
            src={form.image.trim()}
            alt=""
            className="size-10 shrink-0 rounded-full object-cover ring-1 ring-slate-200"
          />
        )}
        <Field
          label={t("profile.photo")}
          optional
          hint={t("profile.photoHint")}
          className="flex-1"
          error={fieldError(save.error, "image")}
        >
          <Input
            type="url"
            inputMode="url"
            value={form.image}
            maxLength={2000}
            onChange={set("image")}
            placeholder="https://…"
          />
        </Field>
      </div>
      <Field label={t("profile.bio")} optional hint={t("profile.bioHint")} error={fieldError(save.error, "bio")}>
        <Textarea value={form.bio} maxLength={2000} onChange={set("bio")} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        {LIST_FIELDS.map((key) => (
          <Field
            key={key}
            label={t(`profile.lists.${key}`)}
            hint={t("profile.onePerLine")}
            optional
            error={fieldError(save.error, key)}
          >
            <Textarea value={form[key]} rows={4} onChange={set(key)} />
          </Field>
        ))}
      </div>
      <Button type="submit" loading={save.isPending}>
        {t("profile.save")}
      </Button>
    </form>
  );
};

/** The account's name and career profile (002), edited through PATCH /me. */
export const ProfileCard = () => {
  const { data: session } = useSession();
  const { t } = useTranslation();
  if (!session) return null;
  return (
    <Card aria-labelledby="profile-title">
      <CardHeader title={<span id="profile-title">{t("profile.title")}</span>} description={t("profile.description")} />
      <EmailRow user={session.user} />
      <p className="mb-5 rounded-lg bg-slate-50 px-3 py-2.5 text-sm ring-1 ring-slate-200">
        <span className="text-slate-500">{t("profile.achievementScore")}</span>{" "}
        <span className="font-medium text-slate-900" data-testid="achievement-score">
          {formatNumber(session.user.achievementScore)}
        </span>{" "}
        <span className="text-slate-500">{t("profile.achievementHint")}</span>
      </p>
      <ProfileForm user={session.user} />
    </Card>
  );
};
