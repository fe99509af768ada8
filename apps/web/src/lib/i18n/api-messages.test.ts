import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

import ts from "typescript";
import { afterEach, describe, expect, it } from "vitest";

import { toApiError } from "../api-error.ts";
import { de } from "./api-messages.de.ts";
import { loadApiMessages, templateKey, translateApiMessage } from "./api-messages.ts";
import { applyLocale } from "./index.ts";
import type { TApiCatalog } from "./api-messages.ts";

const ROOT = resolve(import.meta.dirname, "../../../../..");

/** The .ts files of a source tree, without tests and generated code (the OpenAPI document, drizzle's schema). */
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(path);
    return /\.ts$/.test(entry.name) && !/\.(test|d)\.ts$/.test(entry.name) && entry.name !== "openapi.ts" ? [path] : [];
  });

// The zod checks that take a message after their limit or predicate (`.max(200, "…")`, `.refine(fn, "…")`).
const ZOD_CHECKS = new Set(
  "min max length int regex refine nonempty email url uuid positive nonnegative negative gt gte lt lte multipleOf startsWith endsWith includes datetime date time number string".split(
    " ",
  ),
);
// The API's helpers that put the text given to them in an answer, with that text's argument position.
const CARRIERS: Record<string, number> = { renderError: 2, toAiApiError: 1, takeOrRefuse: 2, badResponse: 0 };
const LIMITED_CHECKS = new Set(
  "min max length regex refine gt gte lt lte multipleOf startsWith endsWith includes".split(" "),
);

/**
 * The English messages a file can send: an exact text, or a template whose values read `{}`
 * (`At most {} passkeys.`). Messages are the texts given to `new ApiError(code, …)`, `new RateLimitedError(…)`,
 * the `CARRIERS` and `notFound(noun)` ("No such goal."), a `message` beside a field's `path` or
 * an error's `code`, the wording handed to `readUploadedFile`, and in the contracts every `message`/`error`
 * option and the message of a zod check. A message is followed through both branches of a condition, a
 * constant of the file, a function of the file that returns it, and a parameter to the texts the file
 * passes for it.
 */
