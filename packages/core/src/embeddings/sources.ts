import { Prisma, type EmbeddingOwnerKind } from "@cto/db/client";

/**
 * Where each embedding owner's text lives. One SQL description per kind serves both the pipeline
 * (read these owners' text) and the sweep (find owners with no embedding under the current model, or
 * one made before their last write), so the two can never disagree about what an owner's text is or
 * whether it still counts.
 *
 * `alive` is what makes a row searchable memory: not in the trash, a message of the user or the
 * coach (not a tool result or system prompt). A row that is not alive, or whose text is blank,
 * has no embeddings.
 */
export type TOwnerSource = {
  /** `FROM …` with the owner table aliased `t` (and any join its user or liveness needs). */
  from: string;
  /** The owning user's id. */
  user: string;
  alive: string;
  /** The text to embed: the row's fields joined by newlines (`concat_ws` skips NULLs). */
  text: string;
  /**
   * The row's version, moved by every write (`updated_at`), where the table has one. Embeddings record
   * the version they were made from, so the sweep finds rows whose text changed after their embedding;
   * rows of tables without one are re-embedded only by their write's job (or, without Redis, the API
   * drops their vectors on update and the sweep embeds them as missing).
   */
  updated?: string;
};

const tags = (column = "t.tags") => `NULLIF(array_to_string(${column}, ', '), '')`;
const labelled = (label: string, expression: string) => `'${label}: ' || ${expression}`;

export const OWNER_SOURCES: Record<EmbeddingOwnerKind, TOwnerSource> = {
  MESSAGE: {
    from: "messages t JOIN conversations o ON o.id = t.conversation_id",
    user: "o.user_id",
    alive: "t.role IN ('USER', 'ASSISTANT')",
    text: "t.content",
  },
  INSIGHT: {
    from: "insights t",
    user: "t.user_id",
    alive: "true",
    text: `concat_ws(E'\\n', t.title, t.content, ${tags()})`,
    updated: "t.updated_at",
  },
  REPORT: {
    from: "reports t",
    user: "t.user_id",
    alive: "true",
    text: "concat_ws(E'\\n', t.title, t.summary)",
    updated: "t.updated_at",
  },
  CONVERSATION: {
    from: "conversations t",
    user: "t.user_id",
    alive: "true",
    text: "concat_ws(E'\\n', t.title, t.summary)",
    updated: "t.updated_at",
  },
  GOAL: {
    from: "goals t",
    user: "t.user_id",
    alive: "true",
    text: "concat_ws(E'\\n', t.title, t.description)",
    updated: "t.updated_at",
  },
  COMMITMENT: {
    from: "commitments t",
    user: "t.user_id",
    alive: "true",
    text: "concat_ws(E'\\n', t.title, t.description)",
    updated: "t.updated_at",
  },
  PERSON: {
    from: "persons t",
    user: "t.user_id",
    alive: "t.deleted_at IS NULL",
    text: `concat_ws(E'\\n', t.name, concat_ws(', ', t.title, t.company), t.notes, ${tags()})`,
    updated: "t.updated_at",
  },
  PLACE: {
    from: "places t",
    user: "t.user_id",
    alive: "t.deleted_at IS NULL",
    text: `concat_ws(E'\\n', t.name, NULLIF(concat_ws(', ', t.address, t.city, t.state, t.country), ''), ${tags()})`,
    updated: "t.updated_at",
  },
  EVENT: {
    from: "events t",
    user: "t.user_id",
    alive: "t.deleted_at IS NULL",
    text: `concat_ws(E'\\n', t.title, t.description, t.location, ${tags()})`,
    updated: "t.updated_at",
  },
  TASK: {
    from: "tasks t",
    user: "t.user_id",
    alive: "t.deleted_at IS NULL",
    text: `concat_ws(E'\\n', t.title, t.description, ${tags()})`,
    updated: "t.updated_at",
  },
  DEADLINE: {
    from: "deadlines t",
    user: "t.user_id",
    alive: "t.deleted_at IS NULL",
    text: `concat_ws(E'\\n', t.title, t.description, t.consequences, ${tags()})`,
    updated: "t.updated_at",
  },
  POST: {
    from: "posts t",
    user: "t.author_id",
    alive: "true",
    text: "concat_ws(E'\\n', t.title, t.content)",
    updated: "t.updated_at",
  },
  REPLY: { from: "replies t", user: "t.author_id", alive: "true", text: "t.content", updated: "t.updated_at" },
  STORY: { from: "stories t", user: "t.user_id", alive: "true", text: "t.content", updated: "t.updated_at" },
  ANALYSIS_MESSAGE: {
    from: "analysis_messages t JOIN analysis_sessions o ON o.id = t.analysis_session_id",
    user: "o.user_id",
    alive: "o.deleted_at IS NULL",
    text: "concat_ws(E'\\n', t.title, t.text, t.analysis)",
  },
  USER_CONTEXT: {
    from: "user_contexts t",
    user: "t.user_id",
    alive: "true",
    text: `concat_ws(E'\\n', ${[
      labelled("About me", "t.personal_bio"),
      labelled("Work", "t.work_context"),
      labelled("Long-term goals", tags("t.long_term_goals")),
      labelled("Current challenges", tags("t.current_challenges")),
      labelled("Expertise", tags("t.expertise_areas")),
      labelled("Learning objectives", tags("t.learning_objectives")),
      labelled("How I like the assistant to work", "t.ai_preferences"),
      labelled("Communication style", "t.communication_style"),
      labelled("Decisions", "t.decision_making_style"),
      labelled("Time management", "t.time_management_style"),
      labelled("Working hours", "t.working_hours"),
    ].join(", ")})`,
    updated: "t.updated_at",
  },
  EMOTION: { from: "emotions t", user: "t.user_id", alive: "true", text: "concat_ws(E'\\n', t.label, t.note)" },
  ENERGY_METRIC: {
    from: "energy_metrics t",
    user: "t.user_id",
    alive: "t.note IS NOT NULL",
    text: "concat_ws(E'\\n', 'Energy ' || t.level || '/10', t.note)",
  },
  // A piece of an uploaded document, headed by the document's name so a reply can say where it read it.
  // A failed document keeps no chunks; one still processing is embedded as its worker job goes.
  DOCUMENT_CHUNK: {
    from: "document_chunks t JOIN documents o ON o.id = t.document_id",
    user: "o.user_id",
    alive: "o.status <> 'FAILED'",
    text: "concat_ws(E'\\n', 'From the document \"' || o.filename || '\"' || COALESCE(', page ' || t.page, '') || ':', t.content)",
  },
};

export const OWNER_KINDS = Object.keys(OWNER_SOURCES) as EmbeddingOwnerKind[];

/** Rows of this kind that are memory: alive, with non-blank text. The fragments are constants of this file. */
export const liveRows = (kind: EmbeddingOwnerKind) => {
  const source = OWNER_SOURCES[kind];
  return Prisma.raw(`${source.from} WHERE (${source.alive}) AND btrim(${source.text}) <> ''`);
};

export const ownerColumns = (kind: EmbeddingOwnerKind) => {
  const source = OWNER_SOURCES[kind];
  return Prisma.raw(
    `t.id::text AS "ownerId", ${source.user}::text AS "userId", ${source.text} AS text, ${source.updated ?? "NULL::timestamptz"} AS "updatedAt"`,
  );
};
