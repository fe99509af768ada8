// One client connection of the embedded server. Its messages are run in batches (up to Sync,
// Flush or a simple Query) while it holds the shared session; it keeps the session until the
// backend is idle again. Its prepared statements get session-unique names, its advisory locks
// are answered from the server's lock table, and whatever it leaves behind is undone when it goes.
import { randomInt } from "node:crypto";
import type { Socket } from "node:net";

import type { AdvisoryLocks } from "./advisory-locks.ts";
import { encodeResult, keyOf, modeOf, parameterTypes, resultColumn, type AdvisoryKey, type AdvisoryStatement } from "./advisory-statements.ts";
import {
  formatAt, readBind, readExecutePortal, readParse, readQueryText, readTarget, renameBindStatement, renameParse, renameTarget, sessionStatementName,
} from "./extended.ts";
import type { Session, SessionOwner } from "./session.ts";
import { advisoryCall, mentionsTemporaryObjects, refusalFor, settingsChangedBy, type AdvisoryCall } from "./sql-inspect.ts";
import { readStartup } from "./startup.ts";
import { waitLimit } from "./timeouts.ts";
import * as wire from "./wire.ts";

export type ConnectionContext = {
  session: Session;
  locks: AdvisoryLocks;
  log: (message: string) => void;
  /** Open connections by backend id, which a CancelRequest names. */
  connections: Map<number, { secret: number; cancel: () => void }>;
};

type EmulatedPortal = { statement: AdvisoryStatement; key: AdvisoryKey; format: number };
type Outcome = { value: boolean | null | undefined; notice?: wire.ErrorFields };

const BATCH_ENDS = new Set(["S", "H", "Q", "F", "X"]);
const CLOSED = new Error("connection closed");
const isError = (value: unknown): value is wire.ErrorFields => typeof value === "object" && value !== null && "severity" in value && "code" in value;
const freshChanges = () => ({ names: new Set<string>(), all: false, statements: 0, tags: 0 });

