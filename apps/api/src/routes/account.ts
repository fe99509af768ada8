import { createRoute, z } from "@hono/zod-openapi";
import { deleteCookie } from "hono/cookie";
import { stream } from "hono/streaming";

import { ZGenerationQuotaSchema, ZUpdateProfileSchema, ZUserSchema, type TPreferencesPatch } from "@cto/contracts/api/auth";
import { verifyPassword } from "@cto/db/password";

import { ApiError } from "../errors.ts";
import { createRouter, errorResponses, jsonContent, SECURITY } from "../lib/openapi.ts";
import { requireAuth, SESSION_COOKIE } from "../middleware/auth.ts";
import { screenshotKey } from "../services/analysis/screenshot.ts";
import { readGenerationQuota } from "../services/generation-quota.ts";
import { ACCOUNT_SECTIONS, ARCHIVE_FORMAT, ARCHIVE_VERSION, embeddingRows, importArchive, sectionRows, type Archive } from "../services/account-data.ts";
import { toApiUser } from "./auth.ts";

const common = { tags: ["Your data"], security: SECURITY, middleware: requireAuth };
// Profile fields an import carries over; identity (email, password, role) stays the importing account's.
const PROFILE_FIELDS = ["name", "image", "preferences", "currentRole", "experienceLevel", "industry", "yearsOfExperience", "currentSkills", "targetSkills", "bio", "currentGoals", "achievementScore", "currentModel", "preferredModels"] as const;

const ZArchiveSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  version: z.literal(ARCHIVE_VERSION),
  exportedAt: z.string(),
  user: z.object({ id: z.string() }).passthrough(),
  data: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});

type TJsonObject = Record<string, unknown>;
const asObject = (value: unknown): TJsonObject => (value && typeof value === "object" && !Array.isArray(value) ? (value as TJsonObject) : {});

/** Lays a preferences patch over the stored preferences: given parts replace, the rest (and unknown keys) stay. */
const mergePreferences = (stored: unknown, patch: TPreferencesPatch): TJsonObject => {
  const merged = { ...asObject(stored), ...patch };
  if (patch.notificationPrefs) merged.notificationPrefs = { ...asObject(asObject(stored).notificationPrefs), ...patch.notificationPrefs };
  return merged;
};

