/**
 * What an uploaded image really is, from its bytes rather than the Content-Type the client claims:
 * PNG, JPEG or WebP with their pixel size, or undefined for anything else (including truncated files).
 */
export type TImageKind = "png" | "jpeg" | "webp";
export type TImageInfo = { kind: TImageKind; contentType: string; extension: string; width: number; height: number };

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
// Start-of-frame markers carry the size; C4 (Huffman tables), C8 (reserved) and CC (arithmetic tables) do not.
const isStartOfFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

const pngSize = (bytes: Uint8Array, view: DataView) => {
  if (bytes.length < 24 || !PNG_SIGNATURE.every((byte, i) => bytes[i] === byte) || ascii(bytes, 12, 4) !== "IHDR")
    return undefined;
  return { width: view.getUint32(16), height: view.getUint32(20) };
};

const jpegSize = (bytes: Uint8Array, view: DataView) => {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff) return undefined;
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return undefined;
    const marker = bytes[offset + 1]!;
    // Fill bytes and markers without a length (RSTn, TEM) are skipped one at a time.
    if (marker === 0xff || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += marker === 0xff ? 1 : 2;
      continue;
    }
    if (isStartOfFrame(marker)) return { width: view.getUint16(offset + 7), height: view.getUint16(offset + 5) };
    offset += 2 + view.getUint16(offset + 2);
  }
  return undefined;
};

const webpSize = (bytes: Uint8Array, view: DataView) => {
  if (bytes.length < 30 || ascii(bytes, 0, 4) !== "RIFF" || ascii(bytes, 8, 4) !== "WEBP") return undefined;
  const chunk = ascii(bytes, 12, 4);
  if (chunk === "VP8 ") return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  if (chunk === "VP8L") {
    const bits = view.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === "VP8X")
    return {
      width: (bytes[24]! | (bytes[25]! << 8) | (bytes[26]! << 16)) + 1,
      height: (bytes[27]! | (bytes[28]! << 8) | (bytes[29]! << 16)) + 1,
    };
  return undefined;
};

const KINDS: [TImageKind, string, typeof pngSize][] = [
  ["png", "image/png", pngSize],
  ["jpeg", "image/jpeg", jpegSize],
  ["webp", "image/webp", webpSize],
];

export const sniffImage = (bytes: Uint8Array): TImageInfo | undefined => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const [kind, contentType, size] of KINDS) {
    const found = size(bytes, view);
    if (found && found.width > 0 && found.height > 0)
      return { kind, contentType, extension: kind === "jpeg" ? "jpg" : kind, ...found };
  }
  return undefined;
};