const messagesOf = (file: string, contracts: boolean): string[] => {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const declarations = new Map<string, ts.Node>();
  const calls: ts.CallExpression[] = [];
  const found: string[] = [];
  const property = (node: ts.ObjectLiteralExpression, name: string) =>
    node.properties.find(
      (item): item is ts.PropertyAssignment =>
        ts.isPropertyAssignment(item) && ts.isIdentifier(item.name) && item.name.text === name,
    )?.initializer;
  const returned = (fn: ts.Node): ts.Expression[] => {
    if (ts.isArrowFunction(fn) && !ts.isBlock(fn.body)) return [fn.body];
    const results: ts.Expression[] = [];
    const walk = (node: ts.Node) => {
      if (ts.isReturnStatement(node) && node.expression) results.push(node.expression);
      if (!ts.isFunctionLike(node)) ts.forEachChild(node, walk);
    };
    if ((ts.isArrowFunction(fn) || ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) && fn.body)
      ts.forEachChild(fn.body, walk);
    return results;
  };
  /** The texts the call sites in this file pass for parameter `index` of the function named `name`. */
  const passed = (name: string, index: number, key?: string): string[] =>
    calls
      .filter((call) => ts.isIdentifier(call.expression) && call.expression.text === name)
      .flatMap((call) => {
        const argument = call.arguments[index];
        if (!argument) return [];
        if (!key) return texts(argument, 0);
        return ts.isObjectLiteralExpression(argument) ? texts(property(argument, key), 0) : [];
      });
  const parameterTexts = (identifier: ts.Identifier, key?: string): string[] | undefined => {
    for (let node: ts.Node | undefined = identifier.parent; node; node = node.parent) {
      if (!ts.isFunctionLike(node)) continue;
      const index = node.parameters.findIndex(
        (parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === identifier.text,
      );
      if (index < 0) continue;
      const name =
        ts.isFunctionDeclaration(node) && node.name
          ? node.name.text
          : ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name)
            ? node.parent.name.text
            : undefined;
      return name ? passed(name, index, key) : [];
    }
    return undefined;
  };
  const texts = (node: ts.Node | undefined, depth: number): string[] => {
    if (!node || depth > 6) return [];
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
    if (ts.isTemplateExpression(node))
      return [node.head.text + node.templateSpans.map((span) => `{}${span.literal.text}`).join("")];
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return texts(node.expression, depth + 1);
    if (ts.isConditionalExpression(node))
      return [...texts(node.whenTrue, depth + 1), ...texts(node.whenFalse, depth + 1)];
    if (ts.isObjectLiteralExpression(node))
      return texts(property(node, "message") ?? property(node, "error"), depth + 1);
    if (ts.isIdentifier(node)) {
      const declaration = declarations.get(node.text);
      if (declaration && ts.isVariableDeclaration(declaration)) return texts(declaration.initializer, depth + 1);
      return parameterTexts(node) ?? [];
    }
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression))
      return parameterTexts(node.expression, node.name.text) ?? [];
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const declaration = declarations.get(node.expression.text);
      const fn = declaration && ts.isVariableDeclaration(declaration) ? declaration.initializer : declaration;
      return fn ? returned(fn).flatMap((expression) => texts(expression, depth + 1)) : [];
    }
    return [];
  };
  const add = (node: ts.Node | undefined) => {
    for (const message of texts(node, 0)) if (message.trim()) found.push(message);
  };
  const index = (node: ts.Node) => {
    if ((ts.isVariableDeclaration(node) || ts.isFunctionDeclaration(node)) && node.name && ts.isIdentifier(node.name))
      declarations.set(node.name.text, node);
    if (ts.isCallExpression(node)) calls.push(node);
    ts.forEachChild(node, index);
  };
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
      if (node.expression.text === "ApiError") add(node.arguments?.[1]);
      if (node.expression.text === "RateLimitedError") add(node.arguments?.[0]);
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (ts.isIdentifier(callee) && Object.hasOwn(CARRIERS, callee.text)) add(node.arguments[CARRIERS[callee.text]!]);
      if (ts.isIdentifier(callee) && callee.text === "notFound")
        for (const noun of texts(node.arguments[0], 0)) found.push(`No such ${noun}.`);
      const wording = node.arguments[2];
      if (
        ts.isIdentifier(callee) &&
        callee.text === "readUploadedFile" &&
        wording &&
        ts.isObjectLiteralExpression(wording)
      )
        for (const item of wording.properties)
          if (ts.isPropertyAssignment(item) && item.name.getText() !== "field") add(item.initializer);
      if (contracts && ts.isPropertyAccessExpression(callee) && ZOD_CHECKS.has(callee.name.text))
        node.arguments.forEach((argument, position) => {
          // A limit, a pattern or a predicate comes first; `.includes("x")` is a string's own method.
          if (position === 0 && LIMITED_CHECKS.has(callee.name.text)) return;
          if (!ts.isFunctionLike(argument)) add(argument);
        });
    }
    if (ts.isObjectLiteralExpression(node)) {
      const beside = property(node, "path") ?? property(node, "code");
      if (contracts || beside) add(property(node, "message"));
      const error = property(node, "error");
      if (contracts && error && !ts.isFunctionLike(error)) add(error);
    }
    ts.forEachChild(node, visit);
  };
  index(source);
  visit(source);
  return found;
};

const scanned = [
  ...sources(join(ROOT, "apps/api/src")).flatMap((file) => messagesOf(file, false)),
  ...sources(join(ROOT, "packages/contracts/src")).flatMap((file) => messagesOf(file, true)),
];
const apiMessages = [...new Set(scanned)].sort();

afterEach(async () => {
  await applyLocale("en");
});

/** The scanned messages the catalog has no words for: an exact text by its key, a template by a pattern. */
const untranslated = (catalog: TApiCatalog) => {
  const patterns = new Set(catalog.patterns.map(([english]) => templateKey(english)));
  return apiMessages.filter((message) =>
    message.includes("{}") ? !patterns.has(message) : !catalog.messages[message]?.trim(),
  );
};

