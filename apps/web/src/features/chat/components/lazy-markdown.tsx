import { lazy, Suspense } from "react";

// The renderer (react-markdown, its syntax trees, highlight.js) is most of the chat's code: it loads in a
// chunk of its own beside the chat page, and a reply shows as plain text for the moment it takes.
const Markdown = lazy(() => import("./markdown.tsx").then((module) => ({ default: module.Markdown })));

/** A reply's markdown (markdown.tsx), loaded on first use. */
export const LazyMarkdown = ({ children }: { children: string }) => (
  <Suspense fallback={<div className="whitespace-pre-wrap break-words">{children}</div>}>
    <Markdown>{children}</Markdown>
  </Suspense>
);
