import { describe, expect, it } from "vitest";

import { fieldPaths, signUp, useApi } from "./support/api.ts";

const {
  harness,
  users: [alice, bob],
} = useApi({ users: ["alice", "bob"] });

type Client = typeof alice;
const newPost = async (client: Client, body: Record<string, unknown> = {}) => {
  const response = await client.request("POST", "/posts", {
    title: "Week 14",
    content: "Shipped the onboarding flow.",
    ...body,
  });
  expect(response.status).toBe(201);
  return response.body;
};
const ids = (items: { id: string }[]) => items.map((item) => item.id);
const HOUR = 3_600_000;
/** Requests can land in the same millisecond; orders under test get times hours apart instead. */
const hoursAgo = (hours: number) => new Date(Date.now() - hours * HOUR);

describe("posts: your own, drafts and publishing", () => {
  it("creates a draft and a published post, with publishedAt only when published", async () => {
    const draft = await newPost(alice);
    expect(draft).toMatchObject({ status: "draft", publishedAt: null });
    expect(draft).not.toHaveProperty("authorId");
    const published = await newPost(alice, { status: "published" });
    expect(published).toMatchObject({ status: "published", publishedAt: expect.any(Number) });
    expect(await harness.db.post.findUniqueOrThrow({ where: { id: published.id } })).toMatchObject({
      status: "PUBLISHED",
      authorId: alice.userId,
    });
    expect((await alice.request("GET", `/posts/${draft.id}`)).body).toEqual(draft);
  });

  it("lists your posts by status, page by page", async () => {
    const client = await signUp(harness, "writer");
    const [a, b, c] = [await newPost(client), await newPost(client, { status: "published" }), await newPost(client)];
    for (const [post, hours] of [
      [a, 3],
      [b, 2],
      [c, 1],
    ] as const)
      await harness.db.post.update({ where: { id: post.id }, data: { createdAt: hoursAgo(hours) } });
    expect(ids((await client.request("GET", "/posts?status=draft")).body.items)).toEqual([c.id, a.id]);
    expect(ids((await client.request("GET", "/posts?status=published")).body.items)).toEqual([b.id]);
    const page1 = await client.request("GET", "/posts?limit=2");
    const page2 = await client.request("GET", `/posts?limit=2&cursor=${page1.body.nextCursor}`);
    expect([...ids(page1.body.items), ...ids(page2.body.items)]).toEqual([c.id, b.id, a.id]);
  });

  it("publishes a draft once, and takes it back to draft with PATCH", async () => {
    const post = await newPost(alice);
    const published = await alice.request("POST", `/posts/${post.id}/publish`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: "published", publishedAt: expect.any(Number) });
    const again = await alice.request("POST", `/posts/${post.id}/publish`);
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe("invalid_state");
    expect((await harness.db.post.findUniqueOrThrow({ where: { id: post.id } })).publishedAt?.getTime()).toBe(
      published.body.publishedAt,
    );
    const edited = await alice.request("PATCH", `/posts/${post.id}`, { title: "Edited" });
    expect(edited.body).toMatchObject({
      title: "Edited",
      status: "published",
      publishedAt: published.body.publishedAt,
    });
    const unpublished = await alice.request("PATCH", `/posts/${post.id}`, { status: "draft" });
    expect(unpublished.body).toMatchObject({ status: "draft", publishedAt: null });
    expect((await alice.request("PATCH", `/posts/${post.id}`, { status: "published" })).status).toBe(400);
    expect((await alice.request("DELETE", `/posts/${post.id}`)).status).toBe(204);
    expect(await harness.db.post.count({ where: { id: post.id } })).toBe(0);
  });
});

