import { describe, expect, it } from "vitest";

import { ACHIEVEMENT_POINTS } from "@cto/core/achievements";

import { signUp, useApi, type TUser } from "./support/api.ts";

const {
  harness,
  users: [alice, bob],
} = useApi({ users: ["alice", "bob"] });

const scoreOf = async (user: TUser) => (await user.request("GET", "/me")).body.achievementScore;
const { completedGoal, publishedPost, story, likeReceived } = ACHIEVEMENT_POINTS;

describe("achievement score", () => {
  it("follows completed goals, published posts, stories and likes from others, and shows on the feed", async () => {
    expect(await scoreOf(alice)).toBe(0);

    const goal = (await alice.request("POST", "/goals", { title: "Run a retro", period: "weekly" })).body;
    const active = (await alice.request("POST", "/goals", { title: "Hire", period: "monthly" })).body;
    expect(await scoreOf(alice)).toBe(0);
    expect((await alice.request("POST", `/goals/${goal.id}/complete`)).status).toBe(200);
    expect(await scoreOf(alice)).toBe(completedGoal);
    // Completed through an edit counts the same; back to active takes it away.
    await alice.request("PATCH", `/goals/${active.id}`, { status: "completed" });
    expect(await scoreOf(alice)).toBe(2 * completedGoal);
    await alice.request("PATCH", `/goals/${active.id}`, { status: "active" });
    expect(await scoreOf(alice)).toBe(completedGoal);

    const draft = (await alice.request("POST", "/posts", { title: "What I learned", content: "Retros work." })).body;
    expect(await scoreOf(alice)).toBe(completedGoal);
    expect((await alice.request("POST", `/posts/${draft.id}/publish`)).status).toBe(200);
    const afterPost = completedGoal + publishedPost;
    expect(await scoreOf(alice)).toBe(afterPost);

    // Likes count for the author, from others only, once per person.
    await alice.request("PUT", `/posts/${draft.id}/like`);
    expect(await scoreOf(alice)).toBe(afterPost);
    expect((await bob.request("PUT", `/posts/${draft.id}/like`)).status).toBe(200);
    expect((await bob.request("PUT", `/posts/${draft.id}/like`)).status).toBe(200);
    expect(await scoreOf(alice)).toBe(afterPost + likeReceived);
    expect(await scoreOf(bob)).toBe(0);
    const feed = (await bob.request("GET", "/feed")).body;
    const entry = feed.items.find((item: { id: string }) => item.id === draft.id);
    expect(entry?.author).toEqual({ id: alice.userId, name: "alice", achievementScore: afterPost + likeReceived });
    await bob.request("DELETE", `/posts/${draft.id}/like`);
    expect(await scoreOf(alice)).toBe(afterPost);

    expect((await alice.request("POST", "/stories/generate", { period: "2026-11" })).status).toBe(201);
    expect(await scoreOf(alice)).toBe(afterPost + story);
  });

  it("takes back the points of a liker whose account is deleted, and of a post deleted", async () => {
    const carol = await signUp(harness, "carol");
    const dave = await signUp(harness, "dave");
    const post = (
      await carol.request("POST", "/posts", { title: "Week one", content: "Shipped.", status: "published" })
    ).body;
    expect(await scoreOf(carol)).toBe(publishedPost);
    await dave.request("PUT", `/posts/${post.id}/like`);
    expect(await scoreOf(carol)).toBe(publishedPost + likeReceived);
    expect((await dave.request("DELETE", "/me", { password: "correct horse battery" })).status).toBe(204);
    expect(await scoreOf(carol)).toBe(publishedPost);
    expect((await carol.request("DELETE", `/posts/${post.id}`)).status).toBe(204);
    expect(await scoreOf(carol)).toBe(0);
    // The stored column is what SQL readers of the users table see.
    const row = await harness.db.user.findUniqueOrThrow({ where: { id: carol.userId } });
    expect(row.achievementScore).toBe(0);
  });
});
