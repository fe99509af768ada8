import { z } from "zod";

import { ZApiTimestampSchema } from "../boundary.ts";
import {
  ZDeadlineStatusSchema,
  ZDeadlineTypeSchema,
  ZEntityTypeSchema,
  ZEventStatusSchema,
  ZTaskPrioritySchema,
  ZTaskStatusSchema,
} from "../enums.ts";
import {
  AgentAssumption,
  AuditLog,
  Deadline,
  EntityRelationship,
  Event,
  Person,
  Place,
  Task,
} from "../generated/drizzle/schema.ts";
import { apiRowSchema } from "../rows.ts";
import { zJsonObject, ZQueryTimestampSchema, zText, zUrl } from "../values.ts";

/** Request and response schemas of the assistant context (003): people, places, events, tasks, deadlines, relationships, audit log. */

// Free-text kinds (person type, relationship name, source…) are open lists in 003, so they are not
// enums; keeping them lowercase snake matches the boundary's enum style and keeps filters exact.
const zSlug = (example: string) =>
  zText()
    .trim()
    .min(1)
    .max(50)
    .regex(/^[a-z][a-z0-9_]*$/, `lowercase snake, e.g. ${example}`);
const ZImportanceSchema = z.number().int().min(1).max(10);
const ZTextSchema = zText().max(10_000).nullable().optional();
const zName = (max = 200) => zText().trim().min(1).max(max);
const ZMetadataSchema = zJsonObject();
const ZTagsSchema = z.array(zText().trim().min(1).max(50)).max(50);
const ZDueBeforeSchema = ZQueryTimestampSchema.optional();

/** Fields every context entity has: where it came from (sync dedup key) and user labels. */
const sourceFields = {
  source: zSlug("gmail").optional().describe("Origin: manual (default), gmail, slack…"),
  sourceId: zText().min(1).max(500).nullable().optional().describe("Id in the source system; unique per source"),
  sourceSyncedAt: ZApiTimestampSchema.nullable().optional(),
  metadata: ZMetadataSchema.optional(),
  tags: ZTagsSchema.optional(),
};

export const ZPersonSchema = apiRowSchema(Person, { omit: ["userId"] });
export type TPerson = z.infer<typeof ZPersonSchema>;
export const ZCreatePersonSchema = z.object({
  name: zName(),
  email: z.email().max(320).nullable().optional(),
  phone: zText().trim().min(1).max(50).nullable().optional(),
  type: zSlug("colleague").optional().describe("contact (default), colleague, friend, family, lead"),
  importance: ZImportanceSchema.optional(),
  company: zText().max(200).nullable().optional(),
  title: zText().max(200).nullable().optional(),
  notes: ZTextSchema,
  ...sourceFields,
});
export type TCreatePerson = z.input<typeof ZCreatePersonSchema>;
export const ZUpdatePersonSchema = ZCreatePersonSchema.partial();
export const ZPersonFiltersSchema = z.object({
  type: zSlug("colleague").optional(),
  tag: zText().min(1).max(50).optional().describe("Only people with this tag"),
  q: zText().trim().min(1).max(200).optional().describe("Search in name and email (case-insensitive)"),
});

export const ZPlaceSchema = apiRowSchema(Place, { omit: ["userId"] });
export type TPlace = z.infer<typeof ZPlaceSchema>;
export const ZCreatePlaceSchema = z.object({
  name: zName(),
  type: zSlug("office").optional().describe("location (default), home, office, restaurant, venue"),
  address: zText().max(500).nullable().optional(),
  city: zText().max(200).nullable().optional(),
  state: zText().max(200).nullable().optional(),
  country: zText().max(200).nullable().optional(),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  timezone: zText().max(100).nullable().optional().describe("IANA timezone, e.g. Europe/Berlin"),
  ...sourceFields,
});
export type TCreatePlace = z.input<typeof ZCreatePlaceSchema>;
export const ZUpdatePlaceSchema = ZCreatePlaceSchema.partial();
export const ZPlaceFiltersSchema = z.object({
  type: zSlug("office").optional(),
  tag: zText().min(1).max(50).optional(),
});

export const ZEventSchema = apiRowSchema(Event, { omit: ["userId"] });
export type TEvent = z.infer<typeof ZEventSchema>;
const eventFields = z.object({
  title: zName(),
  description: ZTextSchema,
  type: zSlug("meeting").optional().describe("meeting (default), call, travel, deadline"),
  startsAt: ZApiTimestampSchema,
  endsAt: ZApiTimestampSchema.nullable().optional(),
  allDay: z.boolean().optional(),
  location: zText().max(500).nullable().optional(),
  placeId: z.uuid().nullable().optional(),
  virtualUrl: zUrl().max(2000).nullable().optional(),
  status: ZEventStatusSchema.optional(),
  visibility: zSlug("private").optional(),
  ...sourceFields,
});
// A changed endsAt is checked against the stored startsAt by the database (events_ends_at_check).
export const ZCreateEventSchema = eventFields.refine((event) => !event.endsAt || event.endsAt >= event.startsAt, {
  path: ["endsAt"],
  message: "must not be before startsAt",
});
export type TCreateEvent = z.input<typeof ZCreateEventSchema>;
export const ZUpdateEventSchema = eventFields.partial();
export const ZEventFiltersSchema = z.object({
  from: ZQueryTimestampSchema.optional().describe("Only events starting at or after this Unix ms (upcoming: now)"),
  to: ZQueryTimestampSchema.optional().describe("Only events starting before this Unix ms"),
  status: ZEventStatusSchema.optional(),
  placeId: z.uuid().optional(),
});

