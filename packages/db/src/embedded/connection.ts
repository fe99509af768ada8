// One client connection of the embedded server. Its messages run in batches (up to Sync, Flush or
// a simple Query) while it holds the shared session, which it keeps until the backend is idle
// again. Its prepared statements get session-unique names, its advisory lock calls are answered
// from the server's lock table, and whatever it leaves behind is undone when it goes.
import { randomInt } from "node:crypto";
import type { Socket } from "node:net";

import { createAdvisoryCalls, outcomeMessages } from "./advisory-calls.ts";
import type { AdvisoryLocks } from "./advisory-locks.ts";
import {
  keyOf,
  parameterTypes,
  resultColumn,
  type AdvisoryKey,
  type AdvisoryStatement,
} from "./advisory-statements.ts";
import { readAnswer } from "./answer.ts";
import * as extended from "./extended.ts";
import type { Session, SessionOwner } from "./session.ts";
import { advisoryCall, mentionsTemporaryObjects, refusalFor, settingsChangedBy } from "./sql-inspect.ts";
import { readStartup } from "./startup.ts";
import * as wire from "./wire.ts";

export type ConnectionContext = {
  session: Session;
  locks: AdvisoryLocks;
  log: (message: string) => void;
  /** Open connections by backend id, which a CancelRequest names. */
  connections: Map<number, { secret: number; cancel: () => void }>;
};

type EmulatedPortal = { statement: AdvisoryStatement; key: AdvisoryKey; format: number };
type Mode = "simple" | "extended";

const BATCH_ENDS = new Set(["S", "H", "Q", "F", "X"]);
const CLOSED = new Error("connection closed");
const ABORTED: wire.ErrorFields = {
  severity: "ERROR",
  code: "25P02",
  message: "current transaction is aborted",
};
const freshChanges = () => ({ names: new Set<string>(), all: false, statements: 0, tags: 0 });

