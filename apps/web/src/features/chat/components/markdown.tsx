import "highlight.js/styles/github.css";

import bash from "highlight.js/lib/languages/bash";
import css from "highlight.js/lib/languages/css";
import javascript from "highlight.js/lib/languages/javascript";
import json from "highlight.js/lib/languages/json";
import markdown from "highlight.js/lib/languages/markdown";
import python from "highlight.js/lib/languages/python";
import sql from "highlight.js/lib/languages/sql";
import typescript from "highlight.js/lib/languages/typescript";
import xml from "highlight.js/lib/languages/xml";
import yaml from "highlight.js/lib/languages/yaml";
import { createLowlight } from "lowlight";
import { memo, type ReactNode } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";

import { i18n } from "../../../lib/i18n/index.ts";
import { CopyButton } from "./copy-button.tsx";

/**
 * The languages a coach's code blocks are highlighted in: a handful registered by hand instead of
 * highlight.js's 190 (or lowlight's `common` 37, which rehype-highlight bundles whatever it is given),
 * which keeps the renderer's chunk small. Anything else is shown unhighlighted.
 */
const lowlight = createLowlight({ bash, css, javascript, json, markdown, python, sql, typescript, xml, yaml });
lowlight.registerAlias({
  bash: ["sh", "shell", "zsh"],
  javascript: ["js", "jsx"],
  typescript: ["ts", "tsx"],
  xml: ["html"],
});

/** Only web and mail links survive: `javascript:`, `data:`, `vbscript:` and the like lose their target. */
export const safeUrl = (url: string): string | undefined => {
  const trimmed = url.trim();
  if (/^(https?:|mailto:)/i.test(trimmed)) return trimmed;
  // A relative link or a fragment (no scheme before the first `/`, `?` or `#`) stays inside the app.
  if (!/^[^/?#]*:/.test(trimmed) && !trimmed.startsWith("//")) return trimmed;
  return undefined;
};

type THastNode = {
  type: string;
  tagName?: string;
  value?: string;
  properties?: { className?: unknown };
  children?: THastNode[];
};
const textOf = (node: THastNode): string =>
  node.type === "text" ? (node.value ?? "") : (node.children ?? []).map(textOf).join("");

/**
 * Highlights `pre > code.language-x` for the registered languages. It runs after the sanitizer, on text
 * the sanitizer passed, and only adds spans with highlight.js's class names (lowlight builds a syntax
 * tree, never HTML).
 */
const highlightCode = () => (tree: THastNode) => {
  const visit = (node: THastNode, parent?: THastNode) => {
    if (node.tagName === "code" && parent?.tagName === "pre") {
      const classes = Array.isArray(node.properties?.className) ? (node.properties.className as string[]) : [];
      const language = classes.find((name) => name.startsWith("language-"))?.slice("language-".length);
      if (language && lowlight.registered(language)) {
        node.children = lowlight.highlight(language, textOf(node)).children as THastNode[];
        node.properties = { ...node.properties, className: [...classes, "hljs"] };
      }
      return;
    }
    for (const child of node.children ?? []) visit(child, node);
  };
  visit(tree);
};

const COMPONENTS: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} target="_blank" rel="noopener noreferrer nofollow" className="text-brand-700 underline">
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  // A model's image would load from anywhere the reply names (a URL can carry what the user wrote):
  // it is shown as a link the user may choose to open instead.
  img: ({ src, alt }) =>
    typeof src === "string" && safeUrl(src) ? (
      <a href={safeUrl(src)} target="_blank" rel="noopener noreferrer nofollow" className="text-brand-700 underline">
        {alt || "image"}
      </a>
    ) : (
      <span>{alt}</span>
    ),
  pre: ({ node, children }) => (
    <div className="group relative my-2">
      <pre className="overflow-x-auto rounded-lg bg-slate-50 p-3 text-[13px] ring-1 ring-slate-200">{children}</pre>
      <CopyButton
        text={node ? textOf(node).replace(/\n$/, "") : ""}
        label={i18n.t("chat.copy.code")}
        className="absolute top-1.5 right-1.5"
      />
    </div>
  ),
  table: ({ children }) => (
    <div className="my-2 overflow-x-auto">
      <table className="min-w-full border-collapse text-left">{children}</table>
    </div>
  ),
};

/**
 * A reply's markdown (GitHub flavour: lists, emphasis, links, tables, code), safe while it streams in:
 * HTML in the text never becomes elements (react-markdown without rehype-raw never parses it, and the sanitizer drops it), what the tree
 * holds is filtered by rehype-sanitize's GitHub schema, and links keep only web and mail targets.
 * Highlighting runs after sanitizing and only adds class names to code the sanitizer already passed.
 */
export const Markdown = memo(
  ({ children }: { children: string }): ReactNode => (
    <div className="markdown space-y-2 break-words [&_code]:font-mono [&_h1]:font-semibold [&_h2]:font-semibold [&_h3]:font-semibold [&_li]:ml-5 [&_ol]:list-decimal [&_td]:border [&_td]:border-slate-200 [&_td]:px-2 [&_th]:border [&_th]:border-slate-200 [&_th]:px-2 [&_ul]:list-disc [&_blockquote]:border-l-2 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3 [&_:not(pre)>code]:rounded [&_:not(pre)>code]:bg-slate-100 [&_:not(pre)>code]:px-1">
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[rehypeSanitize, highlightCode]}
        urlTransform={(url) => safeUrl(url) ?? ""}
        components={COMPONENTS}
      >
        {children}
      </ReactMarkdown>
    </div>
  ),
);
Markdown.displayName = "Markdown";
