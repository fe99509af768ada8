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
export const MessageSentiment = { POSITIVE: "POSITIVE", NEGATIVE: "NEGATIVE", NEUTRAL: "NEUTRAL" } as const;
export const InteractionType = {
  LIKED: "LIKED",
  DISLIKED: "DISLIKED",
  PINNED: "PINNED",
  COPIED_TO_CLIPBOARD: "COPIED_TO_CLIPBOARD",
} as const;
export const PostStatus = { DRAFT: "DRAFT", PUBLISHED: "PUBLISHED" } as const;
export const MessageRole = { USER: "USER", ASSISTANT: "ASSISTANT", SYSTEM: "SYSTEM", TOOL: "TOOL" } as const;
export const GoalPeriod = {
  DAILY: "DAILY",
  WEEKLY: "WEEKLY",
  MONTHLY: "MONTHLY",
  QUARTERLY: "QUARTERLY",
  YEARLY: "YEARLY",
} as const;
export const GoalStatus = { ACTIVE: "ACTIVE", COMPLETED: "COMPLETED", ARCHIVED: "ARCHIVED" } as const;
export const ReminderStatus = {
  PENDING: "PENDING",
  SCHEDULED: "SCHEDULED",
  COMPLETED: "COMPLETED",
  SKIPPED: "SKIPPED",
} as const;
export const ReportType = { TWO_DAY: "TWO_DAY", SEVEN_DAY: "SEVEN_DAY", TWENTY_ONE_DAY: "TWENTY_ONE_DAY" } as const;
export const MessageSource = {
  WEB: "WEB",
  TELEGRAM: "TELEGRAM",
  VOICE: "VOICE",
  API: "API",
  IMPORT: "IMPORT",
} as const;
export const EmotionValence = { POSITIVE: "POSITIVE", NEUTRAL: "NEUTRAL", NEGATIVE: "NEGATIVE" } as const;
export const ExperienceLevel = {
  INTERN: "INTERN",
  JUNIOR: "JUNIOR",
  MID_LEVEL: "MID_LEVEL",
  SENIOR: "SENIOR",
  LEAD: "LEAD",
  MANAGER: "MANAGER",
  DIRECTOR: "DIRECTOR",
  VP: "VP",
  C_LEVEL: "C_LEVEL",
} as const;

export const ZAnalysisSessionStatusSchema = zApiEnum(AnalysisSessionStatus);
export const ZAnalysisSessionTypeSchema = zApiEnum(AnalysisSessionType);
export const ZMessageAuthorSchema = zApiEnum(MessageAuthor);
export const ZMessageSentimentSchema = zApiEnum(MessageSentiment);
export const ZInteractionTypeSchema = zApiEnum(InteractionType);
export const ZPostStatusSchema = zApiEnum(PostStatus);
export const ZMessageRoleSchema = zApiEnum(MessageRole);
export const ZGoalPeriodSchema = zApiEnum(GoalPeriod);
export const ZGoalStatusSchema = zApiEnum(GoalStatus);
export const ZReminderStatusSchema = zApiEnum(ReminderStatus);
export const ZReportTypeSchema = zApiEnum(ReportType);
export const ZMessageSourceSchema = zApiEnum(MessageSource);
export const ZEmotionValenceSchema = zApiEnum(EmotionValence);
export const ZExperienceLevelSchema = zApiEnum(ExperienceLevel);

// Assistant context (003).
export const TaskStatus = {
  PENDING: "PENDING",
  IN_PROGRESS: "IN_PROGRESS",
  COMPLETED: "COMPLETED",
  CANCELLED: "CANCELLED",
  DEFERRED: "DEFERRED",
} as const;
export const TaskPriority = { LOW: "LOW", MEDIUM: "MEDIUM", HIGH: "HIGH", URGENT: "URGENT" } as const;
export const EventStatus = { TENTATIVE: "TENTATIVE", CONFIRMED: "CONFIRMED", CANCELLED: "CANCELLED" } as const;
export const DeadlineStatus = {
  PENDING: "PENDING",
  COMPLETED: "COMPLETED",
  MISSED: "MISSED",
  EXTENDED: "EXTENDED",
} as const;
export const DeadlineType = { DEADLINE: "DEADLINE", MILESTONE: "MILESTONE", REMINDER: "REMINDER" } as const;
export const EntityType = {
  PERSON: "PERSON",
  PLACE: "PLACE",
  EVENT: "EVENT",
  TASK: "TASK",
  DEADLINE: "DEADLINE",
} as const;
export const ZTaskStatusSchema = zApiEnum(TaskStatus);
export const ZTaskPrioritySchema = zApiEnum(TaskPriority);
export const ZEventStatusSchema = zApiEnum(EventStatus);
export const ZDeadlineStatusSchema = zApiEnum(DeadlineStatus);
export const ZDeadlineTypeSchema = zApiEnum(DeadlineType);
export const ZEntityTypeSchema = zApiEnum(EntityType);

export const ProactiveMessageStatus = {
  PENDING: "PENDING",
  SENT: "SENT",
  FAILED: "FAILED",
  CANCELLED: "CANCELLED",
} as const;
export const DeliveryChannel = { TELEGRAM: "TELEGRAM", IN_APP: "IN_APP", EMAIL: "EMAIL" } as const;
export const ScheduleKind = {
  COMMITMENT_REMINDER: "COMMITMENT_REMINDER",
  DEADLINE_REMINDER: "DEADLINE_REMINDER",
  REPORT: "REPORT",
  CONSISTENCY: "CONSISTENCY",
  STORY: "STORY",
  PROACTIVE_MESSAGE: "PROACTIVE_MESSAGE",
  ACCOUNT_SYNC: "ACCOUNT_SYNC",
} as const;
export const ScheduleStatus = {
  ACTIVE: "ACTIVE",
  PAUSED: "PAUSED",
  COMPLETED: "COMPLETED",
  CANCELLED: "CANCELLED",
  FAILED: "FAILED",
} as const;
export const ZProactiveMessageStatusSchema = zApiEnum(ProactiveMessageStatus);
export const ZDeliveryChannelSchema = zApiEnum(DeliveryChannel);
export const ZScheduleKindSchema = zApiEnum(ScheduleKind);
export const ZScheduleStatusSchema = zApiEnum(ScheduleStatus);