const validation = (details: { path: string; message: string }[]) =>
  toApiError(400, {
    error: { code: "validation_failed", message: "The request is not valid; see details.", requestId: "r", details },
  });

const inGerman = async () => {
  await applyLocale("de");
  await loadApiMessages("de");
};

describe("the API's messages in German", () => {
  it("has a German text for every message the API and the contracts write", () => {
    // The scan reads the real sources: a few hundred messages, or it has stopped finding them.
    expect(apiMessages.length).toBeGreaterThan(200);
    expect(apiMessages).toContain("Name it.");
    expect(apiMessages).toContain("An account has at most {} passkeys; delete one first.");
    expect(untranslated(de)).toEqual([]);
  });

  it("notices a message without its German", () => {
    const { "Name it.": _, ...messages } = de.messages;
    expect(untranslated({ ...de, messages })).toEqual(["Name it."]);
    const patterns = de.patterns.filter(([english]) => !english.startsWith("An account has at most"));
    expect(untranslated({ ...de, patterns })).toEqual(["An account has at most {} passkeys; delete one first."]);
  });

  it("shows a field's message, the headline and a message with values in German", async () => {
    await inGerman();
    const error = validation([
      { path: "name", message: "Name it." },
      { path: "passkey", message: "An account has at most 10 passkeys; delete one first." },
    ]);
    expect(error.message).toBe("Die Anfrage ist ungültig; siehe Details.");
    expect(error.fields).toEqual({
      name: "Gib ihm einen Namen.",
      passkey: "Ein Konto hat höchstens 10 Passkeys; lösche zuerst einen.",
    });
    const conflict = toApiError(409, {
      error: { code: "conflict", message: "You already have a story for 2026-W48.", requestId: "r" },
    });
    expect(conflict.message).toBe("Du hast schon eine Geschichte für 2026-W48.");
  });

  it("words zod's own messages in German, with their values", async () => {
    await inGerman();
    const error = validation([
      { path: "title", message: "Too big: expected string to have <=200 characters" },
      { path: "name", message: "Too small: expected string to have >=1 characters" },
      { path: "goalId", message: "Invalid input: expected string, received undefined" },
      { path: "email", message: "Invalid email address" },
      { path: "priority", message: 'Invalid option: expected one of "low"|"medium"|"high"' },
      { path: "items", message: "Too big: expected array to have <=1 items" },
    ]);
    expect(error.fields).toEqual({
      title: "Zu lang: höchstens 200 Zeichen.",
      name: "Darf nicht leer sein.",
      goalId: "Fehlt: erwartet Text.",
      email: "Ungültige E-Mail-Adresse.",
      priority: 'Ungültige Auswahl: erwartet eines von "low"|"medium"|"high".',
      items: "Zu lang: höchstens 1 Eintrag.",
    });
  });

  it("keeps a message it does not know, and a value that is a message is translated inside its pattern", async () => {
    await inGerman();
    expect(validation([{ path: "x", message: "Something only a newer API says." }]).fields.x).toBe(
      "Something only a newer API says.",
    );
    expect(translateApiMessage("The request body is nested too deep. Try again.")).toBe(
      "Der Inhalt der Anfrage ist zu tief verschachtelt. Versuche es noch einmal.",
    );
    expect(
      translateApiMessage("The story could not be written: the AI provider failed (HTTP 502). Try again in a moment."),
    ).toBe(
      "Die Geschichte konnte nicht geschrieben werden: der KI-Anbieter ist gescheitert (HTTP 502). Versuche es gleich noch einmal.",
    );
  });

  it("leaves English exactly as the API wrote it", async () => {
    await loadApiMessages("de");
    const error = validation([
      { path: "name", message: "Name it." },
      { path: "title", message: "Too big: expected string to have <=200 characters" },
    ]);
    expect(error.message).toBe("The request is not valid; see details.");
    expect(error.fields).toEqual({ name: "Name it.", title: "Too big: expected string to have <=200 characters." });
  });
});
