import { describe, expect, it } from "vitest";

import { sniffImage } from "./image.ts";

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(
    parts.flatMap((part) => (typeof part === "string" ? [...part].map((char) => char.charCodeAt(0)) : part)),
  );
const u32be = (value: number) => [(value >>> 24) & 255, (value >>> 16) & 255, (value >>> 8) & 255, value & 255];
const u16be = (value: number) => [(value >> 8) & 255, value & 255];

const png = (width: number, height: number) =>
  bytes(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    u32be(13),
    "IHDR",
    u32be(width),
    u32be(height),
    [8, 6, 0, 0, 0],
  );
// SOI, an APP0 segment to skip, then SOF0 with height and width.
const jpeg = (width: number, height: number) =>
  bytes(
    [0xff, 0xd8, 0xff, 0xe0],
    u16be(16),
    "JFIF",
    new Array(10).fill(0),
    [0xff, 0xc0],
    u16be(17),
    [8],
    u16be(height),
    u16be(width),
    [3, 1, 0x22, 0],
  );
const webpLossy = (width: number, height: number) =>
  bytes(
    "RIFF",
    [0, 0, 0, 0],
    "WEBP",
    "VP8 ",
    [0, 0, 0, 0],
    [0, 0, 0, 0x9d, 0x01, 0x2a],
    [width & 255, width >> 8, height & 255, height >> 8],
    [0, 0],
  );
const webpExtended = (width: number, height: number) =>
  bytes(
    "RIFF",
    [0, 0, 0, 0],
    "WEBP",
    "VP8X",
    [10, 0, 0, 0],
    [0, 0, 0, 0],
    [(width - 1) & 255, ((width - 1) >> 8) & 255, 0],
    [(height - 1) & 255, ((height - 1) >> 8) & 255, 0],
  );

describe("sniffImage", () => {
  it("recognises PNG, JPEG and WebP by their bytes, with their size", () => {
    expect(sniffImage(png(800, 1600))).toEqual({
      kind: "png",
      contentType: "image/png",
      extension: "png",
      width: 800,
      height: 1600,
    });
    expect(sniffImage(jpeg(1170, 2532))).toEqual({
      kind: "jpeg",
      contentType: "image/jpeg",
      extension: "jpg",
      width: 1170,
      height: 2532,
    });
    expect(sniffImage(webpLossy(640, 480))).toMatchObject({ kind: "webp", width: 640, height: 480 });
    expect(sniffImage(webpExtended(1080, 1920))).toMatchObject({
      kind: "webp",
      contentType: "image/webp",
      width: 1080,
      height: 1920,
    });
  });

  it("refuses everything else: other formats, truncated headers, empty sizes, text pretending", () => {
    expect(sniffImage(bytes("GIF89a", [1, 0, 1, 0]))).toBeUndefined();
    expect(sniffImage(bytes("%PDF-1.7"))).toBeUndefined();
    expect(sniffImage(bytes("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeUndefined();
    expect(sniffImage(png(800, 1600).subarray(0, 20))).toBeUndefined();
    expect(sniffImage(png(0, 10))).toBeUndefined();
    expect(sniffImage(jpeg(10, 10).subarray(0, 12))).toBeUndefined();
    expect(sniffImage(new Uint8Array())).toBeUndefined();
  });
});
