import { z } from "zod";

import { zApiEnum } from "../boundary.ts";
import { ZPageQuerySchema, zPage } from "../pagination.ts";
import { zText } from "../values.ts";
import { ZDailyModelUsageSchema, ZUsageTotalsSchema } from "./usage.ts";

// Administration of accounts (/admin/users, /admin/audit-log): who uses Cto, how much AI they use, and
// every change administrators made. No endpoint here shows what a user wrote or was answered.

export const UserRole = { USER: "USER", ADMIN: "ADMIN" } as const;
export const ZUserRoleSchema = zApiEnum(UserRole);

/** One account as administrators see it: identity, state and AI usage totals, no content. */
export const ZAdminUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string().nullable(),
  role: z.enum(["user", "admin"]),
  isActive: z.boolean().describe("false: disabled by an administrator; its sessions and API keys are refused"),
  createdAt: z.number().int(),
  lastSeenAt: z.number().int().nullable().describe("Last activity (kept to the quarter hour); null: never"),
  usage: ZUsageTotalsSchema.describe("All-time AI usage"),
});
export type TAdminUser = z.infer<typeof ZAdminUserSchema>;

export const ZAdminUserListQuerySchema = ZPageQuerySchema.extend({
  q: zText().trim().min(1).max(320).optional().describe("Only addresses containing this (case-insensitive)"),
});
export const ZAdminUserListSchema = zPage(ZAdminUserSchema);

/** PATCH /admin/users/{id}: enable or disable the account, or change its role; fields left out are kept. */
export const ZUpdateAdminUserSchema = z
  .object({ isActive: z.boolean(), role: ZUserRoleSchema })
  .partial()
  .strict()
  .refine((body) => body.isActive !== undefined || body.role !== undefined, {
    message: "Send isActive, role or both.",
  });
export type TUpdateAdminUser = z.input<typeof ZUpdateAdminUserSchema>;

export const ZAdminUserUsageQuerySchema = z.object({
  days: z.coerce.number().int().min(1).max(366).default(30).describe("How many UTC days back, today included"),
});

/** GET /admin/users/{id}/usage: one user's AI usage per UTC day and model, with totals; no content. */
export const ZAdminUserUsageSchema = z.object({
  userId: z.uuid(),
  since: z.number().int().describe("Unix ms: midnight UTC of the first day counted"),
  totals: ZUsageTotalsSchema,
  days: z.array(ZDailyModelUsageSchema).describe("Newest day first; days without usage are left out"),
});
export type TAdminUserUsage = z.infer<typeof ZAdminUserUsageSchema>;

const ZAccountRefSchema = z.object({
  id: z.uuid(),
  email: z.string().nullable().describe("null once the account is deleted"),
});

/** One administrator's change, as the append-only admin audit log keeps it. */
export const ZAdminAuditEntrySchema = z.object({
  id: z.uuid(),
  action: z.string().describe("user.update"),
  actor: ZAccountRefSchema,
  target: ZAccountRefSchema,
  before: z.record(z.string(), z.unknown()).describe("The changed fields as they were"),
  after: z.record(z.string(), z.unknown()).describe("The changed fields as they became"),
  requestId: z.string().nullable(),
  createdAt: z.number().int(),
});
export type TAdminAuditEntry = z.infer<typeof ZAdminAuditEntrySchema>;

export const ZAdminAuditQuerySchema = ZPageQuerySchema.extend({
  targetId: z.uuid().optional().describe("Only changes to this account"),
});
export const ZAdminAuditListSchema = zPage(ZAdminAuditEntrySchema);