export const serveConnection = (socket: Socket, id: number, context: ConnectionContext) => {
  const { session, locks, log } = context;
  const secret = randomInt(2 ** 31 - 1);
  const owner: SessionOwner = { id, settings: new Map(), terminate: (error) => fatal(error) };
  const reported = new Map<string, string>();
  const statements = new Set<string>();
  const emulatedStatements = new Map<string, AdvisoryStatement>();
  const emulatedPortals = new Map<string, EmulatedPortal>();
  const namePrefix = sessionStatementName(id, "-").slice(0, -1);
  let inbox: Buffer = Buffer.alloc(0);
  const pending: wire.Message[] = [];
  let ready = false;
  let busy = false;
  let closing = false;
  let finalized = false;
  let holding = false;
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
  let waitAbort: AbortController | undefined;

  const write = (...buffers: Buffer[]) => {
    if (buffers.length && !socket.destroyed && socket.writable) socket.write(buffers.length === 1 ? buffers[0]! : Buffer.concat(buffers));
  };

  const close = () => {
    if (closing) return;
    closing = true;
    waitAbort?.abort(CLOSED);
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
    const leftovers = { errorPending: errorSkip, statements: [...statements], temporaryObjects: usesTemporaryObjects };
    await session.dispose(owner, leftovers, holding);
    holding = false;
  };

  // --- the backend ---------------------------------------------------------------------------

  const ensureSession = async () => {
    if (holding) return;
    await session.acquire(owner);
    holding = true;
    try {
      await session.enter(owner);
    } catch (error) {
      if (!isError(error)) throw error;
      fatal(error);
      throw CLOSED;
    }
  };

  const noteTag = (tag: string) => {
    const verb = tag.split(" ")[0];
    if (verb === "SET" || verb === "RESET") changed.all ||= ++changed.tags > changed.statements;
    else if (verb === "DO" || verb === "CALL") changed.all = true;
  };

  /** The client's names in an error about its prepared statements, not the session's. */
  const withClientNames = ({ body }: wire.Message) => {
    const fields = wire.readFields(body);
    for (const key of Object.keys(fields)) fields[key] = fields[key]!.replaceAll(namePrefix, "");
    return wire.fieldsMessage("E", fields);
  };

  /** Forwards the backend's answer, following the transaction status, errors and settings in it. */
  const deliver = (messages: wire.Message[], replacement?: wire.ErrorFields) => {
    const kept: Buffer[] = [];
    let lastError = -1;
    let lastReady = -1;
    messages.forEach((entry, index) => {
      if (entry.type === "Z") {
        status = String.fromCharCode(entry.body[0]!);
        lastReady = index;
        awaitingSync = false;
      } else if (entry.type === "E") {
        lastError = index;
        // A refused statement inside a failed transaction gets PostgreSQL's own 25P02.
        if (replacement && wire.readFields(entry.body).C !== "25P02") return void kept.push(wire.errorResponse(replacement));
        if (entry.raw.includes(namePrefix)) return void kept.push(withClientNames(entry));
      } else if (entry.type === "C") {
        noteTag(wire.readCString(entry.body, 0)[0]);
      } else if (entry.type === "S") {
        const [name = "", value = ""] = entry.body.toString("utf8").split("\0");
        if (reported.get(name) === value) return;
        reported.set(name, value);
        changed.names.add(name.toLowerCase());
      }
      kept.push(entry.raw);
    });
    if (lastError > lastReady) errorSkip = true;
    else if (lastReady >= 0) errorSkip = false;
    write(...kept);
  };

  const toBackend = (raw: Buffer, extended = true) => {
    backend.push(raw);
    if (extended) awaitingSync = true;
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
    if (errorSkip || session.unnamedOwner === id || (session.unnamedOwner === undefined && !lastUnnamedParse)) return;
    // Parsed again from what this connection sent last; without one, closed, so the Bind fails as in PostgreSQL.
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
  const refuse = async (error: wire.ErrorFields, mode: "simple" | "extended") => {
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

  const inFailedTransaction = () => holding && status === "E";
  const transactionAborted: wire.ErrorFields = { severity: "ERROR", code: "25P02", message: "current transaction is aborted" };

  // --- advisory locks ------------------------------------------------------------------------

  const lock = async (key: string, call: AdvisoryCall): Promise<Outcome | wire.ErrorFields> => {
    if (locks.tryAcquire(id, key, modeOf(call))) return { value: undefined };
    if (holding) {
      return {
        severity: "ERROR",
        code: "55P03",
        message: "could not obtain advisory lock: another connection holds it, and this one holds the embedded database's session (a transaction or an unfinished batch), so waiting would never end",
        hint: "Take session-level advisory locks outside transactions, or use pg_advisory_xact_lock.",
      };
    }
    const controller = new AbortController();
    waitAbort = controller;
    const limit = waitLimit(owner.settings);
    const timer = limit && setTimeout(() => controller.abort(limit.error), limit.ms);
    try {
      await locks.acquire(id, key, modeOf(call), controller.signal);
      return { value: undefined };
    } catch (reason) {
      return isError(reason) ? reason : { severity: "ERROR", code: "57014", message: "canceling statement: the connection closed" };
    } finally {
      clearTimeout(timer || undefined);
      waitAbort = undefined;
    }
  };

  const perform = async (call: AdvisoryCall, key: AdvisoryKey): Promise<Outcome | wire.ErrorFields> => {
    if (key === null) return { value: null };
    const mode = modeOf(call);
    if (call.fn === "try") return { value: locks.tryAcquire(id, key, mode) };
    if (call.fn === "unlock_all") {
      locks.releaseAll(id);
      return { value: undefined };
    }
    if (call.fn === "unlock") {
      if (locks.release(id, key, mode)) return { value: true };
      return { value: false, notice: { severity: "WARNING", code: "01000", message: `you don't own a lock of type ${mode === "shared" ? "ShareLock" : "ExclusiveLock"}` } };
    }
    return lock(key, call);
  };

  const answer = (outcome: Outcome, format: number) => [
    ...(outcome.notice ? [wire.noticeResponse(outcome.notice)] : []),
    wire.dataRow([encodeResult(outcome.value, format)]),
    wire.commandComplete("SELECT 1"),
  ];

  const advisoryQuery = async (statement: AdvisoryStatement) => {
    const param = statement.call.args.find((arg) => "param" in arg);
    if (param) return refuse({ severity: "ERROR", code: "42P02", message: `there is no parameter $${(param as { param: number }).param}` }, "simple");
    if (inFailedTransaction()) return refuse(transactionAborted, "simple");
    const key = keyOf(statement, [], []);
    const outcome = isError(key) ? key : await perform(statement.call, key);
    if (isError(outcome)) return refuse(outcome, "simple");
    write(wire.rowDescription([resultColumn(statement.call, 0)]), ...answer(outcome, 0), wire.readyForQuery(holding ? status : "I"));
  };

  // --- messages ------------------------------------------------------------------------------

  const onQuery = async (entry: wire.Message) => {
    await flush();
    const sql = readQueryText(entry);
    // A simple query destroys the unnamed statement and portal.
    lastUnnamedParse = undefined;
    emulatedStatements.delete("");
    emulatedPortals.delete("");
    const refusal = refusalFor(sql);
    if (refusal) return refuse(refusal, "simple");
    const call = advisoryCall(sql);
    if (call && call !== "unsupported") return advisoryQuery({ call, paramTypes: [] });
    noteSql(sql);
    await ensureSession();
    session.unnamedOwner = undefined;
    deliver(await session.exec(entry.raw));
  };

  const onParse = async (entry: wire.Message) => {
    const parse = readParse(entry);
    const refusal = refusalFor(parse.sql);
    const call = advisoryCall(parse.sql);
    if (refusal || (call && call !== "unsupported")) {
      await flush();
      if (errorSkip) return;
      if (refusal) return refuse(refusal, "extended");
      if (inFailedTransaction()) return refuse(transactionAborted, "extended");
      if (parse.name && (emulatedStatements.has(parse.name) || statements.has(sessionStatementName(id, parse.name)))) {
        return refuse({ severity: "ERROR", code: "42P05", message: `prepared statement "${parse.name}" already exists` }, "extended");
      }
      emulatedStatements.set(parse.name, { call: call as AdvisoryCall, paramTypes: parse.paramTypes });
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
    const name = sessionStatementName(id, parse.name);
    statements.add(name);
    toBackend(renameParse(parse, name));
  };

  const onBind = async (entry: wire.Message) => {
    const bind = readBind(entry);
    const statement = emulatedStatements.get(bind.statement);
    if (statement) {
      await flush();
      if (errorSkip) return;
      if (inFailedTransaction()) return refuse(transactionAborted, "extended");
      const key = keyOf(statement, bind.params, bind.paramFormats);
      if (isError(key)) return refuse(key, "extended");
      emulatedPortals.set(bind.portal, { statement, key, format: formatAt(bind.resultFormats, 0) });
      return write(wire.bindComplete());
    }
    emulatedPortals.delete(bind.portal);
    if (bind.statement !== "") return toBackend(renameBindStatement(bind, sessionStatementName(id, bind.statement)));
    await ensureUnnamed();
    if (!errorSkip) toBackend(entry.raw);
  };

  const onDescribe = async (entry: wire.Message) => {
    const target = readTarget(entry);
    const statement = target.kind === "S" ? emulatedStatements.get(target.name) : emulatedPortals.get(target.name)?.statement;
    if (statement) {
      await flush();
      if (errorSkip) return;
      if (inFailedTransaction()) return refuse(transactionAborted, "extended");
      if (target.kind === "P") return write(wire.rowDescription([resultColumn(statement.call, emulatedPortals.get(target.name)!.format)]));
      return write(wire.parameterDescription(parameterTypes(statement)), wire.rowDescription([resultColumn(statement.call, 0)]));
    }
    if (target.kind === "P") return toBackend(entry.raw);
    if (target.name !== "") return toBackend(renameTarget("D", target, sessionStatementName(id, target.name)));
    await ensureUnnamed();
    if (!errorSkip) toBackend(entry.raw);
  };

  const onExecute = async (entry: wire.Message) => {
    const portal = emulatedPortals.get(readExecutePortal(entry));
    if (!portal) return toBackend(entry.raw);
    await flush();
    if (errorSkip) return;
    if (inFailedTransaction()) return refuse(transactionAborted, "extended");
    const outcome = await perform(portal.statement.call, portal.key);
    if (isError(outcome)) return refuse(outcome, "extended");
    write(...answer(outcome, portal.format));
  };

  const onClose = async (entry: wire.Message) => {
    const target = readTarget(entry);
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
    const name = sessionStatementName(id, target.name);
    statements.delete(name);
    toBackend(renameTarget("C", target, name));
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
      case "Q": return onQuery(entry);
      case "P": return onParse(entry);
      case "B": return onBind(entry);
      case "D": return onDescribe(entry);
      case "E": return onExecute(entry);
      case "C": return onClose(entry);
      case "S": return onSync(entry);
      case "H":
        return backend.length ? (toBackend(entry.raw, false), flush()) : undefined;
      case "F":
        toBackend(entry.raw, false);
        return flush();
      case "X":
        await flush();
        return close();
      // COPY FROM STDIN is refused, so copy data can only be left over from a refused COPY.
      case "d":
      case "c":
      case "f":
        return;
      default:
        return fatal({ severity: "FATAL", code: "08P01", message: `invalid frontend message type ${entry.type.charCodeAt(0)}` });
    }
  };

  const finishTurn = async () => {
    if (changed.all || changed.names.size) await session.capture(owner, changed);
    changed = freshChanges();
    holding = false;
    session.release(owner);
  };

  const runBatch = async (batch: wire.Message[]) => {
    session.setIdle(owner, false);
    for (const entry of batch) {
      if (closing) return;
      if (errorSkip && entry.type !== "S" && entry.type !== "X") continue;
      await handle(entry);
    }
    await flush();
    if (!closing && holding && status === "I" && !awaitingSync) await finishTurn();
  };

  // --- startup ---------------------------------------------------------------------------------

  const start = async (packet: Buffer) => {
    const startup = readStartup(packet);
    if (isError(startup)) return fatal(startup);
    if (startup.minorVersion > 0 || startup.unknownOptions.length) write(wire.negotiateProtocolVersion(0, startup.unknownOptions));
    let values: Map<string, string>;
    try {
      values = await session.applyStartup(owner, startup.settings);
    } catch (error) {
      if (!isError(error)) throw error;
      return fatal(error);
    }
    for (const [name, value] of session.reportedDefaults) reported.set(name, values.get(name.toLowerCase()) ?? value);
    write(
      wire.authenticationOk(),
      ...[...reported].map(([name, value]) => wire.parameterStatus(name, value)),
      wire.backendKeyData(id, secret),
      wire.readyForQuery("I"),
    );
    ready = true;
  };

  /** Answers SSL and GSS encryption requests (no), a cancel request, then the startup message. */
  const readStartupPackets = async () => {
    while (!ready && !closing && inbox.length >= 8) {
      const length = inbox.readInt32BE(0);
      if (length < 8 || length > 10_000) return fatal({ severity: "FATAL", code: "08P01", message: "invalid length of startup packet" });
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
        return fatal({ severity: "FATAL", code: "0A000", message: `unsupported frontend protocol ${code >>> 16}.${code & 0xffff}: the server supports 3.0` });
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
        if (!ready) {
          await readStartupPackets();
          if (!ready) break;
        }
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
        fatal({ severity: "FATAL", code: "XX000", message: `the embedded database failed: ${(error as Error).message}` });
      }
    } finally {
      busy = false;
      if (closing) void finalize();
      else if (holding) session.setIdle(owner, true);
    }
  };

  context.connections.set(id, {
    secret,
    cancel: () => waitAbort?.abort({ severity: "ERROR", code: "57014", message: "canceling statement due to user request" }),
  });
  socket.setNoDelay(true);
  socket.on("data", (chunk: Buffer) => {
    if (closing) return;
    inbox = inbox.length ? Buffer.concat([inbox, chunk]) : chunk;
    void pump();
  });
  socket.on("error", close);
  socket.on("close", close);
  return { close, finalized: () => finalized };
};
