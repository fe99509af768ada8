// What a test's request answers, typed from the OpenAPI document the API publishes (the types in
// @cto/contracts/api/openapi, kept current by test/openapi.test.ts): a concrete path such as
// `/goals/${id}/complete?x=1` is matched against the documented templates segment by segment.
import type { paths } from "@cto/contracts/api/openapi";
import type { TError } from "@cto/contracts/errors";

export type THttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

type TTemplate = keyof paths & string;

type TWithoutQuery<P extends string> = P extends `${infer Path}?${string}` ? Path : P;

type TSegmentMatches<Segment extends string, Template extends string> = Template extends `{${string}}`
  ? true
  : Segment extends Template
    ? true
    : false;

/** Whether `Path` fits `Template` segment by segment; a `${string}` in the path fills one `{param}`. */
type TMatches<Path extends string, Template extends string> = Template extends `/${infer Head}/${infer Rest}`
  ? Path extends `/${infer PathHead}/${infer PathRest}`
    ? TSegmentMatches<PathHead, Head> extends true
      ? TMatches<`/${PathRest}`, `/${Rest}`>
      : false
    : false
  : Template extends `/${infer Last}`
    ? Path extends `/${infer PathLast}`
      ? PathLast extends `${string}/${string}`
        ? false
        : TSegmentMatches<PathLast, Last>
      : false
    : false;

/** The documented template a request path stands for: itself when it is one, else every template it fits. */
export type TTemplateOf<P extends string> =
  TWithoutQuery<P> extends TTemplate
    ? TWithoutQuery<P>
    : { [T in TTemplate]: TMatches<TWithoutQuery<P>, T> extends true ? T : never }[TTemplate];

type TSuccessStatus = 200 | 201 | 202 | 204;

type TJsonOf<Response> = Response extends { content: { "application/json": infer Body } }
  ? Body
  : Response extends { content?: never }
    ? null
    : unknown;

type TOperation<M extends string, T extends TTemplate> = paths[T][Lowercase<M> & keyof paths[T]];

/** A success body with the error's fields beside it; a success without content (204) leaves only those. */
type TWithError<TBody> = [TBody] extends [null] ? Partial<TError> : TBody & Partial<TError>;

type TBodyOf<Operation> = Operation extends { responses: infer Responses }
  ? TWithError<TJsonOf<Responses[Extract<keyof Responses, TSuccessStatus>]>>
  : Partial<TError>;

/**
 * The body of `M P`: the documented success body, which on a failure status is the error envelope
 * instead (its `error` present); only the error for a method the route does not have; for a path the
 * document does not have (the dev routes, /ready, the queue board) the error, beside fields of unknown type.
 */
export type TResponseBody<M extends string, P extends string> = [TTemplateOf<P>] extends [never]
  ? Partial<TError> & Record<string, unknown>
  : TBodyOf<TOperation<M, TTemplateOf<P>>>;

/** An answer as a test reads it. */
export type TAnswer<TBody> = { status: number; headers: Headers; body: TBody };

export type TResponse<M extends string, P extends string> = TAnswer<TResponseBody<M, P>>;