export const serveConnection = (socket: Socket, id: number, context: ConnectionContext) => {
  const { session, locks, log } = context;
  const secret = randomInt(2 ** 31 - 1);
  const owner: SessionOwner = { id, settings: new Map(), terminate: (error) => fatal(error) };
  const advisory = createAdvisoryCalls(id, locks, () => owner.settings);
  const reported = new Map<string, string>();
  const statements = new Set<string>();
  const emulatedStatements = new Map<string, AdvisoryStatement>();
  const emulatedPortals = new Map<string, EmulatedPortal>();
  const namePrefix = extended.sessionStatementName(id, "-").slice(0, -1);
  const pending: wire.Message[] = [];
  let inbox: Buffer = Buffer.alloc(0);
  let [ready, busy, closing, finalized, holding] = [false, false, false, false, false];
  /** Transaction status of the last ReadyForQuery: I idle, T in a transaction, E in a failed one. */
  let status = "I";
  /** An error ended an extended batch: everything up to Sync is ignored, as PostgreSQL does. */
  let errorSkip = false;
  let awaitingSync = false;
  let backend: Buffer[] = [];
  let claimsUnnamed = false;
  let lastUnnamedParse: Buffer | undefined;
  let changed = freshChanges();
  let usesTemporaryObjects = false;

  const write = (...buffers: Buffer[]) => {
    if (buffers.length && !socket.destroyed && socket.writable) socket.write(Buffer.concat(buffers));
  };

  const close = () => {
    if (closing) return;
    closing = true;
    advisory.cancel(CLOSED);
    session.leaveQueue(owner, CLOSED);
    socket.end();
    if (!busy) void finalize();
  };

  const fatal = (error: wire.ErrorFields) => {
    write(wire.errorResponse({ ...error, severity: "FATAL" }));
    close();
  };

  const finalize = async () => {
    if (finalized) return;
    finalized = true;
    context.connections.delete(id);
    locks.releaseAll(id);
    const leftovers = {
      errorPending: errorSkip,
      statements: [...statements],
      temporaryObjects: usesTemporaryObjects,
    };
    await session.dispose(owner, leftovers, holding);
    holding = false;
  };

  // --- the backend -----------------------------------------------------------------------------

  const ensureSession = async () => {
    if (holding) return;
    await session.acquire(owner);
    holding = true;
    try {
      await session.enter(owner);
    } catch (error) {
      if (!wire.isErrorFields(error)) throw error;
      fatal(error);
      throw CLOSED;
    }
  };

  /** Forwards the backend's answer and follows the transaction status, errors and settings in it. */
  const deliver = (messages: wire.Message[], replacement?: wire.ErrorFields) => {
    const answer = readAnswer(messages, { reported, namePrefix, replacement });
    if (answer.status) {
      status = answer.status;
      awaitingSync = false;
    }
    errorSkip = answer.errorPending ?? errorSkip;
    for (const name of answer.changedParameters) changed.names.add(name);
    for (const verb of answer.tags.map((tag) => tag.split(" ")[0])) {
      // More SET tags than SET statements seen: something else set them; read every setting back.
      if (verb === "SET" || verb === "RESET") changed.all ||= ++changed.tags > changed.statements;
      else if (verb === "DO" || verb === "CALL") changed.all = true;
    }
    write(...answer.output);
  };

  const toBackend = (raw: Buffer, isExtended = true) => {
    backend.push(raw);
    if (isExtended) awaitingSync = true;
  };

  const flush = async () => {
    if (!backend.length) return;
    const bytes = Buffer.concat(backend);
    backend = [];
    await ensureSession();
    if (claimsUnnamed) session.unnamedOwner = id;
    claimsUnnamed = false;
    deliver(await session.exec(bytes));
  };

  /** Before a Bind or Describe of the unnamed statement: the backend must hold this connection's. */
  const ensureUnnamed = async () => {
    if (claimsUnnamed) return;
    await flush();
    await ensureSession();
    const theirs = session.unnamedOwner !== undefined && session.unnamedOwner !== id;
    if (errorSkip || session.unnamedOwner === id || (!theirs && !lastUnnamedParse)) return;
    // Parsed again from what this connection sent last; with none, closed, so that the Bind fails
    // as in PostgreSQL.
    awaitingSync = true;
    const messages = await session.exec(lastUnnamedParse ?? wire.closeStatement(""));
    session.unnamedOwner = lastUnnamedParse ? id : undefined;
    deliver(messages.filter((entry) => entry.type === "E"));
  };

  const noteSql = (sql: string) => {
    const found = settingsChangedBy(sql);
    for (const name of found.names) changed.names.add(name);
    changed.all ||= found.all;
    changed.statements += found.statements;
    if (!usesTemporaryObjects && mentionsTemporaryObjects(sql)) {
      usesTemporaryObjects = true;
      session.noteTemporaryObjects(owner);
    }
  };

  /**
   * Refuses a statement with `error`. Holding the session (in a transaction, say), a statement
   * that fails is run instead, so the backend's transaction fails as PostgreSQL's would.
   */
  const refuse = async (error: wire.ErrorFields, mode: Mode) => {
    if (!holding) {
      write(wire.errorResponse(error), ...(mode === "simple" ? [wire.readyForQuery("I")] : []));
      if (mode === "extended") errorSkip = true;
      return;
    }
    if (mode === "extended") awaitingSync = true;
    const messages = await session.exec(mode === "simple" ? wire.failingQuery() : wire.failingParse());
    session.unnamedOwner = undefined;
    deliver(messages, error);
  };

  /** Before a message the server answers itself: what came before it has run, and an error stops it. */
  const answeringOwn = async (mode: Mode) => {
    await flush();
    if (errorSkip) return false;
    if (!holding || status !== "E") return true;
    await refuse(ABORTED, mode);
    return false;
  };

  // --- messages --------------------------------------------------------------------------------

  const onQuery = async (entry: wire.Message) => {
    await flush();
    const sql = extended.readQueryText(entry);
    // A simple query destroys the unnamed statement and portal.
    lastUnnamedParse = undefined;
    emulatedStatements.delete("");
    emulatedPortals.delete("");
    const refusal = refusalFor(sql);
    if (refusal) return refuse(refusal, "simple");
    const call = advisoryCall(sql);
    if (call && call !== "unsupported") {
      const param = call.args.find((arg) => "param" in arg);
      if (param)
        return refuse(
          {
            severity: "ERROR",
            code: "42P02",
            message: `there is no parameter $${"param" in param ? param.param : ""}`,
          },
          "simple",
        );
      if (!(await answeringOwn("simple"))) return;
      const key = keyOf({ call, paramTypes: [] }, [], []);
      const outcome = wire.isErrorFields(key) ? key : await advisory.perform(call, key, holding);
      if (wire.isErrorFields(outcome)) return refuse(outcome, "simple");
      return write(
        wire.rowDescription([resultColumn(call, 0)]),
        ...outcomeMessages(outcome, 0),
        wire.readyForQuery(holding ? status : "I"),
      );
    }
    noteSql(sql);
    await ensureSession();
    session.unnamedOwner = undefined;
    deliver(await session.exec(entry.raw));
  };

  const onParse = async (entry: wire.Message) => {
    const parse = extended.readParse(entry);
    const refusal = refusalFor(parse.sql);
    if (refusal) {
      if (await answeringOwn("extended")) await refuse(refusal, "extended");
      return;
    }
    const call = advisoryCall(parse.sql);
    if (call && call !== "unsupported") {
      if (!(await answeringOwn("extended"))) return;
      const taken = emulatedStatements.has(parse.name) || statements.has(extended.sessionStatementName(id, parse.name));
      if (parse.name && taken) {
        const message = `prepared statement "${parse.name}" already exists`;
        return refuse({ severity: "ERROR", code: "42P05", message }, "extended");
      }
      emulatedStatements.set(parse.name, { call, paramTypes: parse.paramTypes });
      if (parse.name === "") lastUnnamedParse = undefined;
      return write(wire.parseComplete());
    }
    noteSql(parse.sql);
    if (parse.name === "") {
      emulatedStatements.delete("");
      lastUnnamedParse = entry.raw;
      claimsUnnamed = true;
      return toBackend(entry.raw);
    }
    const name = extended.sessionStatementName(id, parse.name);
    statements.add(name);
    toBackend(extended.renameParse(parse, name));
  };

  const onBind = async (entry: wire.Message) => {
    const bind = extended.readBind(entry);
    const statement = emulatedStatements.get(bind.statement);
    if (statement) {
      if (!(await answeringOwn("extended"))) return;
      const key = keyOf(statement, bind.params, bind.paramFormats);
      if (wire.isErrorFields(key)) return refuse(key, "extended");
      emulatedPortals.set(bind.portal, { statement, key, format: extended.formatAt(bind.resultFormats, 0) });
      return write(wire.bindComplete());
    }
    emulatedPortals.delete(bind.portal);
    if (bind.statement !== "")
      return toBackend(extended.renameBindStatement(bind, extended.sessionStatementName(id, bind.statement)));
    await ensureUnnamed();
    if (!errorSkip) toBackend(entry.raw);
  };

  const onDescribe = async (entry: wire.Message) => {
    const target = extended.readTarget(entry);
    const portal = target.kind === "P" ? emulatedPortals.get(target.name) : undefined;
    const statement = target.kind === "S" ? emulatedStatements.get(target.name) : portal?.statement;
    if (statement) {
      if (!(await answeringOwn("extended"))) return;
      if (portal) return write(wire.rowDescription([resultColumn(statement.call, portal.format)]));
      return write(
        wire.parameterDescription(parameterTypes(statement)),
        wire.rowDescription([resultColumn(statement.call, 0)]),
      );
    }
    if (target.kind === "P") return toBackend(entry.raw);
    if (target.name !== "")
      return toBackend(extended.renameTarget("D", target, extended.sessionStatementName(id, target.name)));
    await ensureUnnamed();
    if (!errorSkip) toBackend(entry.raw);
  };

  const onExecute = async (entry: wire.Message) => {
    const portal = emulatedPortals.get(extended.readExecutePortal(entry));
    if (!portal) return toBackend(entry.raw);
    if (!(await answeringOwn("extended"))) return;
    const outcome = await advisory.perform(portal.statement.call, portal.key, holding);
    if (wire.isErrorFields(outcome)) return refuse(outcome, "extended");
    write(...outcomeMessages(outcome, portal.format));
  };

  const onClose = async (entry: wire.Message) => {
    const target = extended.readTarget(entry);
    const emulated = target.kind === "S" ? emulatedStatements : emulatedPortals;
    if (emulated.has(target.name)) {
      await flush();
      if (errorSkip) return;
      emulated.delete(target.name);
      return write(wire.closeComplete());
    }
    if (target.kind === "P" || target.name === "") {
      if (target.kind === "S") lastUnnamedParse = undefined;
      return toBackend(entry.raw);
    }
    const name = extended.sessionStatementName(id, target.name);
    statements.delete(name);
    toBackend(extended.renameTarget("C", target, name));
  };

  const onSync = async (entry: wire.Message) => {
    if (holding || backend.length) {
      toBackend(entry.raw, false);
      await flush();
    } else {
      write(wire.readyForQuery("I"));
    }
    errorSkip = false;
    if (status === "I") emulatedPortals.clear();
  };

  const handle = async (entry: wire.Message) => {
    switch (entry.type) {
      case "Q":
        return onQuery(entry);
      case "P":
        return onParse(entry);
      case "B":
        return onBind(entry);
      case "D":
        return onDescribe(entry);
      case "E":
        return onExecute(entry);
      case "C":
        return onClose(entry);
      case "S":
        return onSync(entry);
      case "H":
        if (!backend.length) return;
        toBackend(entry.raw, false);
        return flush();
      case "F":
        toBackend(entry.raw, false);
        return flush();
      case "X":
        await flush();
        return close();
      // COPY FROM STDIN is refused, so copy data can only be the rest of a refused COPY.
      case "d":
      case "c":
      case "f":
        return;
      default:
        return fatal({
          severity: "FATAL",
          code: "08P01",
          message: `invalid frontend message type ${entry.type.charCodeAt(0)}`,
        });
    }
  };

  const runBatch = async (batch: wire.Message[]) => {
    session.setIdle(owner, false);
    for (const entry of batch) {
      if (closing) return;
      if (errorSkip && entry.type !== "S" && entry.type !== "X") continue;
      await handle(entry);
    }
    await flush();
    if (closing || !holding || status !== "I" || awaitingSync) return;
    // The turn is over: keep what it changed in the connection's settings, hand the session on.
    if (changed.all || changed.names.size) await session.capture(owner, changed);
    changed = freshChanges();
    holding = false;
    session.release(owner);
  };

  // --- startup ---------------------------------------------------------------------------------

  const start = async (packet: Buffer) => {
    const startup = readStartup(packet);
    if (wire.isErrorFields(startup)) return fatal(startup);
    if (startup.minorVersion > 0 || startup.unknownOptions.length)
      write(wire.negotiateProtocolVersion(0, startup.unknownOptions));
    let values: Map<string, string>;
    try {
      values = await session.applyStartup(owner, startup.settings);
    } catch (error) {
      if (!wire.isErrorFields(error)) throw error;
      return fatal(error);
    }
    for (const [name, value] of session.reportedDefaults) reported.set(name, values.get(name.toLowerCase()) ?? value);
    const parameters = [...reported].map(([name, value]) => wire.parameterStatus(name, value));
    write(wire.authenticationOk(), ...parameters, wire.backendKeyData(id, secret), wire.readyForQuery("I"));
    ready = true;
  };

  /** Answers SSL and GSS encryption requests (no), a cancel request, then the startup message. */
  const readStartupPackets = async () => {
    while (!ready && !closing && inbox.length >= 8) {
      const length = inbox.readInt32BE(0);
      if (length < 8 || length > 10_000)
        return fatal({ severity: "FATAL", code: "08P01", message: "invalid length of startup packet" });
      if (inbox.length < length) return;
      const packet = inbox.subarray(0, length);
      inbox = inbox.subarray(length);
      const code = packet.readInt32BE(4);
      if (code === wire.SSL_REQUEST || code === wire.GSS_ENC_REQUEST) {
        write(Buffer.from("N"));
      } else if (code === wire.CANCEL_REQUEST && length === 16) {
        const target = context.connections.get(packet.readInt32BE(8));
        if (target?.secret === packet.readInt32BE(12)) target.cancel();
        return close();
      } else if (code >>> 16 !== wire.PROTOCOL_3) {
        const version = `${code >>> 16}.${code & 0xffff}`;
        return fatal({
          severity: "FATAL",
          code: "0A000",
          message: `unsupported frontend protocol ${version}: the server supports 3.0`,
        });
      } else {
        await start(packet);
      }
    }
  };

  const pump = async () => {
    if (busy || finalized) return;
    busy = true;
    try {
      while (!closing) {
        if (!ready) await readStartupPackets();
        if (!ready) break;
        const { messages, rest } = wire.splitMessages(inbox);
        inbox = rest;
        pending.push(...messages);
        const end = pending.findIndex((entry) => BATCH_ENDS.has(entry.type));
        if (end < 0) break;
        await runBatch(pending.splice(0, end + 1));
      }
    } catch (error) {
      if (error !== CLOSED && !closing) {
        log(`connection ${id}: ${(error as Error).stack ?? error}`);
        fatal({
          severity: "FATAL",
          code: "XX000",
          message: `the embedded database failed: ${(error as Error).message}`,
        });
      }
    } finally {
      busy = false;
      if (closing) void finalize();
      else if (holding) session.setIdle(owner, true);
    }
  };

  context.connections.set(id, {
    secret,
    cancel: () =>
      advisory.cancel({
        severity: "ERROR",
        code: "57014",
        message: "canceling statement due to user request",
      }),
  });
  socket.setNoDelay(true);
  socket.on("data", (chunk: Buffer) => {
    if (closing) return;
    inbox = inbox.length ? Buffer.concat([inbox, chunk]) : chunk;
    void pump();
  });
  socket.on("error", close);
  socket.on("close", close);
};
