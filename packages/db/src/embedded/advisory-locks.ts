// Session-level advisory locks, held per connection. Every connection of the embedded database
// shares one PGlite session, where pg_advisory_lock is re-entrant: a lock one connection holds
// would be granted to any other at once. The server keeps these locks itself instead.

export type LockMode = "exclusive" | "shared";

type Holding = { exclusive: number; shared: number };
type Waiter = { owner: number; mode: LockMode; grant: () => void };
type Entry = { holders: Map<number, Holding>; waiters: Waiter[] };

export type AdvisoryLocks = ReturnType<typeof createAdvisoryLocks>;

export const createAdvisoryLocks = () => {
  const entries = new Map<string, Entry>();

  const entryOf = (key: string) => {
    const found = entries.get(key);
    if (found) return found;
    const entry: Entry = { holders: new Map(), waiters: [] };
    entries.set(key, entry);
    return entry;
  };

  // A connection's own locks never conflict with its requests, as in PostgreSQL.
  const conflicts = (entry: Entry, owner: number, mode: LockMode) =>
    [...entry.holders].some(
      ([holder, holding]) =>
        holder !== owner && (holding.exclusive > 0 || (mode === "exclusive" && holding.shared > 0)),
    );

  const take = (entry: Entry, owner: number, mode: LockMode) => {
    const holding = entry.holders.get(owner) ?? { exclusive: 0, shared: 0 };
    holding[mode]++;
    entry.holders.set(owner, holding);
  };

  // Waiters are granted in arrival order: a stream of shared requests cannot starve an exclusive one.
  const wake = (key: string, entry: Entry) => {
    while (entry.waiters.length && !conflicts(entry, entry.waiters[0]!.owner, entry.waiters[0]!.mode)) {
      const waiter = entry.waiters.shift()!;
      take(entry, waiter.owner, waiter.mode);
      waiter.grant();
    }
    if (!entry.holders.size && !entry.waiters.length) entries.delete(key);
  };

  const tryAcquire = (owner: number, key: string, mode: LockMode) => {
    const entry = entryOf(key);
    const queued = entry.waiters.length > 0 && !entry.holders.has(owner);
    if (queued || conflicts(entry, owner, mode)) {
      if (!entry.holders.size && !entry.waiters.length) entries.delete(key);
      return false;
    }
    take(entry, owner, mode);
    return true;
  };

  /** Waits until the lock is granted; `signal` abandons the wait (its reason is the rejection). */
  const acquire = (owner: number, key: string, mode: LockMode, signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (tryAcquire(owner, key, mode)) return resolve();
      if (signal?.aborted) return reject(signal.reason);
      const entry = entryOf(key);
      const onAbort = () => {
        entry.waiters = entry.waiters.filter((waiting) => waiting !== waiter);
        wake(key, entry);
        reject(signal!.reason);
      };
      const waiter: Waiter = {
        owner,
        mode,
        grant: () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        },
      };
      entry.waiters.push(waiter);
      signal?.addEventListener("abort", onAbort, { once: true });
    });

  /** Releases one hold of the lock; false when the owner held none in that mode. */
  const release = (owner: number, key: string, mode: LockMode) => {
    const entry = entries.get(key);
    const holding = entry?.holders.get(owner);
    if (!entry || !holding || holding[mode] === 0) return false;
    holding[mode]--;
    if (holding.exclusive === 0 && holding.shared === 0) entry.holders.delete(owner);
    wake(key, entry);
    return true;
  };

  const releaseAll = (owner: number) => {
    for (const [key, entry] of [...entries]) {
      if (entry.holders.delete(owner)) wake(key, entry);
    }
  };

  /** Locks held and requests waiting, for tests and diagnostics. */
  const stats = () => ({
    held: [...entries.values()].reduce((sum, entry) => sum + entry.holders.size, 0),
    waiting: [...entries.values()].reduce((sum, entry) => sum + entry.waiters.length, 0),
  });

  return { tryAcquire, acquire, release, releaseAll, stats };
};
