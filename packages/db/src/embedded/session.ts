// The one PGlite session every connection of the embedded server shares, handed to one connection
// at a time: from its first message until the backend is idle again (ReadyForQuery "I"), so
// extended-protocol batches and transactions never interleave. Each connection's session settings
// are put in place when it takes its turn; what a connection leaves behind is undone when it goes.
import type { PGlite } from "@electric-sql/pglite";

import {
  closeStatement,
  int32,
  query,
  readFields,
  readRows,
  splitMessages,
  sync,
  type ErrorFields,
  type Message,
} from "./wire.ts";

/** A connection's session settings that differ from the server's defaults (lower-case names). */
export type Settings = Map<string, string>;

export type SessionOwner = {
  id: number;
  settings: Settings;
  /** Ends the connection with this error (its turn lasted too long while others waited). */
  terminate: (error: ErrorFields) => void;
};

export type Leftovers = { errorPending: boolean; statements: string[]; temporaryObjects: boolean };

export type SessionOptions = {
  /** How long a connection may hold the session without sending anything while others wait; 0: forever. */
  idleInTransactionTimeoutMs: number;
  log: (message: string) => void;
};

const literal = (text: string) => `E'${text.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
const setConfig = (name: string, value: string) => `SELECT set_config(${literal(name)}, ${literal(value)}, false)`;
const IDENTITY = ["session_authorization", "role"];

const sameEncoding = (name: string, value: string) =>
  name === "client_encoding" && value.replace(/[^a-z0-9]/gi, "").toUpperCase() === "UTF8";

const sameSettings = (a: Settings, b: Settings) =>
  a.size === b.size && [...a].every(([name, value]) => b.get(name) === value);

const errorIn = (messages: Message[]): ErrorFields | undefined => {
  const error = messages.find((entry) => entry.type === "E");
  if (!error) return undefined;
  const fields = readFields(error.body);
  return {
    severity: "ERROR",
    code: fields.C ?? "XX000",
    message: fields.M ?? "unknown error",
    detail: fields.D,
    hint: fields.H,
  };
};

const startupPacket = () => {
  const body = Buffer.from("\0\0\0\0user\0postgres\0database\0postgres\0\0", "latin1");
  body.writeInt32BE(196_608, 0);
  return Buffer.concat([int32(body.length + 4), body]);
};

export type Session = Awaited<ReturnType<typeof createSession>>;

export const createSession = async (db: PGlite, { idleInTransactionTimeoutMs, log }: SessionOptions) => {
  let closed = false;
  let holder: SessionOwner | undefined;
  let holderIdleSince: number | undefined;
  let queue: { owner: SessionOwner; since: number; resolve: () => void; reject: (error: Error) => void }[] = [];
  let idleTimer: NodeJS.Timeout | undefined;
  /** The settings in force in the backend; undefined when unknown (after a failure). */
  let applied: Settings | undefined = new Map();
  /** Whose unnamed prepared statement the backend holds. */
  let unnamedOwner: number | undefined;
  const temporaryObjectUsers = new Set<number>();

  const exec = async (bytes: Buffer): Promise<Message[]> => {
    if (closed) throw new Error("the embedded database is shutting down");
    const chunks: Buffer[] = [];
    await db.runExclusive(() =>
      db.execProtocolRawStream(bytes, { onRawData: (chunk) => void chunks.push(Buffer.from(chunk)) }),
    );
    return splitMessages(Buffer.concat(chunks)).messages;
  };

  /** The server's own simple queries; they destroy the unnamed statement, as any simple query does. */
  const internal = async (sql: string) => {
    unnamedOwner = undefined;
    const messages = await exec(query(sql));
    return { rows: readRows(messages), error: errorIn(messages) };
  };

  const reported = (await exec(startupPacket()))
    .filter((entry) => entry.type === "S")
    .map(({ body }) => body.toString("utf8").split("\0"));
  // The first query after a startup packet repeats some parameters; this one is the server's own.
  const { rows: defaultRows } = await internal(
    `SELECT lower(name), current_setting(name), context IN ('user', 'superuser') FROM pg_settings
     UNION ALL SELECT 'role', current_setting('role'), true
     UNION ALL SELECT 'session_authorization', current_user::text, true`,
  );
  const defaults = new Map(defaultRows.map(([name, value]) => [name!, value ?? ""]));
  // Settings SET cannot change (server_version, is_superuser…) are never a connection's own.
  const fixed = new Set([
    "is_superuser",
    ...defaultRows.filter(([, , settable]) => settable !== "t").map(([name]) => name!),
  ]);
  const reportedDefaults = reported.map(
    ([name = "", value = ""]) => [name, name === "session_authorization" ? defaults.get(name)! : value] as const,
  );

  // PGlite's single-user backend starts with an empty session_authorization; it reads as the user once set.
  const isDefault = (name: string, value: string | null) =>
    value === null ||
    (name === "session_authorization" && value === "") ||
    (defaults.has(name) ? defaults.get(name) === value : value === "");

  // RESET ALL first (the settings left in force must not hinder the switch), then the session
  // authorization, which resets the role, then the role, then the rest.
  const switchSql = (to: Settings) =>
    [
      "RESET ALL",
      setConfig("session_authorization", to.get("session_authorization") ?? defaults.get("session_authorization")!),
      to.has("role") ? setConfig("role", to.get("role")!) : "RESET ROLE",
      ...[...to].filter(([name]) => !IDENTITY.includes(name)).map(([name, value]) => setConfig(name, value)),
    ].join(";\n");

  const armIdleTimer = () => {
    clearTimeout(idleTimer);
    idleTimer = undefined;
    const first = queue[0];
    if (!holder || holderIdleSince === undefined || !first || !idleInTransactionTimeoutMs) return;
    const deadline = Math.max(holderIdleSince, first.since) + idleInTransactionTimeoutMs;
    const idleHolder = holder;
    idleTimer = setTimeout(
      () => {
        if (holder !== idleHolder || holderIdleSince === undefined) return;
        log(
          `connection ${idleHolder.id} held the session ${idleInTransactionTimeoutMs} ms without a message ` +
            "while others waited: terminated",
        );
        idleHolder.terminate({
          severity: "FATAL",
          code: "25P03",
          message:
            `terminating connection: it held the embedded database's session idle for ` +
            `${idleInTransactionTimeoutMs} ms while ${queue.length} other connection(s) waited`,
          hint: "The embedded database serves one transaction at a time: finish transactions promptly.",
        });
      },
      Math.max(0, deadline - Date.now()),
    );
  };

  const acquire = (owner: SessionOwner) =>
    new Promise<void>((resolve, reject) => {
      if (closed) return reject(new Error("the embedded database is shutting down"));
      if (!holder) {
        holder = owner;
        holderIdleSince = undefined;
        return resolve();
      }
      queue.push({ owner, since: Date.now(), resolve, reject });
      armIdleTimer();
    });

  const grantNext = () => {
    const next = queue.shift();
    holder = next?.owner;
    holderIdleSince = undefined;
    next?.resolve();
    armIdleTimer();
  };

  return {
    /** GUC_REPORT parameters and their values in a session with default settings, for the startup reply. */
    reportedDefaults,

    /** Waits for the session, first come first served. */
    acquire,

    release: (owner: SessionOwner) => {
      if (holder === owner) grantNext();
    },

    /** Takes a connection out of the queue, if it waits there. */
    leaveQueue: (owner: SessionOwner, reason: Error) => {
      const waiting = queue.find((entry) => entry.owner === owner);
      queue = queue.filter((entry) => entry !== waiting);
      waiting?.reject(reason);
      armIdleTimer();
    },

    /** The holder has nothing to run (idle) or runs something; the timeout counts the idle time. */
    setIdle: (owner: SessionOwner, idle: boolean) => {
      if (holder !== owner) return;
      holderIdleSince = idle ? Date.now() : undefined;
      armIdleTimer();
    },

    /** Runs a connection's messages on the backend and returns its answer, message by message. */
    exec,

    get unnamedOwner() {
      return unnamedOwner;
    },
    set unnamedOwner(id: number | undefined) {
      unnamedOwner = id;
    },

    noteTemporaryObjects: (owner: SessionOwner) => void temporaryObjectUsers.add(owner.id),

    /** Puts the holder's settings in place; an error means they cannot be (say, its role was dropped). */
    enter: async (owner: SessionOwner) => {
      if (applied && sameSettings(applied, owner.settings)) return;
      const { error } = await internal(switchSql(owner.settings));
      if (error) throw error;
      applied = new Map(owner.settings);
    },

    /**
     * Applies a new connection's startup parameters (as `SET` would, checked by PostgreSQL) in a
     * turn of its own, and returns the value of each, as PostgreSQL reports them.
     */
    applyStartup: async (owner: SessionOwner, asked: Settings) => {
      // Drivers often ask for what is already in force (client_encoding UTF8, TimeZone UTC): no turn needed.
      const requested = new Map(
        [...asked].filter(([name, value]) => !isDefault(name, value) && !sameEncoding(name, value)),
      );
      if (!requested.size) return new Map<string, string>();
      // The reported parameters are read too: a role, say, changes is_superuser.
      const names = [...new Set([...requested.keys(), ...reportedDefaults.map(([name]) => name.toLowerCase())])];
      const read = `SELECT name, current_setting(name) FROM unnest(ARRAY[${names.map(literal).join(", ")}]) AS name`;
      await acquire(owner);
      try {
        const { rows, error } = await internal(`${switchSql(requested)};\n${read}`);
        if (error) throw error;
        const values = new Map(rows.map(([name, value]) => [name!, value ?? ""]));
        owner.settings = new Map([...values].filter(([name, value]) => !fixed.has(name) && !isDefault(name, value)));
        applied = new Map(owner.settings);
        return values;
      } finally {
        if (holder === owner) grantNext();
      }
    },

    /** Reads back the settings a turn may have changed, once it ended (idle: no SET LOCAL in force). */
    capture: async (owner: SessionOwner, changed: { names: Set<string>; all: boolean }) => {
      const readAll = async () => {
        const { rows, error } = await internal(
          `SELECT lower(name), current_setting(name) FROM pg_settings WHERE source = 'session'
           UNION ALL SELECT 'role', current_setting('role')
           UNION ALL SELECT 'session_authorization', current_setting('session_authorization')`,
        );
        if (error) throw new Error(error.message);
        return { rows, settings: new Map<string, string>() };
      };
      const readSome = async () => {
        const list = [...changed.names].map(literal).join(", ");
        const { rows, error } = await internal(
          `SELECT name, current_setting(name, true) FROM unnest(ARRAY[${list}]::text[]) AS name`,
        );
        return error ? readAll() : { rows, settings: new Map(owner.settings) };
      };
      try {
        const { rows, settings } = changed.all ? await readAll() : await readSome();
        for (const [name, value] of rows) {
          if (fixed.has(name!) || isDefault(name!, value ?? null)) settings.delete(name!);
          else settings.set(name!, value!);
        }
        owner.settings = settings;
        applied = new Map(settings);
      } catch (error) {
        log(`could not read the settings of connection ${owner.id}: ${(error as Error).message}`);
        applied = undefined;
      }
    },

    /**
     * Undoes what a closed connection leaves in the session: an unfinished batch or transaction
     * is rolled back, its prepared statements deallocated, temporary objects dropped once no
     * other open connection may use them; then the next connection gets the session.
     */
    dispose: async (owner: SessionOwner, leftovers: Leftovers, holding: boolean) => {
      const lastTemporaryUser = temporaryObjectUsers.delete(owner.id) && temporaryObjectUsers.size === 0;
      const work = [
        // After an error the backend ignores everything until Sync; a Sync now would commit nothing.
        ...(holding && leftovers.errorPending ? [sync()] : []),
        ...(holding ? [query("ROLLBACK")] : []),
        ...(leftovers.statements.length ? [...leftovers.statements.map(closeStatement), sync()] : []),
        ...(lastTemporaryUser ? [query("DISCARD TEMP")] : []),
      ];
      try {
        if (!work.length) return;
        if (!holding) await acquire(owner);
        unnamedOwner = undefined;
        await exec(Buffer.concat(work));
      } catch (error) {
        if (!closed) log(`cleaning up after connection ${owner.id} failed: ${(error as Error).message}`);
        applied = undefined;
      } finally {
        if (holder === owner) grantNext();
      }
    },

    stats: () => ({ holder: holder?.id, queued: queue.length }),

    close: () => {
      closed = true;
      clearTimeout(idleTimer);
      for (const waiting of queue) waiting.reject(new Error("the embedded database is shutting down"));
      queue = [];
    },
  };
};
