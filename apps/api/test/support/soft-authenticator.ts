import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from "node:crypto";

/**
 * A software WebAuthn authenticator for tests: an ES256 key per credential, "none" attestation, and
 * the bytes a browser and an authenticator would produce (authenticatorData, clientDataJSON, CBOR),
 * so the API's real WebAuthn verification runs on them. Like a browser, it signs for the RP ID the
 * options name and the origin of the page it is "on".
 */

type TCbor = number | string | Uint8Array | Map<TCbor, TCbor>;

const head = (major: number, length: number) => {
  if (length < 24) return Buffer.from([(major << 5) | length]);
  if (length < 0x100) return Buffer.from([(major << 5) | 24, length]);
  if (length < 0x10000) return Buffer.from([(major << 5) | 25, length >> 8, length & 0xff]);
  const out = Buffer.alloc(5);
  out[0] = (major << 5) | 26;
  out.writeUInt32BE(length, 1);
  return out;
};

/** CBOR (RFC 8949) for the few types WebAuthn's structures use: integers, byte and text strings, maps. */
export const cbor = (value: TCbor): Buffer => {
  if (typeof value === "number") return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === "string") {
    const bytes = Buffer.from(value, "utf8");
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), value]);
  return Buffer.concat([head(5, value.size), ...[...value].flatMap(([key, item]) => [cbor(key), cbor(item)])]);
};

const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest();
const b64url = (data: Uint8Array | string) => Buffer.from(data).toString("base64url");
const uint32 = (value: number) => {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value >>> 0);
  return out;
};

const FLAGS = { userPresent: 0x01, userVerified: 0x04, attestedData: 0x40 };

type TCredential = {
  id: Buffer;
  privateKey: KeyObject;
  coseKey: Buffer;
  counter: number;
  userHandle: string;
  rpId: string;
};
type TCeremony = { origin?: string; userVerified?: boolean };

export type TSoftAuthenticator = ReturnType<typeof softAuthenticator>;

/** An authenticator holding discoverable credentials; `origin` is the page it answers from unless told otherwise. */
export const softAuthenticator = (origin: string) => {
  const credentials: TCredential[] = [];
  const clientData = (type: string, challenge: string, at: string) =>
    Buffer.from(JSON.stringify({ type, challenge, origin: at, crossOrigin: false }), "utf8");
  const flags = (attested: boolean, userVerified: boolean) =>
    FLAGS.userPresent | (userVerified ? FLAGS.userVerified : 0) | (attested ? FLAGS.attestedData : 0);

  return {
    credentials,
    /** Answers creation options (startRegistration's result): a new credential for the options' user. */
    register: (
      options: { challenge: string; rp: { id?: string }; user: { id: string } },
      { origin: at = origin, userVerified = true }: TCeremony = {},
    ) => {
      const rpId = options.rp.id ?? new URL(at).hostname;
      const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
      const jwk = publicKey.export({ format: "jwk" });
      const coseKey = cbor(
        new Map<TCbor, TCbor>([
          [1, 2], // kty: EC2
          [3, -7], // alg: ES256
          [-1, 1], // crv: P-256
          [-2, Buffer.from(jwk.x!, "base64url")],
          [-3, Buffer.from(jwk.y!, "base64url")],
        ]),
      );
      const credential: TCredential = {
        id: randomBytes(16),
        privateKey,
        coseKey,
        counter: 0,
        userHandle: options.user.id,
        rpId,
      };
      credentials.push(credential);
      const authData = Buffer.concat([
        sha256(rpId),
        Buffer.from([flags(true, userVerified)]),
        uint32(credential.counter),
        Buffer.alloc(16), // AAGUID: none
        Buffer.from([credential.id.length >> 8, credential.id.length & 0xff]),
        credential.id,
        coseKey,
      ]);
      const attestationObject = cbor(
        new Map<TCbor, TCbor>([
          ["fmt", "none"],
          ["attStmt", new Map()],
          ["authData", authData],
        ]),
      );
      return {
        id: b64url(credential.id),
        rawId: b64url(credential.id),
        type: "public-key" as const,
        response: {
          clientDataJSON: b64url(clientData("webauthn.create", options.challenge, at)),
          attestationObject: b64url(attestationObject),
          transports: ["internal" as const],
        },
        authenticatorAttachment: "platform" as const,
        clientExtensionResults: {},
      };
    },
    /**
     * Answers request options (startAuthentication's result) with `credential` (by default the newest
     * one the options allow). `counter` replaces the next signature count, to play a cloned authenticator.
     */
    authenticate: (
      options: { challenge: string; rpId?: string; allowCredentials?: { id: string }[] },
      {
        origin: at = origin,
        userVerified = true,
        credential,
        counter,
      }: TCeremony & { credential?: TCredential; counter?: number } = {},
    ) => {
      const allowed = options.allowCredentials?.length
        ? credentials.filter((item) => options.allowCredentials!.some((allow) => allow.id === b64url(item.id)))
        : credentials;
      const chosen = credential ?? allowed.at(-1);
      if (!chosen) throw new Error("no credential for these options");
      chosen.counter = counter ?? chosen.counter + 1;
      const rpId = options.rpId ?? new URL(at).hostname;
      const authData = Buffer.concat([sha256(rpId), Buffer.from([flags(false, userVerified)]), uint32(chosen.counter)]);
      const clientDataJSON = clientData("webauthn.get", options.challenge, at);
      const signature = sign("sha256", Buffer.concat([authData, sha256(clientDataJSON)]), chosen.privateKey);
      return {
        id: b64url(chosen.id),
        rawId: b64url(chosen.id),
        type: "public-key" as const,
        response: {
          clientDataJSON: b64url(clientDataJSON),
          authenticatorData: b64url(authData),
          signature: b64url(signature),
          userHandle: chosen.userHandle,
        },
        authenticatorAttachment: "platform" as const,
        clientExtensionResults: {},
      };
    },
  };
};
