/**
 * Typed database errors, so callers branch on what happened (a conflict, a missing row) rather than
 * on Prisma error codes or PostgreSQL SQLSTATEs. The API maps each `code` to an HTTP status.
 */
export type DbErrorCode =
  | "conflict"
  | "not_found"
  | "invalid_reference"
  | "constraint_violation"
  | "append_only"
  | "unavailable";

export class DbError extends Error {
  readonly code: DbErrorCode;
  /** The fields or constraint involved, when the database says which. */
  readonly fields: string[];
  readonly constraint: string | undefined;

  constructor(
    code: DbErrorCode,
    message: string,
    options: { fields?: string[]; constraint?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "DbError";
    this.code = code;
    this.fields = options.fields ?? [];
    this.constraint = options.constraint;
  }
}

export class ConflictError extends DbError {
  constructor(message: string, options: { fields?: string[]; constraint?: string; cause?: unknown } = {}) {
    super("conflict", message, options);
    this.name = "ConflictError";
  }
}

export class NotFoundError extends DbError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super("not_found", message, options);
    this.name = "NotFoundError";
  }
}

type ErrorLike = {
  code?: unknown;
  message?: unknown;
  meta?: Record<string, unknown>;
  cause?: unknown;
  kind?: unknown;
  constraint?: unknown;
};

// SQLSTATEs raised by Cto's own triggers (see the migrations) and the standard integrity classes.
const APPEND_ONLY_SQLSTATE = "42501";
const CONNECTION_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "DatabaseDoesNotExist",
]);

/** Walks an error, its `cause` chain and Prisma's `meta.driverAdapterError`, collecting what they say. */
const collect = (error: unknown) => {
  const found = {
    sqlState: undefined as string | undefined,
    kind: undefined as string | undefined,
    fields: [] as string[],
    constraint: undefined as string | undefined,
    /** PostgreSQL's own message, without Prisma's invocation trace around it. */
    databaseMessage: undefined as string | undefined,
  };
  const seen = new Set<unknown>();
  const visit = (value: unknown) => {
    if (!value || typeof value !== "object" || seen.has(value)) return;
    seen.add(value);
    const e = value as ErrorLike;
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code) && !/^P\d{4}$/.test(e.code))
      found.sqlState ??= e.code;
    const original = value as { originalCode?: unknown; originalMessage?: unknown };
    if (typeof original.originalCode === "string") found.sqlState ??= original.originalCode;
    if (typeof original.originalMessage === "string") {
      found.databaseMessage ??= original.originalMessage;
      found.constraint ??= /constraint "([^"]+)"/.exec(original.originalMessage)?.[1];
    }
    if (typeof e.kind === "string" && e.kind !== "postgres") found.kind ??= e.kind;
    const constraint = e.constraint as { fields?: unknown; index?: unknown } | undefined;
    if (constraint && Array.isArray(constraint.fields)) found.fields = constraint.fields.map(String);
    if (constraint && typeof constraint.index === "string") found.constraint ??= constraint.index;
    if (Array.isArray(e.meta?.target)) found.fields = (e.meta.target as unknown[]).map(String);
    visit(e.meta?.driverAdapterError);
    visit(e.cause);
  };
  visit(error);
  return found;
};

/**
 * The SQLSTATE of an error PostgreSQL itself sent through the pg driver (a `DatabaseError`, which carries
 * a severity); null for anything else: a refused or dropped connection, a timeout.
 */
export const serverSqlState = (error: unknown): string | null => {
  const { code, severity } = (error ?? {}) as { code?: unknown; severity?: unknown };
  return typeof severity === "string" && typeof code === "string" ? code : null;
};

/** The typed error for a database failure, or undefined when it is not one this layer knows. */
export const toDbError = (error: unknown): DbError | undefined => {
  if (error instanceof DbError) return error;
  const e = (error ?? {}) as ErrorLike;
  const prismaCode = typeof e.code === "string" && /^P\d{4}$/.test(e.code) ? e.code : undefined;
  const { sqlState, kind, fields, constraint, databaseMessage } = collect(error);
  const message = databaseMessage ?? (typeof e.message === "string" ? e.message : String(error));
  const options = { fields, cause: error, ...(constraint ? { constraint } : {}) };

  if (prismaCode === "P2002" || kind === "UniqueConstraintViolation" || sqlState === "23505")
    return new ConflictError(
      `A record with the same ${fields.join(", ") || constraint || "unique value"} already exists.`,
      options,
    );
  if (prismaCode === "P2025" || prismaCode === "P2001")
    return new NotFoundError("The record was not found.", { cause: error });
  if (prismaCode === "P2003" || kind === "ForeignKeyConstraintViolation" || sqlState === "23503")
    return new DbError("invalid_reference", "A referenced record does not exist.", options);
  if (sqlState === APPEND_ONLY_SQLSTATE) return new DbError("append_only", message, options);
  // 22P02: a value the column's type refuses (a malformed uuid written as a reference, say).
  if (
    prismaCode === "P2011" ||
    kind === "NullConstraintViolation" ||
    sqlState === "23514" ||
    sqlState === "23502" ||
    sqlState === "22003" ||
    sqlState === "22P02"
  )
    return new DbError("constraint_violation", message, options);
  if ((kind && CONNECTION_KINDS.has(kind)) || prismaCode === "P1001" || prismaCode === "P1017")
    return new DbError("unavailable", "The database is not reachable.", options);
  return undefined;
};

/** Runs `operation`, rethrowing known database failures as typed errors. */
export const withDbErrors = async <T>(operation: () => Promise<T>): Promise<T> => {
  try {
    return await operation();
  } catch (error) {
    throw toDbError(error) ?? error;
  }
};
