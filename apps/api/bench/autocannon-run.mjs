// The load generator of `pnpm bench:api`, in a process of its own: reads { url, requests, connections,
// duration } on stdin, runs autocannon (a three-second warm-up first, so the figures are of a warm process) and prints its figures as JSON.
import autocannon from "autocannon";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const { url, requests, connections, duration } = JSON.parse(input);

const run = (seconds) => autocannon({ url, requests, connections, duration: seconds, pipelining: 1 });

const warmUp = await run(3);
const result = await run(duration);
process.stdout.write(
  JSON.stringify({
    perSecond: result.requests.total / (result.duration || duration),
    total: result.requests.total,
    warmUpTotal: warmUp.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }),
);
