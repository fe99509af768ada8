import { useEffect, useState } from "react";

import { getReadiness, type TReadiness } from "../api/get-readiness.ts";

type State = { kind: "loading" } | { kind: "done"; readiness: TReadiness } | { kind: "error"; message: string };

export const HealthStatus = () => {
  const [state, setState] = useState<State>({ kind: "loading" });
  useEffect(() => {
    const controller = new AbortController();
    getReadiness(controller.signal)
      .then((readiness) => setState({ kind: "done", readiness }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setState({ kind: "error", message: error instanceof Error ? error.message : String(error) });
      });
    return () => controller.abort();
  }, []);

  if (state.kind === "loading") return <p role="status">Checking the API…</p>;
  if (state.kind === "error") return <p role="alert">The API cannot be reached: {state.message}</p>;
  return (
    <p role="status">
      API: {state.readiness.status === "ready" ? "ready" : "not ready"} · database: {state.readiness.database === "ok" ? "connected" : "unreachable"}
    </p>
  );
};
