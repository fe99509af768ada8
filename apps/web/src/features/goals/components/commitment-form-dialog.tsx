import { useState } from "react";

import { Field } from "../../../components/ui/field.tsx";
import { FormDialog } from "../../../components/ui/form-dialog.tsx";
import { Input, Select } from "../../../components/ui/input.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { ApiError } from "../../../lib/api-error.ts";
import { reminderOutlook, useBackgroundJobs } from "../../../lib/background-jobs.ts";
import { fromLocalInput, toLocalInput } from "../../../lib/format.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";
import { useCreateCommitment, useUpdateCommitment, type TCommitment } from "../api/commitments.ts";
import { useGoals } from "../api/goals.ts";

/** Create a commitment, or edit one: what, for which goal, when it is due and when to be reminded. */
export const CommitmentFormDialog = ({
  open,
  onClose,
  commitment,
}: {
  open: boolean;
  onClose: () => void;
  commitment?: TCommitment | undefined;
}) => {
  const { t } = useTranslation();
  const create = useCreateCommitment();
  const update = useUpdateCommitment();
  const mutation = commitment ? update : create;
  const goals = useGoals({ status: "active" });
  const toast = useToast();
  const outlook = reminderOutlook(useBackgroundJobs());
  const [form, setForm] = useState(() => ({
    title: commitment?.title ?? "",
    goalId: commitment?.goalId ?? "",
    dueAt: toLocalInput(commitment?.dueAt),
    remindAt: toLocalInput(commitment?.remindAt),
  }));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const fields = { ...(mutation.error instanceof ApiError ? mutation.error.fields : {}), ...problems };

  const submit = () => {
    const title = form.title.trim();
    const dueAt = fromLocalInput(form.dueAt);
    // The form shows minutes: a stored time left as it was is sent back as stored, not rounded.
    const unchanged = commitment !== undefined && form.remindAt === toLocalInput(commitment.remindAt);
    const remindAt = unchanged ? (commitment?.remindAt ?? null) : fromLocalInput(form.remindAt);
    const found: Record<string, string> = {};
    if (!title) found.title = t("goals.commitmentForm.titleMissing");
    // A reminder time already gone would never be sent; one left as it was (already sent) may stay.
    if (remindAt !== null && !unchanged && remindAt < Date.now())
      found.remindAt = t("goals.commitmentForm.remindPassed");
    else if (remindAt !== null && dueAt !== null && remindAt > dueAt)
      found.remindAt = t("goals.commitmentForm.remindAfterDue");
    setProblems(found);
    if (Object.keys(found).length) return;
    const body = { title, description: commitment?.description ?? null, goalId: form.goalId || null, dueAt, remindAt };
    const made = !remindAt
      ? t("goals.commitmentForm.made")
      : outlook
        ? t("goals.commitmentForm.madeWaiting")
        : t("goals.commitmentForm.madeReminded");
    const done = {
      onSuccess: () => {
        toast.show(commitment ? t("goals.commitmentForm.saved") : made);
        onClose();
      },
    };
    if (commitment) update.mutate({ id: commitment.id, ...body }, done);
    else create.mutate(body, done);
  };

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={commitment ? t("goals.commitmentForm.editTitle") : t("goals.commitmentForm.newTitle")}
      description={t("goals.commitmentForm.description")}
      error={mutation.error}
      pending={mutation.isPending}
      submitLabel={commitment ? t("goals.commitmentForm.save") : t("goals.commitmentForm.make")}
      onSubmit={submit}
    >
      <Field label={t("goals.commitmentForm.commitment")} error={fields.title}>
        <Input
          value={form.title}
          maxLength={200}
          onChange={(event) => setForm({ ...form, title: event.target.value })}
          placeholder={t("goals.commitmentForm.placeholder")}
        />
      </Field>
      <Field label={t("goals.commitmentForm.forGoal")} optional error={fields.goalId}>
        <Select value={form.goalId} onChange={(event) => setForm({ ...form, goalId: event.target.value })}>
          <option value="">{t("goals.commitmentForm.noGoal")}</option>
          {goals.data?.pages
            .flatMap((page) => page.items)
            .map((goal) => (
              <option key={goal.id} value={goal.id}>
                {goal.title}
              </option>
            ))}
        </Select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("goals.commitmentForm.due")} optional error={fields.dueAt}>
          <Input
            type="datetime-local"
            value={form.dueAt}
            onChange={(event) => setForm({ ...form, dueAt: event.target.value })}
          />
        </Field>
        <Field
          label={t("goals.commitmentForm.remindAt")}
          optional
          hint={outlook ?? t("goals.commitmentForm.remindHint")}
          error={fields.remindAt}
        >
          <Input
            type="datetime-local"
            value={form.remindAt}
            onChange={(event) => setForm({ ...form, remindAt: event.target.value })}
          />
        </Field>
      </div>
    </FormDialog>
  );
};