describe("feed: everyone's published posts", () => {
  it("shows published posts of all users, newest published first, with author id and name only", async () => {
    const carol = await signUp(harness, "carol");
    const early = await newPost(carol);
    const middle = await newPost(carol, { status: "published" });
    const hidden = await newPost(carol, { title: "Secret draft" });
    await carol.request("POST", `/posts/${early.id}/publish`);
    // Written first, published last: the two sorts disagree about it.
    await harness.db.post.update({
      where: { id: early.id },
      data: { createdAt: hoursAgo(3), publishedAt: hoursAgo(1) },
    });
    await harness.db.post.update({
      where: { id: middle.id },
      data: { createdAt: hoursAgo(2), publishedAt: hoursAgo(2) },
    });
    const feed = await bob.request("GET", `/feed?authorId=${carol.userId}`);
    expect(feed.status).toBe(200);
    expect(ids(feed.body.items)).toEqual([early.id, middle.id]);
    expect(feed.body.items[0]).toMatchObject({
      author: { id: carol.userId, name: "carol" },
      likeCount: 0,
      replyCount: 0,
      likedByMe: false,
      status: "published",
    });
    expect(JSON.stringify(feed.body)).not.toContain(carol.email);
    expect(ids((await bob.request("GET", `/feed?authorId=${carol.userId}&sort=created`)).body.items)).toEqual([
      middle.id,
      early.id,
    ]);
    const everyone = await bob.request("GET", "/feed?limit=100");
    expect(ids(everyone.body.items)).not.toContain(hidden.id);
    expect(everyone.body.items.every((post: { status: string }) => post.status === "published")).toBe(true);
    const page1 = await bob.request("GET", `/feed?authorId=${carol.userId}&limit=1`);
    const page2 = await bob.request("GET", `/feed?authorId=${carol.userId}&limit=1&cursor=${page1.body.nextCursor}`);
    expect([...ids(page1.body.items), ...ids(page2.body.items)]).toEqual([early.id, middle.id]);
    expect(page2.body.nextCursor).toBeNull();
  });

  it("reads one published post of another user, but not a draft (not even your own)", async () => {
    const published = await newPost(alice, { status: "published" });
    const draft = await newPost(alice);
    expect((await bob.request("GET", `/feed/${published.id}`)).body).toMatchObject({
      id: published.id,
      author: { id: alice.userId, name: "alice" },
    });
    expect((await bob.request("GET", `/feed/${draft.id}`)).status).toBe(404);
    expect((await alice.request("GET", `/feed/${draft.id}`)).status).toBe(404);
  });

  it("likes idempotently and unlikes, counting per post and telling each user whether they liked it", async () => {
    const post = await newPost(alice, { status: "published" });
    const liked = await bob.request("PUT", `/posts/${post.id}/like`);
    expect(liked.status).toBe(200);
    expect(liked.body).toMatchObject({ likeCount: 1, likedByMe: true });
    expect((await bob.request("PUT", `/posts/${post.id}/like`)).body).toMatchObject({ likeCount: 1, likedByMe: true });
    expect(await harness.db.like.count({ where: { postId: post.id } })).toBe(1);
    expect((await alice.request("PUT", `/posts/${post.id}/like`)).body).toMatchObject({
      likeCount: 2,
      likedByMe: true,
    });
    expect((await alice.request("GET", `/feed/${post.id}`)).body).toMatchObject({ likeCount: 2, likedByMe: true });
    expect((await bob.request("DELETE", `/posts/${post.id}/like`)).body).toMatchObject({
      likeCount: 1,
      likedByMe: false,
    });
    expect((await bob.request("DELETE", `/posts/${post.id}/like`)).status).toBe(200);
    expect(await harness.db.like.count({ where: { postId: post.id } })).toBe(1);
  });

  it("replies on published posts, oldest first, counted in the feed; you change and delete only your own", async () => {
    const post = await newPost(alice, { status: "published" });
    const first = await bob.request("POST", `/posts/${post.id}/replies`, { content: "Congrats!" });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      postId: post.id,
      content: "Congrats!",
      author: { id: bob.userId, name: "bob" },
    });
    const second = await alice.request("POST", `/posts/${post.id}/replies`, { content: "Thanks!" });
    const third = await bob.request("POST", `/posts/${post.id}/replies`, { content: "What's next?" });
    for (const [reply, hours] of [
      [first, 3],
      [second, 2],
      [third, 1],
    ] as const)
      await harness.db.reply.update({ where: { id: reply.body.id }, data: { createdAt: hoursAgo(hours) } });
    const listed = await alice.request("GET", `/posts/${post.id}/replies`);
    expect(ids(listed.body.items)).toEqual([first.body.id, second.body.id, third.body.id]);
    expect(JSON.stringify(listed.body)).not.toContain(bob.email);
    const page2 = await alice.request(
      "GET",
      `/posts/${post.id}/replies?limit=2&cursor=${(await alice.request("GET", `/posts/${post.id}/replies?limit=2`)).body.nextCursor}`,
    );
    expect(ids(page2.body.items)).toEqual([third.body.id]);
    expect((await bob.request("GET", `/feed/${post.id}`)).body.replyCount).toBe(3);
    expect(
      (await bob.request("PATCH", `/replies/${first.body.id}`, { content: "Congrats, well done!" })).body.content,
    ).toBe("Congrats, well done!");
    expect((await alice.request("DELETE", `/replies/${first.body.id}`)).status).toBe(404);
    expect((await bob.request("DELETE", `/replies/${first.body.id}`)).status).toBe(204);
    expect(await harness.db.reply.count({ where: { postId: post.id } })).toBe(2);
  });
});

describe("stories", () => {
  it("lists and reads your stories, newest first, by period", async () => {
    const older = await harness.db.story.create({
      data: {
        userId: alice.userId,
        period: "2026-W01",
        content: "A week of firsts",
        createdAt: new Date("2026-01-04"),
      },
    });
    const newer = await harness.db.story.create({
      data: { userId: alice.userId, period: "2026-W02", content: "Momentum" },
    });
    expect(ids((await alice.request("GET", "/stories")).body.items)).toEqual([newer.id, older.id]);
    expect(ids((await alice.request("GET", "/stories?period=2026-W01")).body.items)).toEqual([older.id]);
    const one = await alice.request("GET", `/stories/${older.id}`);
    expect(one.body).toMatchObject({
      id: older.id,
      period: "2026-W01",
      content: "A week of firsts",
      createdAt: new Date("2026-01-04").getTime(),
    });
    expect(one.body).not.toHaveProperty("userId");
  });
});

