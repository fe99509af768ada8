// The load generator of `pnpm bench:scale`, in a process of its own: reads { url, origin, users,
// connections, seconds, remindInMs } on stdin and runs autocannon over a user's visit, again and again
// on each connection: sign in, list goals, a mood check-in, list commitments, a commitment whose
// reminder falls due `remindInMs` later, list conversations, a chat turn (the whole event stream), /me,
// an energy check-in. Each visit signs in as the next user, from that user's own address (sent as
// X-Forwarded-For, which the API trusts behind the CDN-and-balancer hops the bench sets), so per-address
// limits count per user. Prints autocannon's figures and the commitments created, as JSON.
import autocannon from "autocannon";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const { url, origin, users, connections, seconds, remindInMs } = JSON.parse(input);

let visits = 0;
const created = [];
const statuses = {};
const json = (body) => JSON.stringify(body);
const cookieOf = (headers) => {
  const lines = [headers["set-cookie"] ?? headers["Set-Cookie"] ?? []].flat();
  return lines.map((line) => String(line).split(";")[0]).find((pair) => pair.startsWith("cto_session=")) ?? "";
};
const signedIn = (method, path, body) => ({
  method,
  path: typeof path === "function" ? "/" : path,
  setupRequest: (request, context) => ({
    ...request,
    path: typeof path === "function" ? path(context) : path,
    headers: {
      ...request.headers,
      cookie: context.cookie,
      origin,
      "content-type": "application/json",
      "x-forwarded-for": context.user.address,
    },
    ...(body ? { body: json(body(context)) } : {}),
  }),
  onResponse: (status, responseBody) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (path === "/commitments" && method === "POST" && status === 201) created.push(JSON.parse(responseBody).id);
  },
});

const visit = [
  {
    method: "POST",
    path: "/auth/sign-in",
    setupRequest: (request, context) => {
      context.user = users[visits++ % users.length];
      return {
        ...request,
        headers: {
          ...request.headers,
          origin,
          "content-type": "application/json",
          "x-forwarded-for": context.user.address,
        },
        body: json({ email: context.user.email, password: context.user.password }),
      };
    },
    onResponse: (status, _body, context, headers) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      context.cookie = cookieOf(headers);
    },
  },
  signedIn("GET", "/goals?limit=20"),
  signedIn("POST", "/emotions", () => ({ label: "focused", valence: "positive", intensity: 6 })),
  signedIn("GET", "/commitments?limit=20"),
  signedIn("POST", "/commitments", () => ({ title: "Send the weekly update", remindAt: Date.now() + remindInMs })),
  signedIn("GET", "/conversations?limit=20"),
  signedIn(
    "POST",
    (context) => `/conversations/${context.user.conversationId}/chat`,
    () => ({ content: "How do I protect two hours of focus time a day?" }),
  ),
  signedIn("GET", "/me"),
  signedIn("POST", "/energy-metrics", () => ({ level: 7 })),
];

const result = await autocannon({ url, connections, duration: seconds, pipelining: 1, timeout: 60, requests: visit });
process.stdout.write(
  JSON.stringify({
    perSecond: result.requests.total / (result.duration || seconds),
    total: result.requests.total,
    visits,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
    created,
  }),
);
