import { zApiEnum } from "./boundary.ts";

/**
 * The enums the API exposes, as the database names them (UPPER_SNAKE); `zApiEnum` gives each its
 * lowercase boundary form. Kept in step with prisma/schema by a test in this package.
 */
export const AnalysisSessionStatus = {
  PENDING_USER_INPUT: "PENDING_USER_INPUT",
  PREVIEWING_SCREENSHOT: "PREVIEWING_SCREENSHOT",
  UPLOADING: "UPLOADING",
  ANALYSIS_IN_PROGRESS: "ANALYSIS_IN_PROGRESS",
  VERIFYING_OCR: "VERIFYING_OCR",
  COMPLETE: "COMPLETE",
  ERROR: "ERROR",
} as const;
export const AnalysisSessionType = { SCREENSHOT: "SCREENSHOT", TEXT: "TEXT" } as const;
export const MessageAuthor = { USER: "USER", CONTACT: "CONTACT", AI: "AI" } as const;
export const MessageRole = { USER: "USER", ASSISTANT: "ASSISTANT", SYSTEM: "SYSTEM", TOOL: "TOOL" } as const;
export const GoalPeriod = { DAILY: "DAILY", WEEKLY: "WEEKLY", MONTHLY: "MONTHLY", QUARTERLY: "QUARTERLY", YEARLY: "YEARLY" } as const;
export const GoalStatus = { ACTIVE: "ACTIVE", COMPLETED: "COMPLETED", ARCHIVED: "ARCHIVED" } as const;
export const ReminderStatus = { PENDING: "PENDING", SCHEDULED: "SCHEDULED", COMPLETED: "COMPLETED", SKIPPED: "SKIPPED" } as const;
export const ReportType = { TWO_DAY: "TWO_DAY", SEVEN_DAY: "SEVEN_DAY", TWENTY_ONE_DAY: "TWENTY_ONE_DAY" } as const;

export const ZAnalysisSessionStatusSchema = zApiEnum(AnalysisSessionStatus);
export const ZAnalysisSessionTypeSchema = zApiEnum(AnalysisSessionType);
export const ZMessageAuthorSchema = zApiEnum(MessageAuthor);
export const ZMessageRoleSchema = zApiEnum(MessageRole);
export const ZGoalPeriodSchema = zApiEnum(GoalPeriod);
export const ZGoalStatusSchema = zApiEnum(GoalStatus);
export const ZReminderStatusSchema = zApiEnum(ReminderStatus);
export const ZReportTypeSchema = zApiEnum(ReportType);
