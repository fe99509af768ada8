import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { Markdown, safeUrl } from "./markdown.tsx";

afterEach(cleanup);

const renderMarkdown = (text: string) => render(<Markdown>{text}</Markdown>).container;

/** Anything a hostile reply could use to run code or load from elsewhere. */
const assertInert = (root: HTMLElement) => {
  expect(root.querySelectorAll("script, iframe, object, embed, style, img, svg, form, input, link, meta")).toHaveLength(
    0,
  );
  for (const element of root.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      expect(attribute.name, element.outerHTML).not.toMatch(/^on/i);
      expect(attribute.value, element.outerHTML).not.toMatch(/^\s*(javascript|data|vbscript):/i);
    }
  }
};

describe("Markdown", () => {
  it("renders GitHub-flavoured markdown: emphasis, lists, links, tables, highlighted code with a copy button", () => {
    const root = renderMarkdown(
      [
        "Some **bold** and _soft_ words.",
        "",
        "- one",
        "- two",
        "",
        "| Goal | Due |",
        "| --- | --- |",
        "| Ship | Friday |",
        "",
        "[docs](https://example.com/docs)",
        "",
        "```ts",
        "const answer: number = 42;",
        "```",
      ].join("\n"),
    );
    expect(root.querySelector("strong")?.textContent).toBe("bold");
    expect(root.querySelector("em")?.textContent).toBe("soft");
    expect([...root.querySelectorAll("ul > li")].map((li) => li.textContent)).toEqual(["one", "two"]);
    expect(root.querySelector("table td")?.textContent).toBe("Ship");
    const link = root.querySelector("a");
    expect(link?.getAttribute("href")).toBe("https://example.com/docs");
    expect(link?.getAttribute("target")).toBe("_blank");
    expect(link?.getAttribute("rel")).toContain("noopener");
    const code = root.querySelector("pre code");
    expect(code?.textContent).toBe("const answer: number = 42;\n");
    expect(code?.querySelector(".hljs-keyword")?.textContent).toBe("const");
    expect(root.querySelector("button[aria-label='Copy code']")).not.toBeNull();
    assertInert(root);
  });

  it("never lets HTML from the reply become elements: script, event handlers, iframes, styles", () => {
    const root = renderMarkdown(
      [
        "<script>window.pwned = true</script>",
        '<img src="x" onerror="window.pwned = true">',
        '<a href="javascript:alert(1)" onclick="alert(1)">click</a>',
        '<iframe src="https://evil.example"></iframe>',
        "<style>body { display: none }</style>",
        '<div onmouseover="alert(1)">hover</div>',
        "<svg><script>alert(1)</script></svg>",
        'Inline <b onclick="x()">bold</b> text',
      ].join("\n\n"),
    );
    assertInert(root);
    expect(root.querySelector(".markdown b, .markdown div")).toBeNull();
    expect(root.textContent).not.toContain("pwned");
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it("drops dangerous link targets, in markdown links, autolinks, references and images", () => {
    const root = renderMarkdown(
      [
        "[a](javascript:alert(1))",
        "[b](JaVaScRiPt:alert(1))",
        "[c]( javascript:alert(1) )",
        "[d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[e](vbscript:msgbox(1))",
        "[f][ref]",
        "![tracker](https://evil.example/leak?q=secret)",
        "![x](javascript:alert(1))",
        "",
        "[ref]: javascript:alert(1)",
      ].join("\n\n"),
    );
    assertInert(root);
    const hrefs = [...root.querySelectorAll("a")].map((a) => a.getAttribute("href"));
    // Only the image survives as a link, and is never loaded.
    expect(hrefs).toEqual(["https://evil.example/leak?q=secret"]);
    expect(root.textContent).toContain("tracker");
  });

  it("shows HTML inside code fences and inline code as text", () => {
    const root = renderMarkdown(
      [
        "```html",
        '<script>alert("fenced")</script>',
        "<img src=x onerror=alert(1)>",
        "```",
        "",
        "`<b>inline</b>`",
      ].join("\n"),
    );
    assertInert(root);
    expect(root.querySelector("pre code")?.textContent).toContain('<script>alert("fenced")</script>');
    expect(root.querySelector("p code")?.textContent).toBe("<b>inline</b>");
  });

  it("renders every prefix of a streaming reply without unsafe output or a throw", () => {
    const reply = [
      "Here is **the plan**:",
      "",
      "1. [Read](https://example.com) the brief",
      "2. Run `pnpm test`",
      "",
      "```js",
      "console.log('<script>')",
      "```",
      "",
      '<img src=x onerror="alert(1)"> and [bad](javascript:alert(1)) | a | b |',
    ].join("\n");
    // Every cut: mid-emphasis, mid-link, an unclosed fence, half an HTML tag.
    for (let end = 1; end <= reply.length; end += 3) {
      const { container, unmount } = render(<Markdown>{reply.slice(0, end)}</Markdown>);
      assertInert(container);
      unmount();
    }
    const unclosed = renderMarkdown("```js\nconst a = '<img src=x onerror=alert(1)>'");
    expect(unclosed.querySelector("pre code")?.textContent).toContain("<img src=x onerror=alert(1)>");
  });

  it("keeps long replies and odd input intact", () => {
    const long = `${"word ".repeat(20_000)}end`;
    expect(renderMarkdown(long).textContent).toContain("end");
    expect(renderMarkdown("").textContent).toBe("");
    expect(renderMarkdown("\u0000 null byte and 😀 emoji and \u202e RTL").textContent).toContain("emoji");
  });
});

describe("safeUrl", () => {
  it.each([
    ["https://example.com", "https://example.com"],
    ["mailto:coach@example.com", "mailto:coach@example.com"],
    ["/goals", "/goals"],
    ["#section", "#section"],
    ["javascript:alert(1)", undefined],
    ["  JAVASCRIPT:alert(1)", undefined],
    ["data:text/html,x", undefined],
    ["//evil.example", undefined],
    ["file:///etc/passwd", undefined],
  ])("%s → %s", (url, expected) => {
    expect(safeUrl(url)).toBe(expected);
  });
});
