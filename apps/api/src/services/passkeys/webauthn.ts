/**
 * @simplewebauthn/server with its CBOR, COSE and ASN.1 parsers takes about 15 MB of the process. Only
 * passkey ceremonies need it, so it loads at the first one rather than with the API.
 */
let library: Promise<typeof import("@simplewebauthn/server")> | undefined;

export const webauthn = () => (library ??= import("@simplewebauthn/server"));
