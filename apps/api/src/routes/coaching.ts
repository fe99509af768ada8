import { createRouter } from "../lib/openapi.ts";
import { adminAnalyticsRoutes, analyticsRoutes } from "./coaching/analytics.ts";
import { consistencyMetricRoutes, reportRoutes } from "./coaching/computed.ts";
import { conversationFinderRoutes } from "./coaching/conversation-finder.ts";
import { conversationRoutes } from "./coaching/conversations.ts";
import { emotionRoutes, energyMetricRoutes, insightRoutes } from "./coaching/journal.ts";
import { assumptionRoutes, explanationRoutes, insightReviewRoutes } from "./coaching/memory.ts";
import { messageRoutes } from "./coaching/messages.ts";
import { profileRoutes } from "./coaching/profile.ts";

/** Coaching (000) and PROCODE's profile and analytics (004); goals and commitments live in routes/goals.ts. */
export const coachingRoutes = createRouter();
coachingRoutes.route("/conversations", conversationFinderRoutes);
coachingRoutes.route("/conversations", conversationRoutes);
coachingRoutes.route("/conversations", messageRoutes);
coachingRoutes.route("/insights", insightRoutes);
coachingRoutes.route("/insights", insightReviewRoutes);
coachingRoutes.route("/assumptions", assumptionRoutes);
coachingRoutes.route("/conversations", explanationRoutes);
coachingRoutes.route("/emotions", emotionRoutes);
coachingRoutes.route("/energy-metrics", energyMetricRoutes);
coachingRoutes.route("/consistency-metrics", consistencyMetricRoutes);
coachingRoutes.route("/reports", reportRoutes);
coachingRoutes.route("/me", profileRoutes);
coachingRoutes.route("/analytics", analyticsRoutes);
coachingRoutes.route("/admin/analytics", adminAnalyticsRoutes);
