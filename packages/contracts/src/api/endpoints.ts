import type { paths } from "./openapi.ts";

/**
 * One endpoint's request and response types, named from the generated OpenAPI `paths` (`openapi.ts`),
 * so a client names what it sends and gets instead of writing the shape again. Use these for answers
 * that hold rows: a row schema is built from its table at run time (`apiRowSchema`), so its `z.infer`
 * is only an index signature, while the document spells every column out.
 *
 * ```ts
 * type TGoal = TApiResponse<"/goals/{id}">;          // GET's 200 answer
 * type TTask = TApiItem<"/tasks">;                   // one item of GET's page
 * type TNewPerson = TApiBody<"/people", "post">;
 * type TUploaded = TApiResponse<"/analysis-sessions/{id}/screenshot", "post", 202>;
 * ```
 */
export type TApiPath = keyof paths;
export type TApiMethod = "get" | "put" | "post" | "patch" | "delete";

type TContent<TResponses, TStatus, TMedia> = TStatus extends keyof TResponses
  ? TResponses[TStatus] extends { content: infer TByMedia }
    ? TMedia extends keyof TByMedia
      ? TByMedia[TMedia]
      : never
    : never
  : never;

/** What an endpoint answers with: 200 unless another status is named, JSON unless another media type is. */
export type TApiResponse<
  P extends TApiPath,
  M extends TApiMethod = "get",
  S extends number = 200,
  C extends string = "application/json",
> = paths[P][M] extends { responses: infer R } ? TContent<R, S, C> : never;

/** The JSON body an endpoint takes. */
export type TApiBody<P extends TApiPath, M extends TApiMethod> = paths[P][M] extends { requestBody?: infer B }
  ? [B] extends [undefined]
    ? never
    : NonNullable<B> extends { content: { "application/json": infer J } }
      ? J
      : never
  : never;

/** The query parameters an endpoint takes. */
export type TApiQuery<P extends TApiPath, M extends TApiMethod = "get"> = paths[P][M] extends {
  parameters: { query?: infer Q };
}
  ? NonNullable<Q>
  : never;

/** One item of the page (`{ items, nextCursor }`) an endpoint answers with. */
export type TApiItem<P extends TApiPath, M extends TApiMethod = "get"> =
  TApiResponse<P, M> extends { items: (infer I)[] } ? I : never;

/** One event of a server-sent event stream, as the document lists them: `{ event, data }`. */
export type TApiStreamEvent<P extends TApiPath, M extends TApiMethod = "post"> =
  TApiResponse<P, M, 200, "text/event-stream"> extends (infer E)[] ? E : never;
