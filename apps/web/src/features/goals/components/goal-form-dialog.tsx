import { useState } from "react";

import { Field } from "../../../components/ui/field.tsx";
import { FormDialog } from "../../../components/ui/form-dialog.tsx";
import { Input, Select, Textarea } from "../../../components/ui/input.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { ApiError } from "../../../lib/api-error.ts";
import { fromLocalInput, toLocalInput } from "../../../lib/format.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";
import { useCreateGoal, useUpdateGoal, type TGoal, type TGoalPeriod } from "../api/goals.ts";

export const PERIODS: TGoalPeriod[] = ["daily", "weekly", "monthly", "quarterly", "yearly"];

/** Create a goal, or edit one (`goal` given). */
export const GoalFormDialog = ({
  open,
  onClose,
  goal,
}: {
  open: boolean;
  onClose: () => void;
  goal?: TGoal | undefined;
}) => {
  const { t } = useTranslation();
  const create = useCreateGoal();
  const update = useUpdateGoal();
  const mutation = goal ? update : create;
  const toast = useToast();
  const [form, setForm] = useState(() => ({
    title: goal?.title ?? "",
    description: goal?.description ?? "",
    period: goal?.period ?? ("weekly" as TGoalPeriod),
    progress: goal?.progress ?? 0,
    deadline: toLocalInput(goal?.deadline).slice(0, 10),
  }));
  const [missingTitle, setMissingTitle] = useState(false);
  const fields = mutation.error instanceof ApiError ? mutation.error.fields : {};

  const submit = () => {
    const title = form.title.trim();
    setMissingTitle(!title);
    if (!title) return;
    const body = {
      title,
      description: form.description.trim() || null,
      period: form.period,
      progress: form.progress,
      deadline: fromLocalInput(form.deadline),
    };
    const done = {
      onSuccess: () => {
        toast.show(goal ? t("goals.goalForm.saved") : t("goals.goalForm.created"));
        onClose();
      },
    };
    if (goal) update.mutate({ id: goal.id, ...body }, done);
    else create.mutate(body, done);
  };

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={goal ? t("goals.goalForm.editTitle") : t("goals.goalForm.newTitle")}
      error={mutation.error}
      pending={mutation.isPending}
      submitLabel={goal ? t("goals.goalForm.save") : t("goals.goalForm.create")}
      onSubmit={submit}
    >
      <Field label={t("goals.goalForm.goal")} error={missingTitle ? t("goals.goalForm.nameMissing") : fields.title}>
        <Input
          value={form.title}
          maxLength={200}
          onChange={(event) => setForm({ ...form, title: event.target.value })}
          placeholder={t("goals.goalForm.placeholder")}
        />
      </Field>
      <Field label={t("goals.goalForm.description")} optional error={fields.description}>
        <Textarea
          value={form.description}
          maxLength={5000}
          onChange={(event) => setForm({ ...form, description: event.target.value })}
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t("goals.period")} error={fields.period}>
          <Select
            value={form.period}
            onChange={(event) => setForm({ ...form, period: event.target.value as TGoalPeriod })}
          >
            {PERIODS.map((period) => (
              <option key={period} value={period}>
                {t(`goals.periods.${period}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("goals.goalForm.deadline")} optional error={fields.deadline}>
          <Input
            type="date"
            value={form.deadline}
            onChange={(event) => setForm({ ...form, deadline: event.target.value })}
          />
        </Field>
      </div>
      <Field label={t("goals.goalForm.progress", { progress: form.progress })} error={fields.progress}>
        <input
          type="range"
          min={0}
          max={100}
          step={5}
          value={form.progress}
          onChange={(event) => setForm({ ...form, progress: Number(event.target.value) })}
          className="w-full accent-brand-600"
        />
      </Field>
    </FormDialog>
  );
};
