import { deflateSync } from "node:zlib";

import type { TQueues } from "@cto/queue/queues";
import type { TStorage } from "@cto/storage/storage";

import { createApp } from "../src/app.ts";
import type { ApiConfig } from "../src/context.ts";
import { WEB_ORIGIN, type Harness } from "./harness.ts";
import type { TResponseBody } from "./support/api.ts";

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
};

/** A real, decodable grey PNG of the given size (rows of filter byte 0 + pixels). */
export const pngImage = (width = 4, height = 3) => {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.concat(
    Array.from({ length: height }, () => Buffer.from([0, ...new Array<number>(width).fill(200)])),
  );
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", header),
      chunk("IDAT", deflateSync(rows)),
      chunk("IEND", Buffer.alloc(0)),
    ]),
  );
};
export const GIF = new Uint8Array([...Buffer.from("GIF89a"), 1, 0, 1, 0, 0, 0, 0, 0x3b]);

/** The API over the harness's database with the storage and queues a test chooses (the harness has neither). */
export const appWith = (
  harness: Harness,
  { storage, queues, config }: { storage: TStorage; queues: TQueues | null; config?: Partial<ApiConfig> },
): Harness => ({
  ...harness,
  app: createApp({
    db: harness.db,
    config: { ...harness.config, ...config },
    mailer: harness.mailer,
    ai: harness.ai,
    storage,
    queues,
  }),
});

type TUploadBody = TResponseBody<"POST", `/analysis-sessions/${string}/screenshot`>;

/** POSTs a multipart body the way a browser's FormData upload does, with the client's cookie. */
export const upload = async (
  harness: Harness,
  client: { cookie: string },
  sessionId: string,
  file: Uint8Array | null,
  { type = "image/png", name = "chat.png", field = "file" } = {},
) => {
  const form = new FormData();
  if (file) form.append(field, new Blob([file as Uint8Array<ArrayBuffer>], { type }), name);
  else form.append("note", "no file here");
  const response = await harness.app.request(`/analysis-sessions/${sessionId}/screenshot`, {
    method: "POST",
    headers: { origin: WEB_ORIGIN, cookie: client.cookie },
    body: form,
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as TUploadBody };
};
