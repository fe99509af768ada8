import { ZConsistencyMetricFiltersSchema, ZReportFiltersSchema } from "@cto/contracts/api/coaching";
import { ConsistencyMetric, Report } from "@cto/contracts/tables";

import { resourceRoutes } from "../../lib/resource.ts";

// Rows the worker computes: users list and read them, only the worker writes them.

export const consistencyMetricRoutes = resourceRoutes({
  name: "consistency metrics",
  tag: "Wellbeing",
  model: (db) => db.consistencyMetric,
  table: ConsistencyMetric,
  readOnly: true,
  filters: ZConsistencyMetricFiltersSchema,
  where: ({ windowDays }) => ({ windowDays }),
  sorts: { periodEnd: [{ periodEnd: "desc" }] },
});

export const reportRoutes = resourceRoutes({
  name: "reports",
  tag: "Reports",
  model: (db) => db.report,
  table: Report,
  readOnly: true,
  filters: ZReportFiltersSchema,
  where: ({ type }) => ({ type }),
  sorts: { periodEnd: [{ periodEnd: "desc" }] },
});