export const ZTaskSchema = apiRowSchema(Task, { omit: ["userId"] });
export type TTask = z.infer<typeof ZTaskSchema>;
export const ZCreateTaskSchema = z.object({
  title: zName(),
  description: ZTextSchema,
  parentId: z.uuid().nullable().optional().describe("Parent task (this one is a subtask)"),
  position: z.number().int().min(0).optional(),
  status: ZTaskStatusSchema.optional(),
  priority: ZTaskPrioritySchema.optional(),
  dueDate: ZApiTimestampSchema.nullable().optional(),
  completedAt: ZApiTimestampSchema.nullable()
    .optional()
    .describe("Set to now when status becomes completed without one"),
  estimatedMinutes: z.number().int().min(0).nullable().optional(),
  actualMinutes: z.number().int().min(0).nullable().optional(),
  assignedToId: z.uuid().nullable().optional().describe("A person of yours"),
  ...sourceFields,
});
export type TCreateTask = z.input<typeof ZCreateTaskSchema>;
export const ZUpdateTaskSchema = ZCreateTaskSchema.partial();
export const ZTaskFiltersSchema = z.object({
  status: ZTaskStatusSchema.optional(),
  priority: ZTaskPrioritySchema.optional(),
  dueBefore: ZDueBeforeSchema.describe("Only tasks due before this Unix ms"),
  parentId: z
    .union([z.literal("root"), z.uuid()])
    .optional()
    .describe("Subtasks of this task; `root` for top-level tasks"),
  assignedToId: z.uuid().optional(),
});

export const ZDeadlineSchema = apiRowSchema(Deadline, { omit: ["userId"] });
export type TDeadline = z.infer<typeof ZDeadlineSchema>;
export const ZCreateDeadlineSchema = z.object({
  title: zName(),
  description: ZTextSchema,
  type: ZDeadlineTypeSchema.optional(),
  dueAt: ZApiTimestampSchema,
  reminderAt: ZApiTimestampSchema.nullable().optional(),
  status: ZDeadlineStatusSchema.optional(),
  importance: ZImportanceSchema.optional(),
  taskId: z.uuid().nullable().optional(),
  eventId: z.uuid().nullable().optional(),
  consequences: ZTextSchema,
  ...sourceFields,
});
export type TCreateDeadline = z.input<typeof ZCreateDeadlineSchema>;
export const ZUpdateDeadlineSchema = ZCreateDeadlineSchema.partial();
export const ZDeadlineFiltersSchema = z.object({
  dueBefore: ZDueBeforeSchema.describe("Only deadlines due before this Unix ms (approaching deadlines)"),
  status: ZDeadlineStatusSchema.optional(),
  type: ZDeadlineTypeSchema.optional(),
  taskId: z.uuid().optional(),
  eventId: z.uuid().optional(),
});

export const ZRelationshipSchema = apiRowSchema(EntityRelationship, { omit: ["userId"] });
export type TRelationship = z.infer<typeof ZRelationshipSchema>;
const relationshipFields = {
  relationship: zSlug("works_with").describe("works_with, manages, attends, located_at, …"),
  strength: ZImportanceSchema.optional(),
  bidirectional: z.boolean().optional(),
  notes: ZTextSchema,
  metadata: ZMetadataSchema.optional(),
};
export const ZCreateRelationshipSchema = z
  .object({
    sourceType: ZEntityTypeSchema,
    sourceId: z.uuid(),
    targetType: ZEntityTypeSchema,
    targetId: z.uuid(),
    ...relationshipFields,
  })
  .refine((link) => link.sourceType !== link.targetType || link.sourceId !== link.targetId, {
    path: ["targetId"],
    message: "an entity cannot be related to itself",
  });
export type TCreateRelationship = z.input<typeof ZCreateRelationshipSchema>;
// The ends are fixed once created; delete and create to move a link.
export const ZUpdateRelationshipSchema = z.object(relationshipFields).partial();
export const ZRelationshipFiltersSchema = z.object({
  entityType: ZEntityTypeSchema.optional().describe("Links with an end of this kind (either end)"),
  entityId: z.uuid().optional().describe("Links with this entity at either end"),
  relationship: zSlug("works_with").optional(),
});

export const ZAgentAssumptionSchema = apiRowSchema(AgentAssumption);
export type TAgentAssumption = z.infer<typeof ZAgentAssumptionSchema>;
export const ZAuditLogSchema = apiRowSchema(AuditLog, { omit: ["userId"] });
export type TAuditLog = z.infer<typeof ZAuditLogSchema>;
export const ZAuditLogWithAssumptionsSchema = ZAuditLogSchema.extend({ assumptions: z.array(ZAgentAssumptionSchema) });
export const ZAuditLogFiltersSchema = z.object({
  actionType: zText().min(1).max(50).optional().describe("query, create, update, delete, send, analyze"),
  actionCategory: zText().min(1).max(50).optional().describe("context, integration, agent, user"),
  sessionId: z.uuid().optional(),
});
export const ZVerifyAssumptionSchema = z.object({
  verified: z.boolean().describe("Whether the assumption was right"),
  correction: zText().trim().min(1).max(10_000).optional().describe("What is true instead"),
});
export type TVerifyAssumption = z.infer<typeof ZVerifyAssumptionSchema>;
