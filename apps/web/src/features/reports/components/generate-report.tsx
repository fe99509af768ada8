import { useEffect, useState, type FormEvent } from "react";

import { Button } from "../../../components/ui/button.tsx";
import { Select } from "../../../components/ui/input.tsx";
import { Spinner } from "../../../components/ui/spinner.tsx";
import { FormError } from "../../../components/ui/states.tsx";
import { useToast } from "../../../components/ui/toast.tsx";
import { ApiError } from "../../../lib/api-error.ts";
import { useBackgroundJobs } from "../../../lib/background-jobs.ts";
import { i18n, useTranslation } from "../../../lib/i18n/index.ts";
import {
  REPORT_POLL_LIMIT_MS,
  useGenerateReport,
  useReportWhenReady,
  type TReportGeneration,
} from "../api/generate-report.ts";
import type { TReportType } from "../api/get-reports.ts";

export const REPORT_DAYS: Record<TReportType, number> = { two_day: 2, seven_day: 7, twenty_one_day: 21 };

/** The API's 503 means no worker queue: say that plainly, with the API's own advice after it. */
const problem = (error: unknown) =>
  error instanceof ApiError && error.status === 503
    ? new Error(i18n.t("reports.generate.unavailable", { message: error.message }))
    : error;

/** "Generate report": asks the worker for a 2-, 7- or 21-day report now and waits (bounded) for it to appear. */
export const GenerateReport = ({
  initialType,
  onReady,
}: {
  initialType: TReportType;
  onReady: (report: { type: TReportType; id: string }) => void;
}) => {
  const { t } = useTranslation();
  const [type, setType] = useState(initialType);
  const [waiting, setWaiting] = useState<TReportGeneration | null>(null);
  const [timedOut, setTimedOut] = useState(false);
  const generate = useGenerateReport();
  const ready = useReportWhenReady(waiting, !timedOut);
  const toast = useToast();
  const jobs = useBackgroundJobs();

  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => setTimedOut(true), REPORT_POLL_LIMIT_MS);
    return () => clearTimeout(timer);
  }, [waiting]);
  useEffect(() => {
    if (!waiting || !ready) return;
    toast.show(t("reports.generate.ready", { days: REPORT_DAYS[waiting.type] }));
    onReady({ type: waiting.type, id: ready.id });
    setWaiting(null);
  }, [waiting, ready, toast, onReady, t]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTimedOut(false);
    generate.mutate(type, { onSuccess: setWaiting });
  };
  const preparing = waiting !== null && !timedOut;

  return (
    <form
      onSubmit={submit}
      aria-label={t("reports.generate.formLabel")}
      className="mb-5 space-y-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm font-medium text-slate-800">
          <span className="mb-1.5 block">{t("reports.generate.now")}</span>
          <Select
            value={type}
            onChange={(event) => setType(event.target.value as TReportType)}
            className="w-40"
            aria-label={t("reports.generate.lengthLabel")}
          >
            {Object.entries(REPORT_DAYS).map(([value, days]) => (
              <option key={value} value={value}>
                {t("reports.generate.lastDays", { days })}
              </option>
            ))}
          </Select>
        </label>
        <Button type="submit" loading={generate.isPending || preparing}>
          {t("reports.generate.submit")}
        </Button>
        {waiting && (
          <p role="status" className="flex items-center gap-2 text-sm text-slate-700">
            {preparing && <Spinner size="sm" label="" />}
            {preparing
              ? t("reports.generate.preparing", { days: REPORT_DAYS[waiting.type] })
              : t("reports.generate.slow")}
          </p>
        )}
      </div>
      {jobs === "down" && !generate.error && (
        <p className="text-sm text-slate-700">{t("reports.generate.workerDown")}</p>
      )}
      <FormError error={generate.error ? problem(generate.error) : null} />
    </form>
  );
};
