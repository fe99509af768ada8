export type TChunkOptions = {
  /** Longest chunk, in characters (~4 characters a token in English: 2,000 ≈ 500 tokens). */
  size?: number;
  /** Characters each chunk repeats from the end of the one before, so a thought cut in two is whole in one of them. */
  overlap?: number;
};

export const DEFAULT_CHUNK_SIZE = 2_000;
export const DEFAULT_CHUNK_OVERLAP = 200;

/** Where to cut at or before `end`: a paragraph break, else a sentence end, else a space; the hard limit only as a last resort. */
const cutPoint = (text: string, start: number, end: number, overlap: number) => {
  const floor = start + Math.max(overlap + 1, Math.floor((end - start) / 2));
  for (const pattern of [/\n\s*\n/g, /[.!?…]\s/g, /\s/g]) {
    let best = -1;
    for (const match of text.slice(floor, end).matchAll(pattern)) best = floor + match.index + match[0].length;
    if (best > floor) return best;
  }
  return end;
};

/**
 * Splits text into overlapping chunks of at most `size` characters, cutting at paragraph, sentence
 * or word boundaries where it can. Short text is one chunk; blank text is none. Deterministic, so
 * unchanged text gives the same chunks (and content hashes) again.
 */
export const chunkText = (
  text: string,
  { size = DEFAULT_CHUNK_SIZE, overlap = DEFAULT_CHUNK_OVERLAP }: TChunkOptions = {},
): string[] => {
  if (size < 1 || overlap < 0 || overlap >= size)
    throw new RangeError(`chunkText: need size ≥ 1 and 0 ≤ overlap < size (got ${size}, ${overlap})`);
  const trimmed = text.trim();
  if (!trimmed) return [];
  if (trimmed.length <= size) return [trimmed];
  const chunks: string[] = [];
  let start = 0;
  while (start < trimmed.length) {
    const end = Math.min(trimmed.length, start + size);
    const cut = end === trimmed.length ? end : cutPoint(trimmed, start, end, overlap);
    chunks.push(trimmed.slice(start, cut).trim());
    if (cut >= trimmed.length) break;
    // Step back by the overlap, then forward to a word start, so chunks do not begin mid-word.
    let next = Math.max(start + 1, cut - overlap);
    while (next < cut && !/\s/.test(trimmed[next - 1] ?? " ")) next++;
    start = next;
  }
  return chunks.filter(Boolean);
};
