/** The error object of a JSON-RPC response, in the shape the Prisma CLI reads from the native engine. */
export type RpcError = {
  code: number;
  message: string;
  data: { is_panic: boolean; message: string; error_code: string | null; meta: unknown };
};

// The native engine answers every failed request with this JSON-RPC server error code.
const ENGINE_ERROR_CODE = 4466;

type EngineFailure = { message?: unknown; code?: unknown; meta?: unknown; name?: unknown };

/** Known user-facing errors carry a Prisma error code (P1001, P3006…), which the CLI prints as such. */
export const toRpcError = (error: unknown, isPanic = false): RpcError => {
  const failure = (typeof error === "object" && error !== null ? error : { message: String(error) }) as EngineFailure;
  const message = typeof failure.message === "string" ? failure.message : String(error);
  const errorCode = typeof failure.code === "string" && /^P\d{4}$/.test(failure.code) ? failure.code : null;
  return {
    code: ENGINE_ERROR_CODE,
    message,
    data: { is_panic: isPanic, message, error_code: errorCode, meta: failure.meta ?? null },
  };
};
