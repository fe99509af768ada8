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

const EXPERIENCE_LEVELS = [
  ["intern", "Intern"],
  ["junior", "Junior"],
  ["mid_level", "Mid-level"],
  ["senior", "Senior"],
  ["lead", "Lead"],
  ["manager", "Manager"],
  ["director", "Director"],
  ["vp", "VP"],
  ["c_level", "C-level"],
] as const;
const LIST_FIELDS = [
  ["currentSkills", "Skills you have"],
  ["targetSkills", "Skills to grow"],
  ["currentGoals", "Career goals"],
] as const;

type TForm = {
  name: string;
  image: string;
  currentRole: string;
  experienceLevel: string;
  industry: string;
  yearsOfExperience: string;
  bio: string;
} & Record<(typeof LIST_FIELDS)[number][0], string>;

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
  const verify = () => {
    setSending(true);
    unwrap(api.POST("/auth/verify-email/request"))
      .then(
        () => toast.show(`We sent a verification link to ${user.email}.`),
        (error: unknown) => toast.show(errorMessage(error), "error"),
      )
      .finally(() => setSending(false));
  };
  return (
    <div className="mb-5 flex flex-wrap items-center gap-2 rounded-lg bg-slate-50 px-3 py-2.5 text-sm ring-1 ring-slate-200">
      <span className="text-slate-500">Email</span>
      <span className="font-medium text-slate-900">{user.email}</span>
      {user.emailVerified ? (
        <Badge tone="success">Verified</Badge>
      ) : (
        <Button size="sm" variant="secondary" loading={sending} onClick={verify}>
          Verify email
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
  const set = (key: keyof TForm) => (event: { target: { value: string } }) =>
    setForm({ ...form, [key]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(toPatch(form), {
      onSuccess: (stored) => {
        setForm(toForm(stored));
        toast.show("Your profile is saved.");
      },
    });
  };
  return (
    <form ref={formError.ref} onSubmit={submit} className="space-y-4" aria-label="Profile and career">
      <FormError error={formError.error} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" optional error={fieldError(save.error, "name")}>
          <Input value={form.name} maxLength={120} autoComplete="name" onChange={set("name")} />
        </Field>
        <Field label="Current role" optional error={fieldError(save.error, "currentRole")}>
          <Input
            value={form.currentRole}
            maxLength={120}
            autoComplete="organization-title"
            onChange={set("currentRole")}
            placeholder="e.g. Product designer"
          />
        </Field>
        <Field label="Experience level" optional error={fieldError(save.error, "experienceLevel")}>
          <Select value={form.experienceLevel} onChange={set("experienceLevel")}>
            <option value="">Not set</option>
            {EXPERIENCE_LEVELS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Industry" optional error={fieldError(save.error, "industry")}>
          <Input value={form.industry} maxLength={120} onChange={set("industry")} placeholder="e.g. Healthcare" />
        </Field>
        <Field label="Years of experience" optional error={fieldError(save.error, "yearsOfExperience")}>
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
          label="Photo URL"
          optional
          hint="An https link to a square picture."
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
      <Field label="Bio" optional hint="Shown with your growth-diary posts." error={fieldError(save.error, "bio")}>
        <Textarea value={form.bio} maxLength={2000} onChange={set("bio")} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-3">
        {LIST_FIELDS.map(([key, label]) => (
          <Field key={key} label={label} hint="One per line." optional error={fieldError(save.error, key)}>
            <Textarea value={form[key]} rows={4} onChange={set(key)} />
          </Field>
        ))}
      </div>
      <Button type="submit" loading={save.isPending}>
        Save profile
      </Button>
    </form>
  );
};

/** The account's name and career profile (002), edited through PATCH /me. */
export const ProfileCard = () => {
  const { data: session } = useSession();
  if (!session) return null;
  return (
    <Card aria-labelledby="profile-title">
      <CardHeader
        title={<span id="profile-title">Profile and career</span>}
        description="Your coach and the community see your role and goals; everything here is optional."
      />
      <EmailRow user={session.user} />
      <p className="mb-5 rounded-lg bg-slate-50 px-3 py-2.5 text-sm ring-1 ring-slate-200">
        <span className="text-slate-500">Achievement score</span>{" "}
        <span className="font-medium text-slate-900" data-testid="achievement-score">
          {session.user.achievementScore}
        </span>{" "}
        <span className="text-slate-500">
          (10 for each completed goal, 5 for each published post, 3 for each story, 1 for each like from someone else)
        </span>
      </p>
      <ProfileForm user={session.user} />
    </Card>
  );
};
