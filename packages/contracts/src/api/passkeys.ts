import { z } from "zod";

import { zText } from "../values.ts";

/**
 * Passkeys (WebAuthn): the JSON the browser's `@simplewebauthn/browser` sends and receives. The options
 * the API hands out are the WebAuthn Level 3 JSON forms (PublicKeyCredentialCreationOptionsJSON and
 * PublicKeyCredentialRequestOptionsJSON); the responses are checked here only for shape and size, and
 * by the API's WebAuthn verification for everything else.
 */
const zBase64Url = (max: number) =>
  zText()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*$/, "base64url");

export const PASSKEY_TRANSPORTS = ["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"] as const;
const ZTransportSchema = z.enum(PASSKEY_TRANSPORTS);

const ZCredentialDescriptorSchema = z.object({
  id: z.string(),
  type: z.literal("public-key"),
  transports: z.array(ZTransportSchema).optional(),
});

/** What `startRegistration({ optionsJSON })` takes. */
export const ZPasskeyRegistrationOptionsSchema = z
  .object({
    challenge: z.string(),
    rp: z.object({ id: z.string().optional(), name: z.string() }),
    user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
    pubKeyCredParams: z.array(z.object({ type: z.literal("public-key"), alg: z.number().int() })),
    timeout: z.number().int().optional(),
    excludeCredentials: z.array(ZCredentialDescriptorSchema).optional(),
    authenticatorSelection: z
      .object({
        authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
        residentKey: z.enum(["discouraged", "preferred", "required"]).optional(),
        requireResidentKey: z.boolean().optional(),
        userVerification: z.enum(["discouraged", "preferred", "required"]).optional(),
      })
      .optional(),
    attestation: z.enum(["none", "indirect", "direct", "enterprise"]).optional(),
    hints: z.array(z.enum(["hybrid", "security-key", "client-device"])).optional(),
    extensions: z.object({ credProps: z.boolean().optional() }).optional(),
  })
  .describe("PublicKeyCredentialCreationOptionsJSON; its challenge works once, for five minutes");
export type TPasskeyRegistrationOptions = z.infer<typeof ZPasskeyRegistrationOptionsSchema>;

/** What `startAuthentication({ optionsJSON })` takes. */
export const ZPasskeyAuthenticationOptionsSchema = z
  .object({
    challenge: z.string(),
    rpId: z.string().optional(),
    timeout: z.number().int().optional(),
    allowCredentials: z.array(ZCredentialDescriptorSchema).optional(),
    userVerification: z.enum(["discouraged", "preferred", "required"]).optional(),
  })
  .describe("PublicKeyCredentialRequestOptionsJSON; its challenge works once, for five minutes");
export type TPasskeyAuthenticationOptions = z.infer<typeof ZPasskeyAuthenticationOptionsSchema>;

const ZClientExtensionResultsSchema = z
  .object({ credProps: z.object({ rk: z.boolean().optional() }).optional() })
  .default({});

/** What `startRegistration` resolves to (RegistrationResponseJSON); fields the API does not read are dropped. */
export const ZPasskeyRegistrationResponseSchema = z.object({
  id: zBase64Url(1_400).min(1),
  rawId: zBase64Url(1_400).min(1),
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: zBase64Url(8_000).min(1),
    attestationObject: zBase64Url(32_000).min(1),
    // Any short names: browsers add transports before libraries and specs name them; the API keeps the
    // ones it knows.
    transports: z.array(zText().max(32)).max(10).optional(),
  }),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  clientExtensionResults: ZClientExtensionResultsSchema,
});

/** What `startAuthentication` resolves to (AuthenticationResponseJSON). */
export const ZPasskeyAuthenticationResponseSchema = z.object({
  id: zBase64Url(1_400).min(1),
  rawId: zBase64Url(1_400).min(1),
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: zBase64Url(8_000).min(1),
    authenticatorData: zBase64Url(8_000).min(1),
    signature: zBase64Url(2_000).min(1),
    userHandle: zBase64Url(200).optional(),
  }),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  clientExtensionResults: ZClientExtensionResultsSchema,
});
export type TPasskeyAuthenticationResponse = z.input<typeof ZPasskeyAuthenticationResponseSchema>;

const zPasskeyName = () => zText().trim().min(1, "Name it.").max(60);

/** POST /auth/passkeys: the browser's answer to the registration options, and a name for the list. */
export const ZRegisterPasskeySchema = z.object({
  response: ZPasskeyRegistrationResponseSchema,
  name: zPasskeyName().optional(),
});
export type TRegisterPasskey = z.input<typeof ZRegisterPasskeySchema>;

export const ZRenamePasskeySchema = z.object({ name: zPasskeyName() });

/** One of the user's passkeys as Settings lists it (never its key). */
export const ZPasskeySchema = z.object({
  id: z.uuid(),
  name: z.string().nullable(),
  deviceType: z.enum(["singleDevice", "multiDevice"]).describe("multiDevice: a synced passkey"),
  backedUp: z.boolean(),
  transports: z.array(z.string()),
  createdAt: z.number().int(),
  lastUsedAt: z.number().int().nullable(),
});
export type TPasskey = z.infer<typeof ZPasskeySchema>;

export const ZPasskeyListSchema = z.object({ items: z.array(ZPasskeySchema) });

/** A password-less sign-in's second step, and a passkey step-up. */
export const ZPasskeyAssertionSchema = z.object({ response: ZPasskeyAuthenticationResponseSchema });

/** The second step of a password sign-in with a passkey: the challenge token of POST /auth/sign-in's 202. */
export const ZPasskeySecondFactorOptionsRequestSchema = z.object({ challengeToken: zText().min(20).max(200) });
export const ZPasskeySecondFactorSchema = ZPasskeyAssertionSchema.extend({
  challengeToken: zText().min(20).max(200),
});
export type TPasskeySecondFactor = z.input<typeof ZPasskeySecondFactorSchema>;
