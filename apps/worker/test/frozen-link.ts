import { createConnection, createServer, type AddressInfo, type Socket } from "node:net";

/**
 * A TCP link on 127.0.0.1 to the server at `target` (Redis), which a test can freeze: while frozen, what
 * clients send is held back, as on a network that stopped delivering, so their commands wait for answers
 * that do not come; thawed, the held bytes go on in order. `url` is the target's URL with the link's port.
 */
export const startFrozenLink = async (target: string) => {
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  const held: Array<() => void> = [];
  let frozen = false;
  const server = createServer((client) => {
    const remote = createConnection({ host: upstream.hostname, port: Number(upstream.port || 6379) });
    for (const socket of [client, remote]) {
      sockets.add(socket);
      socket.on("error", () => undefined);
      socket.on("close", () => {
        sockets.delete(socket);
        client.destroy();
        remote.destroy();
      });
    }
    client.on("data", (chunk) => {
      if (frozen) held.push(() => remote.write(chunk));
      else remote.write(chunk);
    });
    remote.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = new URL(target);
  url.hostname = "127.0.0.1";
  url.port = String((server.address() as AddressInfo).port);
  return {
    url: url.toString(),
    freeze: () => {
      frozen = true;
    },
    thaw: () => {
      frozen = false;
      for (const send of held.splice(0)) send();
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