export const accountRoutes = createRouter()
  .openapi(
    createRoute({ ...common, tags: ["Profile"], method: "get", path: "/", summary: "Your profile: name, career profile (002) and preferences", responses: { 200: jsonContent(ZUserSchema, "You"), ...errorResponses() } }),
    async (c) => c.json(toApiUser(await c.get("db").user.findUniqueOrThrow({ where: { id: c.get("auth").userId } })), 200),
  )
  .openapi(
    createRoute({
      ...common, tags: ["Profile"], method: "patch", path: "/", summary: "Edit your profile, career profile and preferences (fields left out are kept; null clears)",
      request: { body: { required: true, content: { "application/json": { schema: ZUpdateProfileSchema } } } },
      responses: { 200: jsonContent(ZUserSchema, "Your profile as stored"), ...errorResponses(403, 415) },
    }),
    async (c) => {
      const { userId } = c.get("auth");
      const { preferences, ...fields } = c.req.valid("json");
      // The row is locked while preferences are merged, so two tabs saving different parts at once both land.
      const user = await c.get("db").$transaction(async (tx) => {
        const data: Record<string, unknown> = { ...fields };
        if (preferences) {
          const [stored] = await tx.$queryRaw<{ preferences: unknown }[]>`SELECT preferences FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
          data.preferences = mergePreferences(stored?.preferences, preferences);
        }
        return tx.user.update({ where: { id: userId }, data });
      });
      return c.json(toApiUser(user), 200);
    },
  )
  .openapi(
    createRoute({ ...common, method: "get", path: "/generation-quota", summary: "Today's AI generations: used, remaining and when they reset", responses: { 200: jsonContent(ZGenerationQuotaSchema, "The quota"), ...errorResponses() } }),
    async (c) => {
      const quota = await readGenerationQuota({ db: c.get("db"), userId: c.get("auth").userId, limit: c.get("config").dailyGenerationLimit });
      return c.json({ ...quota, resetsAt: quota.resetsAt.getTime() }, 200);
    },
  )
  .openapi(
    createRoute({
      ...common, method: "get", path: "/export", summary: "Download everything Cto holds about you as one JSON archive (streamed)",
      request: { query: z.object({ embeddings: z.enum(["true", "false"]).default("false").describe("Include embedding vectors (large)") }) },
      responses: { 200: { description: "The archive (JSON, as an attachment)", content: { "application/json": { schema: ZArchiveSchema } } }, ...errorResponses() },
    }),
    async (c) => {
      const db = c.get("db");
      const { userId } = c.get("auth");
      const withEmbeddings = c.req.valid("query").embeddings === "true";
      const { passwordHash: _secret, ...user } = await db.user.findUniqueOrThrow({ where: { id: userId } });
      c.header("Content-Type", "application/json; charset=utf-8");
      c.header("Content-Disposition", `attachment; filename="cto-export-${new Date().toISOString().slice(0, 10)}.json"`);
      // A streamed body is still the documented JSON archive; the typed-response check cannot see through a stream.
      const archive = stream(c, async (out) => {
        await out.write(`{"format":"${ARCHIVE_FORMAT}","version":${ARCHIVE_VERSION},"exportedAt":"${new Date().toISOString()}","user":${JSON.stringify(user)},"data":{`);
        for (const [index, section] of ACCOUNT_SECTIONS.entries()) {
          await out.write(`${index ? "," : ""}"${section.key}":[`);
          let first = true;
          for await (const row of sectionRows(db, section, userId)) {
            await out.write(`${first ? "" : ","}${JSON.stringify(row)}`);
            first = false;
          }
          await out.write("]");
        }
        await out.write("}");
        if (withEmbeddings) await out.write(`,"embeddings":${JSON.stringify(await embeddingRows(db, userId))}`);
        await out.write("}");
      });
      return archive as unknown as ReturnType<typeof c.json<Archive & { format: typeof ARCHIVE_FORMAT; version: typeof ARCHIVE_VERSION; user: { id: string } }, 200>>;
    },
  )
  .openapi(
    createRoute({
      ...common, method: "post", path: "/import", summary: "Import an export archive into this account, which must be empty",
      request: { body: { required: true, content: { "application/json": { schema: ZArchiveSchema } } } },
      responses: { 201: jsonContent(z.object({ imported: z.record(z.string(), z.number()) }), "Rows imported per section"), ...errorResponses(403, 409, 413, 415) },
    }),
    async (c) => {
      const db = c.get("db");
      const { userId } = c.get("auth");
      const archive = c.req.valid("json") as Archive;
      for (const section of ACCOUNT_SECTIONS) {
        const existing = await sectionRows(db, section, userId).next();
        if (!existing.done) throw new ApiError("invalid_state", `This account already holds data (${section.key}); import needs an empty account.`);
      }
      const profile = Object.fromEntries(PROFILE_FIELDS.filter((field) => field in archive.user).map((field) => [field, archive.user[field]]));
      await db.user.update({ where: { id: userId }, data: profile });
      return c.json({ imported: await importArchive(db, userId, archive) }, 201);
    },
  )
  .openapi(
    createRoute({
      ...common, method: "delete", path: "/", summary: "Delete your account and everything in it",
      request: { body: { required: false, content: { "application/json": { schema: z.object({ password: z.string().max(256).optional() }) } } } },
      responses: { 204: { description: "Deleted" }, ...errorResponses(403) },
    }),
    async (c) => {
      const db = c.get("db");
      const { userId } = c.get("auth");
      const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
      const password = (c.req.valid("json") as { password?: string } | undefined)?.password;
      if (user.passwordHash && !(password && (await verifyPassword(user.passwordHash, password))))
        throw new ApiError("forbidden", "Confirm with your password to delete your account.");
      // Uploaded screenshots live outside the database, so the cascade cannot reach them: collect
      // their keys first, delete the rows, then the files (a storage failure is logged, not answered:
      // the account is already gone, and a leftover file is no longer reachable through the API).
      const screenshots = await db.analysisSession.findMany({ where: { userId, type: "SCREENSHOT" }, select: { id: true, userId: true } });
      await db.user.delete({ where: { id: userId } });
      const storage = c.get("storage");
      for (const key of screenshots.map(screenshotKey))
        await storage.delete(key).catch((error: unknown) => c.var.logger.warn({ err: error, key }, "could not delete an uploaded file"));
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
      return c.body(null, 204);
    },
  );
