import { Emotion, EnergyMetric, Insight } from "@cto/contracts/tables";

import { emotionService, energyMetricService, insightService } from "../../services/coaching/journal.ts";
import { resourceRoutes } from "../resource.ts";

export const insightRoutes = resourceRoutes({ service: insightService, tag: "Insights", table: Insight });
export const emotionRoutes = resourceRoutes({ service: emotionService, tag: "Wellbeing", table: Emotion });
export const energyMetricRoutes = resourceRoutes({
  service: energyMetricService,
  tag: "Wellbeing",
  table: EnergyMetric,
});