describe("community: bad input and invalid states", () => {
  it("refuses database-style enums and empty fields with field paths, writing nothing", async () => {
    const before = await harness.db.post.count();
    const response = await alice.request("POST", "/posts", { title: "", content: "x", status: "PUBLISHED" });
    expect(response.status).toBe(400);
    expect(fieldPaths(response)).toEqual(["status", "title"]);
    expect(await harness.db.post.count()).toBe(before);
    const post = await newPost(alice, { status: "published" });
    expect((await bob.request("POST", `/posts/${post.id}/replies`, { content: "" })).status).toBe(400);
    expect(await harness.db.reply.count({ where: { postId: post.id } })).toBe(0);
  });

  it("refuses likes and replies on your own draft with 409", async () => {
    const draft = await newPost(alice);
    expect((await alice.request("PUT", `/posts/${draft.id}/like`)).body.error?.code).toBe("invalid_state");
    expect((await alice.request("POST", `/posts/${draft.id}/replies`, { content: "note to self" })).status).toBe(409);
    expect(await harness.db.like.count({ where: { postId: draft.id } })).toBe(0);
  });

  it("refuses unknown sorts, bad cursors and non-uuid ids", async () => {
    expect((await alice.request("GET", "/feed?sort=random")).status).toBe(400);
    expect((await alice.request("GET", "/feed?cursor=abc")).status).toBe(400);
    expect((await alice.request("GET", "/feed?authorId=me")).status).toBe(400);
    expect((await alice.request("GET", "/stories?cursor=abc")).status).toBe(400);
    expect((await alice.request("PUT", "/posts/not-a-uuid/like")).status).toBe(400);
  });
});

describe("community: isolation", () => {
  it("answers 404 for another user's draft on every route, and changes nothing", async () => {
    const draft = await newPost(alice, { title: "Private draft" });
    const p = `/posts/${draft.id}`;
    for (const [method, path, body] of [
      ["GET", p],
      ["PATCH", p, { title: "hacked" }],
      ["DELETE", p],
      ["POST", `${p}/publish`],
      ["PUT", `${p}/like`],
      ["DELETE", `${p}/like`],
      ["GET", `${p}/replies`],
      ["POST", `${p}/replies`, { content: "x" }],
      ["GET", `/feed/${draft.id}`],
    ] as const) {
      expect((await bob.request(method, path, body)).status, `${method} ${path}`).toBe(404);
    }
    expect(await harness.db.post.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({
      title: "Private draft",
      status: "DRAFT",
      publishedAt: null,
    });
    expect(await harness.db.reply.count({ where: { postId: draft.id } })).toBe(0);
  });

  it("keeps another user's published post read-only: /posts/{id} is yours only", async () => {
    const post = await newPost(alice, { status: "published", title: "Public" });
    for (const [method, path, body] of [
      ["GET", `/posts/${post.id}`],
      ["PATCH", `/posts/${post.id}`, { title: "hacked" }],
      ["DELETE", `/posts/${post.id}`],
    ] as const) {
      expect((await bob.request(method, path, body)).status, `${method} ${path}`).toBe(404);
    }
    expect(ids((await bob.request("GET", "/posts?limit=100")).body.items)).not.toContain(post.id);
    expect(await harness.db.post.findUniqueOrThrow({ where: { id: post.id } })).toMatchObject({ title: "Public" });
  });

  it("keeps replies editable by their author only", async () => {
    const post = await newPost(bob, { status: "published" });
    const { body: reply } = await alice.request("POST", `/posts/${post.id}/replies`, { content: "Mine" });
    expect((await bob.request("PATCH", `/replies/${reply.id}`, { content: "hacked" })).status).toBe(404);
    expect((await bob.request("DELETE", `/replies/${reply.id}`)).status).toBe(404);
    expect(await harness.db.reply.findUniqueOrThrow({ where: { id: reply.id } })).toMatchObject({ content: "Mine" });
  });

  it("never shows another user's stories", async () => {
    const story = await harness.db.story.create({
      data: { userId: alice.userId, period: "2026-W10", content: "Alice only" },
    });
    expect((await bob.request("GET", `/stories/${story.id}`)).status).toBe(404);
    expect(ids((await bob.request("GET", "/stories?limit=100")).body.items)).not.toContain(story.id);
  });

  it("needs credentials", async () => {
    const post = await newPost(alice, { status: "published" });
    for (const path of ["/feed", "/posts", "/stories", `/posts/${post.id}/replies`])
      expect((await harness.app.request(path)).status, path).toBe(401);
    expect((await harness.app.request(`/posts/${post.id}/like`, { method: "PUT" })).status).toBe(401);
    expect(await harness.db.like.count({ where: { postId: post.id } })).toBe(0);
  });
});
