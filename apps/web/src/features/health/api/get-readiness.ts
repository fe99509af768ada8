export type TReadiness = { status: "ready" | "not_ready"; database: "ok" | "unreachable" };

/** GET /ready through the dev proxy (`/api`). */
export const getReadiness = async (signal?: AbortSignal): Promise<TReadiness> => {
  const response = await fetch("/api/ready", signal ? { signal } : {});
  if (response.status !== 200 && response.status !== 503) throw new Error(`The API answered ${response.status}.`);
  return (await response.json()) as TReadiness;
};
