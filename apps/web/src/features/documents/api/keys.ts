export const documentKeys = { list: ["documents"] as const };
