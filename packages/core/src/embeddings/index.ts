export { chunkText, DEFAULT_CHUNK_OVERLAP, DEFAULT_CHUNK_SIZE, type TChunkOptions } from "./chunk.ts";
export {
  deleteOwnerEmbeddings,
  embedOwners,
  SOURCE_VERSION_KEY,
  type TEmbedder,
  type TEmbedFn,
  type TEmbedOwnersResult,
  type TOwnerRef,
} from "./pipeline.ts";
export {
  countStaleOwners,
  findStaleOwners,
  purgeDeadEmbeddings,
  reindexEmbeddings,
  type TReindexOptions,
  type TReindexProgress,
  type TStaleReason,
} from "./reindex.ts";
export { OWNER_KINDS, OWNER_SOURCES } from "./sources.ts";
