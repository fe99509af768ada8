import { readFileSync } from "node:fs";
import net from "node:net";

/** Above every fixed port the services of tooling/scripts take (Redis Sentinel's 26380-26382 the highest). */
const LOWEST = 27_000;

/** Ports below this are never handed out as the local port of an outgoing connection (Linux's default range). */
const ephemeralStart = () => {
  try {
    const [low] = readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/);
    const start = Number(low);
    return Number.isInteger(start) && start > LOWEST + 1_000 ? start : 32_768;
  } catch {
    return 32_768;
  }
};

const ATTEMPTS = 50;

const listensOn = (port: number) =>
  new Promise<number | null>((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(null));
    server.listen(port, "127.0.0.1", () => {
      const { port: bound } = server.address() as net.AddressInfo;
      server.close(() => resolve(bound));
    });
  });

/**
 * A TCP port on loopback that was free a moment ago, for servers a test starts. It is taken below the
 * ephemeral range: a port the kernel picked there is free again once checked, and until the test's
 * server binds it (a child process may take half a minute to get there), any outgoing connection on the
 * machine may get it as its local port, which under a full test run happened (EADDRINUSE).
 */
export const freePort = async (): Promise<number> => {
  const highest = ephemeralStart() - 1;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const port = await listensOn(LOWEST + Math.floor(Math.random() * (highest - LOWEST + 1)));
    if (port !== null) return port;
  }
  const port = await listensOn(0);
  if (port === null) throw new Error("no free TCP port on 127.0.0.1");
  return port;
};
