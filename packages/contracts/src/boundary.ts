import { z } from "zod";

import { ZTimestampMsSchema } from "./values.ts";

/**
 * The API boundary's conventions (`001` §3), in one place: enum values are lowercase snake at the
 * boundary (`pending_user_input`) and UPPER_SNAKE in the database; timestamps are Unix milliseconds
 * at the boundary and `Date`s in the database.
 */

/** `PENDING_USER_INPUT` → `pending_user_input`. */
export const toApiEnum = <T extends string>(value: T): Lowercase<T> => value.toLowerCase() as Lowercase<T>;

/** `pending_user_input` → `PENDING_USER_INPUT`. */
export const fromApiEnum = <T extends string>(value: T): Uppercase<T> => value.toUpperCase() as Uppercase<T>;

type EnumObject = Record<string, string>;
type ApiValue<E extends EnumObject> = Lowercase<E[keyof E]>;
// Written out: the type TypeScript infers declares an index it then refuses in the published .d.ts.
type ZApiEnum<E extends EnumObject> = z.ZodPipe<
  z.ZodEnum<{ [V in ApiValue<E>]: V }>,
  z.ZodTransform<E[keyof E], ApiValue<E>>
>;

/**
 * A zod schema for a database enum as the API shows it: accepts the lowercase value and parses
 * to the database's UPPER_SNAKE value, rejecting anything else with the list of allowed values.
 */
export const zApiEnum = <E extends EnumObject>(databaseEnum: E): ZApiEnum<E> => {
  const values = Object.values(databaseEnum).map((value) => value.toLowerCase()) as [ApiValue<E>, ...ApiValue<E>[]];
  return z.enum(values).transform((value) => value.toUpperCase() as E[keyof E]);
};

/** `Date` → Unix milliseconds; null stays null. */
export const toApiTimestamp = <D extends Date | null>(date: D): D extends Date ? number : null =>
  (date === null ? null : date.getTime()) as D extends Date ? number : null;

/** Unix milliseconds → `Date`, refusing values that are not a valid instant. */
export const fromApiTimestamp = (milliseconds: number): Date => {
  const date = new Date(milliseconds);
  if (!Number.isInteger(milliseconds) || Number.isNaN(date.getTime()))
    throw new RangeError(`Not a Unix timestamp in milliseconds: ${milliseconds}`);
  return date;
};

/** A zod schema for a timestamp field: Unix milliseconds within `TIMESTAMP_RANGE` (`values.ts`), parsed to a `Date`. */
export const ZApiTimestampSchema = ZTimestampMsSchema.transform((milliseconds) => new Date(milliseconds));
