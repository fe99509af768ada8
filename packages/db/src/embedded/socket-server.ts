// Serves one PGlite database over the PostgreSQL wire protocol on a TCP port, to many connections.
import net from "node:net";

import type { PGlite } from "@electric-sql/pglite";

import { createAdvisoryLocks } from "./advisory-locks.ts";
import { serveConnection, type ConnectionContext } from "./connection.ts";
import { createSession } from "./session.ts";
import { errorResponse } from "./wire.ts";

export type PGliteServerOptions = {
  db: PGlite;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Open connections at most; more are refused with SQLSTATE 53300, as PostgreSQL does. */
  maxConnections: number;
  /** How long a connection may keep the session idle (in a transaction) while others wait; 0: no limit. */
  idleInTransactionTimeoutMs: number;
  log: (message: string) => void;
};

export type PGliteServer = Awaited<ReturnType<typeof servePGlite>>;

export const servePGlite = async ({
  db,
  host,
  port,
  maxConnections,
  idleInTransactionTimeoutMs,
  log,
}: PGliteServerOptions) => {
  const session = await createSession(db, { idleInTransactionTimeoutMs, log });
  const locks = createAdvisoryLocks();
  const context: ConnectionContext = { session, locks, log, connections: new Map() };
  const sockets = new Set<net.Socket>();
  let nextId = 1;

  const server = net.createServer((socket) => {
    if (sockets.size >= maxConnections) {
      socket.end(errorResponse({ severity: "FATAL", code: "53300", message: "sorry, too many clients already" }));
      return;
    }
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
    serveConnection(socket, nextId++, context);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });

  return {
    port: (server.address() as net.AddressInfo).port,
    /** What the server is doing, for tests and diagnostics. */
    stats: () => ({ connections: context.connections.size, ...session.stats(), locks: locks.stats() }),
    /** Stops accepting, drops every connection and hands no more work to PGlite. */
    stop: () =>
      new Promise<void>((resolve) => {
        session.close();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
};
