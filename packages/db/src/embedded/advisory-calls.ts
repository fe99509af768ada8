// One connection's session-level advisory lock calls, answered from the server's lock table.
import type { AdvisoryLocks } from "./advisory-locks.ts";
import { encodeResult, modeOf, type AdvisoryKey } from "./advisory-statements.ts";
import type { Settings } from "./session.ts";
import type { AdvisoryCall } from "./sql-inspect.ts";
import { waitLimit } from "./timeouts.ts";
import * as wire from "./wire.ts";

/** A call's result: void (undefined), a boolean, or NULL; with PostgreSQL's warning, if any. */
export type Outcome = { value: boolean | null | undefined; notice?: wire.ErrorFields };

const CONTENDED_IN_TRANSACTION: wire.ErrorFields = {
  severity: "ERROR",
  code: "55P03",
  message:
    "could not obtain advisory lock: another connection holds it, and this one holds the embedded " +
    "database's " +
    "session (a transaction or an unfinished batch), so waiting would never end",
  hint: "Take session-level advisory locks outside transactions, or use pg_advisory_xact_lock.",
};

export const createAdvisoryCalls = (id: number, locks: AdvisoryLocks, settings: () => Settings) => {
  let waitAbort: AbortController | undefined;

  // Waiting holds no session: the lock's holder needs a turn to unlock it.
  const lock = async (
    key: string,
    call: AdvisoryCall,
    holdingSession: boolean,
  ): Promise<Outcome | wire.ErrorFields> => {
    if (locks.tryAcquire(id, key, modeOf(call))) return { value: undefined };
    if (holdingSession) return CONTENDED_IN_TRANSACTION;
    const controller = new AbortController();
    waitAbort = controller;
    const limit = waitLimit(settings());
    const timer = limit ? setTimeout(() => controller.abort(limit.error), limit.ms) : undefined;
    try {
      await locks.acquire(id, key, modeOf(call), controller.signal);
      return { value: undefined };
    } catch (reason) {
      return wire.isErrorFields(reason)
        ? reason
        : { severity: "ERROR", code: "57014", message: "canceling statement: the connection closed" };
    } finally {
      clearTimeout(timer);
      waitAbort = undefined;
    }
  };

  const perform = async (
    call: AdvisoryCall,
    key: AdvisoryKey,
    holdingSession: boolean,
  ): Promise<Outcome | wire.ErrorFields> => {
    if (key === null) return { value: null };
    const mode = modeOf(call);
    if (call.fn === "try") return { value: locks.tryAcquire(id, key, mode) };
    if (call.fn === "unlock_all") {
      locks.releaseAll(id);
      return { value: undefined };
    }
    if (call.fn === "lock") return lock(key, call, holdingSession);
    if (locks.release(id, key, mode)) return { value: true };
    const type = mode === "shared" ? "ShareLock" : "ExclusiveLock";
    return {
      value: false,
      notice: { severity: "WARNING", code: "01000", message: `you don't own a lock of type ${type}` },
    };
  };

  return {
    perform,
    /** Ends a wait for a lock, if one is going on, with `reason` as the statement's error. */
    cancel: (reason: unknown) => waitAbort?.abort(reason),
  };
};

/** The rows part of a call's answer: the warning, the value, the command tag. */
export const outcomeMessages = (outcome: Outcome, format: number) => [
  ...(outcome.notice ? [wire.noticeResponse(outcome.notice)] : []),
  wire.dataRow([encodeResult(outcome.value, format)]),
  wire.commandComplete("SELECT 1"),
];
