export const routineKeys = { list: ["routines"] as const };
