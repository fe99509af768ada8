import { useNavigate, useSearch } from "@tanstack/react-router";
import { useCallback, useState } from "react";

import { Button } from "../../../components/ui/button.tsx";
import { Card, PageHeader } from "../../../components/ui/card.tsx";
import { Field } from "../../../components/ui/field.tsx";
import { Select } from "../../../components/ui/input.tsx";
import { Segmented } from "../../../components/ui/segmented.tsx";
import { LoadingBlock } from "../../../components/ui/spinner.tsx";
import { EmptyState, ErrorState } from "../../../components/ui/states.tsx";
import { formatPeriod, periodTimezone } from "../../../lib/format.ts";
import { useTranslation } from "../../../lib/i18n/index.ts";
import { useReport, useReports, type TReportType } from "../api/get-reports.ts";
import { GenerateReport } from "./generate-report.tsx";
import { InsightsList } from "./insights-list.tsx";
import { ReportDetail } from "./report-detail.tsx";
import { ScheduledReports } from "./scheduled-reports.tsx";

/** `report`: one report to show (a search result's link); its kind's tab opens with it chosen. */
export type TReportsSearch = { type?: TReportType; report?: string };

const TYPES: TReportType[] = ["two_day", "seven_day", "twenty_one_day"];

const Reports = ({
  type,
  selected,
  setSelected,
}: {
  type: TReportType;
  selected: string | null;
  setSelected: (id: string) => void;
}) => {
  const { t } = useTranslation();
  const reports = useReports(type);
  if (reports.isPending) return <LoadingBlock lines={6} label={t("reports.loading")} />;
  if (reports.isError) return <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />;
  const items = reports.data.pages.flatMap((page) => page.items);
  if (!items.length) return <EmptyState title={t("reports.emptyTitle")} description={t("reports.emptyDescription")} />;
  const report = items.find((item) => item.id === selected) ?? items[0]!;
  return (
    <div className="space-y-5">
      {items.length > 1 && (
        <div className="flex flex-wrap items-end gap-3">
          <Field label={t("reports.period")} className="w-full max-w-xs">
            <Select value={report.id} onChange={(event) => setSelected(event.target.value)}>
              {items.map((item) => (
                <option key={item.id} value={item.id}>
                  {formatPeriod(item.periodStart, item.periodEnd, periodTimezone(item.payload))}
                </option>
              ))}
            </Select>
          </Field>
          {reports.hasNextPage && (
            <Button
              variant="secondary"
              loading={reports.isFetchingNextPage}
              onClick={() => void reports.fetchNextPage()}
            >
              {t("reports.loadOlder")}
            </Button>
          )}
        </div>
      )}
      <ReportDetail report={report} />
    </div>
  );
};

/** 000's 2-, 7- and 21-day reports with their charts, and the coach's insights. */
export const ReportsPage = () => {
  const { t } = useTranslation();
  const search = useSearch({ strict: false }) as TReportsSearch;
  const navigate = useNavigate();
  const linked = useReport(search.report);
  const type = search.type ?? linked.data?.type ?? "seven_day";
  // The chosen period; null shows the newest. A freshly generated report is shown once it arrives.
  const [selected, setSelected] = useState<string | null>(search.report ?? null);
  const show = (next: TReportType) => {
    setSelected(null);
    void navigate({ to: "/reports", search: { type: next }, replace: true });
  };
  const onReady = useCallback(
    (report: { type: TReportType; id: string }) => {
      setSelected(report.id);
      void navigate({ to: "/reports", search: { type: report.type }, replace: true });
    },
    [navigate],
  );
  return (
    <div data-testid="reports-page">
      <PageHeader title={t("reports.title")} description={t("reports.description")} />
      <Segmented
        label={t("reports.length")}
        className="mb-4"
        value={type}
        onChange={show}
        options={TYPES.map((value) => ({ value, label: t(`reports.lengths.${value}`) }))}
      />
      <GenerateReport key={type} initialType={type} onReady={onReady} />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_22rem]">
        <Card>
          {search.report && linked.isPending ? (
            <LoadingBlock lines={6} label={t("reports.loadingOne")} />
          ) : (
            <Reports key={type} type={type} selected={selected} setSelected={setSelected} />
          )}
        </Card>
        <InsightsList />
      </div>
      <ScheduledReports />
    </div>
  );
};
