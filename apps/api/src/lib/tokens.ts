import { createHash, randomBytes } from "node:crypto";

/** 256 bits from the CSPRNG, base64url: session tokens, API keys, one-time tokens. */
export const newToken = (prefix = "") => `${prefix}${randomBytes(32).toString("base64url")}`;

/** Only this hash is stored; a stolen database yields no usable token. */
export const hashToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");
