import { createRoute, z } from "@hono/zod-openapi";
import { deleteCookie } from "hono/cookie";
import { stream } from "hono/streaming";

import { ZGenerationQuotaSchema, ZUpdateProfileSchema, ZUserSchema } from "@cto/contracts/api/auth";

import { createRouter, errorResponses, jsonContent, SECURITY } from "../lib/openapi.ts";
import { importBody } from "../lib/request-body.ts";
import { requireAuth, SESSION_COOKIE } from "../middleware/auth.ts";
import { requireRecentSecondFactor } from "../middleware/second-factor.ts";
import { deleteAccount } from "../services/account-deletion.ts";
import { readGenerationQuota } from "../services/generation-quota.ts";
import { ZAccountArchiveSchema as ZArchiveSchema } from "../services/account-archive.ts";
import { importArchive } from "../services/account-import.ts";
import { exportAccount, getProfile, updateProfile } from "../services/profile.ts";
import { browserToken, toApiUser } from "./auth.ts";
import { depsOf } from "./deps.ts";

const common = { tags: ["Your data"], security: SECURITY, middleware: requireAuth };
// The service's schema is plain zod, made before zod-openapi may have extended zod: a copy made here names it in the document.
const ZAccountArchiveSchema = ZArchiveSchema.clone().openapi("AccountArchive");
const ZImportResultSchema = z.object({
  imported: z.record(z.string(), z.number().int()).describe("Rows written per section"),
  dropped: z
    .record(z.string(), z.number().int())
    .describe("Rows left out per section: likes and replies on a post neither in the archive nor published here"),
  cleared: z
    .record(z.string(), z.number().int())
    .describe("References cleared per section.column: audit log links to rows the archive does not hold"),
});

const IMPORT_DESCRIPTION = [
  "Loads an archive of GET /me/export into this account, which must hold none of its data yet (409 otherwise).",
  "All or nothing: a refused archive changes nothing. Rows get new ids, and every reference follows its row.",
  "A reference must name a row of the same archive (in the section its column names); anything else, such as",
  "another account's conversation, post, goal, task, person, place or analysis session, is refused with 400",
  "validation_failed and the path of each offending value in details (e.g. data.messages.3.conversationId).",
  "So are malformed archives: wrong types at any depth, ids that are not uuids or repeat, null or missing",
  "required columns, unknown enum values or columns, values outside the database's ranges, tasks whose parents",
  "loop, a unique key twice. Two kinds of reference may leave the archive: a like or reply on a post outside it",
  "stays on that post when it is published here and is left out otherwise (counted in dropped), never attached",
  "to a draft; an audit log's link to a conversation or entity deleted since is cleared (counted in cleared).",
  "Sign-in links, connected accounts and reminder jobs are not imported (they are made again); the Telegram",
  "connection waits to be linked again. At most 200 problems are listed.",
].join(" ");

export const accountRoutes = createRouter()
  .openapi(
    createRoute({
      ...common,
      tags: ["Profile"],
      method: "get",
      path: "/",
      summary: "Your profile: name, career profile (002) and preferences",
      responses: { 200: jsonContent(ZUserSchema, "You"), ...errorResponses() },
    }),
    async (c) => c.json(toApiUser(await getProfile({ db: c.get("db"), userId: c.get("auth").userId })), 200),
  )
  .openapi(
    createRoute({
      ...common,
      tags: ["Profile"],
      method: "patch",
      path: "/",
      summary: "Edit your profile, career profile and preferences (fields left out are kept; null clears)",
      request: { body: { required: true, content: { "application/json": { schema: ZUpdateProfileSchema } } } },
      responses: { 200: jsonContent(ZUserSchema, "Your profile as stored"), ...errorResponses(403, 415) },
    }),
    async (c) => {
      const user = await updateProfile({ ...depsOf(c), userId: c.get("auth").userId, input: c.req.valid("json") });
      return c.json(toApiUser(user), 200);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/generation-quota",
      summary: "Today's AI generations: used, remaining and when they reset",
      responses: { 200: jsonContent(ZGenerationQuotaSchema, "The quota"), ...errorResponses() },
    }),
    async (c) => {
      const quota = await readGenerationQuota({
        db: c.get("db"),
        userId: c.get("auth").userId,
        limit: c.get("config").dailyGenerationLimit,
      });
      return c.json({ ...quota, resetsAt: quota.resetsAt.getTime() }, 200);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "get",
      path: "/export",
      middleware: [requireAuth, requireRecentSecondFactor] as const,
      summary:
        "Download everything Cto holds about you as one JSON archive (streamed; with two-factor on, after a recent code)",
      request: {
        query: z.object({
          embeddings: z.enum(["true", "false"]).default("false").describe("Include embedding vectors (large)"),
        }),
      },
      responses: {
        200: {
          description: "The archive (JSON, as an attachment)",
          content: { "application/json": { schema: ZAccountArchiveSchema } },
        },
        ...errorResponses(403),
      },
    }),
    async (c) => {
      const writeArchive = await exportAccount({
        db: c.get("db").$replica(),
        userId: c.get("auth").userId,
        withEmbeddings: c.req.valid("query").embeddings === "true",
      });
      c.header("Content-Type", "application/json; charset=utf-8");
      c.header(
        "Content-Disposition",
        `attachment; filename="cto-export-${new Date().toISOString().slice(0, 10)}.json"`,
      );
      // A streamed body is still the documented JSON archive; the typed-response check cannot see through a stream.
      const archive = stream(c, (out) => writeArchive((chunk) => out.write(chunk)));
      return archive as unknown as ReturnType<typeof c.json<z.input<typeof ZAccountArchiveSchema>, 200>>;
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "post",
      path: "/import",
      description: IMPORT_DESCRIPTION,
      summary: "Import an export archive into this account, which must be empty",
      // Documented by reference, not by a zod schema: no validator reads the whole body first; the import reads it as it streams.
      request: {
        body: {
          required: true,
          content: { "application/json": { schema: { $ref: "#/components/schemas/AccountArchive" } } },
        },
      },
      responses: { 201: jsonContent(ZImportResultSchema, "Imported"), ...errorResponses(403, 409, 413, 415) },
    }),
    async (c) => {
      const maxBytes = c.get("config").maxImportBytes;
      const result = await importArchive({
        db: c.get("db"),
        userId: c.get("auth").userId,
        body: importBody(c.req.raw, maxBytes),
        maxBytes,
        sharedCache: c.get("sharedCache"),
      });
      return c.json(result, 201);
    },
  )
  .openapi(
    createRoute({
      ...common,
      method: "delete",
      path: "/",
      middleware: [requireAuth, requireRecentSecondFactor] as const,
      summary:
        "Delete your account and everything in it, uploaded files and queued jobs included (with two-factor on, after a recent code)",
      request: {
        body: {
          required: false,
          content: { "application/json": { schema: z.object({ password: z.string().max(256).optional() }) } },
        },
      },
      responses: { 204: { description: "Deleted" }, ...errorResponses(403, 429) },
    }),
    async (c) => {
      const password = (c.req.valid("json") as { password?: string } | undefined)?.password;
      await deleteAccount({
        db: c.get("db"),
        storage: c.get("storage"),
        queues: c.get("queues"),
        limiters: c.get("limits"),
        log: c.var.logger,
        userId: c.get("auth").userId,
        password,
        browserToken: browserToken(c),
        authCache: c.get("authCache"),
        sharedCache: c.get("sharedCache"),
      });
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
      return c.body(null, 204);
    },
  );
