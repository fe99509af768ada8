import { createRoute } from "@hono/zod-openapi";

import {
  ZAcceptedSchema,
  ZConfirmPasswordResetSchema,
  ZRequestPasswordResetSchema,
  ZVerifyEmailSchema,
} from "@cto/contracts/api/auth";

import { createRouter, errorResponses, jsonContent, SECURITY } from "../lib/openapi.ts";
import { requestedMailLocale } from "../lib/request-locale.ts";
import { requireAuth } from "../middleware/auth.ts";
import { clearSignInFailures, takeAccountEmail } from "../services/auth-limits.ts";
import { requestEmailVerification, verifyEmail } from "../services/email-verification.ts";
import { confirmPasswordReset, requestPasswordReset } from "../services/password-reset.ts";

const json = <T>(schema: T) => ({ body: { required: true, content: { "application/json": { schema } } } });
const ACCEPTED = {
  status: "accepted" as const,
  message: "If an account exists for this email, a reset link is on its way.",
};

export const authRecoveryRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/password-reset",
      tags: ["Auth"],
      security: [],
      summary: "Email a one-hour, single-use password reset link (the newest link only: it invalidates older ones)",
      request: json(ZRequestPasswordResetSchema),
      responses: {
        202: jsonContent(ZAcceptedSchema, "Accepted, whether or not the email has an account"),
        ...errorResponses(415, 429),
      },
    }),
    async (c) => {
      const { email } = c.req.valid("json");
      await takeAccountEmail(c.get("limits"), email);
      await requestPasswordReset({
        db: c.get("db"),
        postman: c.get("postman"),
        webOrigin: c.get("config").webOrigin,
        email,
        requestedLocale: requestedMailLocale(c),
      });
      return c.json(ACCEPTED, 202);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/password-reset/confirm",
      tags: ["Auth"],
      security: [],
      summary: "Set a new password with a reset token; signs out every session and lifts the account's sign-in lock",
      request: json(ZConfirmPasswordResetSchema),
      responses: { 204: { description: "Password changed" }, ...errorResponses(415, 429) },
    }),
    async (c) => {
      const { email } = await confirmPasswordReset({
        db: c.get("db"),
        cache: c.get("authCache"),
        ...c.req.valid("json"),
      });
      await clearSignInFailures({ limiters: c.get("limits"), email });
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/verify-email/request",
      tags: ["Auth"],
      summary: "Email a link that verifies your address",
      security: SECURITY,
      middleware: requireAuth,
      responses: { 202: jsonContent(ZAcceptedSchema, "Sent"), ...errorResponses(403, 409, 429) },
    }),
    async (c) => {
      const limits = c.get("limits");
      await requestEmailVerification({
        db: c.get("db"),
        postman: c.get("postman"),
        webOrigin: c.get("config").webOrigin,
        userId: c.get("auth").userId,
        beforeSending: (email) => takeAccountEmail(limits, email),
        requestedLocale: requestedMailLocale(c),
      });
      return c.json({ status: "accepted" as const, message: "A verification link is on its way." }, 202);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/verify-email",
      tags: ["Auth"],
      security: [],
      summary: "Verify an email address with its token",
      request: json(ZVerifyEmailSchema),
      responses: { 204: { description: "Verified" }, ...errorResponses(415, 429) },
    }),
    async (c) => {
      await verifyEmail({ db: c.get("db"), token: c.req.valid("json").token });
      return c.body(null, 204);
    },
  );
