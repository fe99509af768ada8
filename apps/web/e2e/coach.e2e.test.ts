import { describe, expect, it } from "vitest";

import { samplePdf } from "../../../packages/core/src/documents/samples.test-helper.ts";
import { expectVisible, screenshot, useE2e } from "./harness.ts";

const MINUTE = 60_000;

/**
 * The coach beyond a single reply, with the real worker: the user's own documents read, embedded and
 * cited, and a proactive nudge the worker writes. Embedded database only: what the database itself does
 * here (vector search, the job tables) the first-hour and search specs already cover on PostgreSQL.
 */
describe("the coach's memory and nudges", () => {
  const e2e = useE2e({ worker: true });

  it("uploads a document, shows it being read by the worker, then ready and found by search", async () => {
    const page = await e2e.newPage();
    await e2e.signUpFresh(page);
    await page.goto("/documents");
    await expectVisible(page.getByRole("heading", { name: "Documents" }));
    await page.getByLabel("Choose a document to upload").setInputFiles({
      name: "review.md",
      mimeType: "text/markdown",
      buffer: Buffer.from("# Performance review\n\nPriya leads the payments migration and mentors two engineers."),
    });
    const row = page.getByTestId("document-row").filter({ hasText: "review.md" });
    // The worker reads and embeds it; the page polls until it is ready.
    await row.getByText("Ready").waitFor({ state: "visible", timeout: 60_000 });
    await expectVisible(row.getByText("1 passage", { exact: true }));
    await page.goto("/search?q=payments%20migration%20mentoring&scope=memory");
    await expectVisible(page.getByText(/Priya leads the payments migration/));
    await page
      .getByRole("link", { name: /Open the document/ })
      .first()
      .click();
    await expectVisible(page.getByTestId("document-row").filter({ hasText: "review.md" }));
    await screenshot(page, "documents-ready");
  }, 120_000);

  it("cites an uploaded PDF in the coach's reply, and the citation opens the document", async () => {
    const page = await e2e.newPage();
    await e2e.signUpFresh(page);
    await page.goto("/documents");
    await page.getByLabel("Choose a document to upload").setInputFiles({
      name: "promotion-case.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(
        samplePdf([
          "Promotion case for staff engineer",
          "Noor negotiated the vendor contract renewal and cut the observability bill by a third.",
        ]),
      ),
    });
    const row = page.getByTestId("document-row").filter({ hasText: "promotion-case.pdf" });
    await row.getByText("Ready").waitFor({ state: "visible", timeout: 60_000 });

    await page.goto("/chat");
    await page.getByRole("button", { name: "New conversation" }).click();
    await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
    await page
      .getByLabel("Message to your coach")
      .fill("What did my promotion case say about the vendor contract renewal and the observability bill?");
    await page.getByRole("button", { name: "Send" }).click();
    const reply = page.getByRole("article", { name: "Coach" }).last();
    await expectVisible(reply.getByText(/sources? used/));
    await reply.getByText(/sources? used/).click();
    const cited = reply.getByRole("listitem").filter({ hasText: "vendor contract renewal" });
    await expectVisible(cited.getByText(/promotion-case\.pdf/));
    await screenshot(page, "chat-cites-document");
    await cited.getByRole("link", { name: /Open the document/ }).click();
    await page.waitForURL((url) => url.pathname === "/documents");
    await expectVisible(page.getByTestId("document-row").filter({ hasText: "promotion-case.pdf" }));
  }, 120_000);

  it("shows the coach's nudge about a commitment at risk, written by the worker, in the notifications", async () => {
    const page = await e2e.newPage();
    const { email } = await e2e.signUpFresh(page);
    const { db, worker } = e2e.stack;
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const commitment = await db.commitment.create({
      data: { userId: user.id, title: "Draft the hiring plan", dueAt: new Date(Date.now() + 30 * 60 * MINUTE) },
    });
    // Untouched for two days: no progress.
    await db.$executeRaw`UPDATE commitments SET updated_at = now() - interval '2 days' WHERE id = ${commitment.id}::uuid`;
    await worker!.queues.enqueue("reminders", "nudges", {});
    await expect
      .poll(() => db.proactiveMessage.count({ where: { userId: user.id, commitmentId: commitment.id } }), {
        timeout: 60_000,
      })
      .toBe(1);
    await page.goto("/");
    const nudge = page
      .getByRole("region", { name: "Notifications" })
      .getByRole("listitem")
      .filter({ hasText: 'Your commitment "Draft the hiring plan" is due' });
    await expectVisible(nudge);
    await nudge.getByRole("button", { name: "Mark seen" }).click();
    await expect
      .poll(async () => (await db.proactiveMessage.findFirstOrThrow({ where: { userId: user.id } })).seenAt)
      .not.toBeNull();
  });
});
