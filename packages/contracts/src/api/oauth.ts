import { z } from "zod";

/** A configured identity provider, as the sign-in page lists it (never its client secret). */
export const ZIdentityProviderSchema = z.object({
  id: z.string().describe("Used in /auth/oauth/{provider}/start"),
  name: z.string(),
  kind: z.enum(["oidc", "github"]),
});
export type TIdentityProvider = z.infer<typeof ZIdentityProviderSchema>;

export const ZIdentityProviderListSchema = z.object({ providers: z.array(ZIdentityProviderSchema) });

/** One provider identity linked to the signed-in account. */
export const ZLinkedIdentitySchema = z.object({
  id: z.string().uuid(),
  provider: z.string(),
  providerName: z.string().describe("The provider's display name; its id when it is no longer configured"),
  createdAt: z.number().int().describe("Unix ms"),
});
export type TLinkedIdentity = z.infer<typeof ZLinkedIdentitySchema>;

/** GET /auth/identities: the linked providers, and whether a password signs in too. */
export const ZLinkedIdentityListSchema = z.object({
  hasPassword: z.boolean(),
  identities: z.array(ZLinkedIdentitySchema),
});
export type TLinkedIdentityList = z.infer<typeof ZLinkedIdentityListSchema>;

/** POST /auth/oauth/{provider}/link: where to send the browser to prove the provider account. */
export const ZLinkStartSchema = z.object({ url: z.string().url() });

/**
 * Why a provider's callback sent the browser back without signing it in: the page it lands on
 * (`/sign-in`, or `/settings` when linking) reads `?provider_error=` and words it itself.
 */
export const PROVIDER_REFUSALS = [
  "restart",
  "cancelled",
  "failed",
  "unverified",
  "taken",
  "disabled",
  "signed_out",
  "unavailable",
] as const;
export type TProviderRefusal = (typeof PROVIDER_REFUSALS)[number];
