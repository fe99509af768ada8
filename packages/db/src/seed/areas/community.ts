import { daysFrom, scopedIds, type SeedContext } from "../context.ts";

export const seedCommunity = async ({ db, user, friend, now, id }: SeedContext) => {
  const friendId = scopedIds(friend);
  const postId = id("post:delegation");
  await db.post.createMany({
    skipDuplicates: true,
    data: [
      {
        id: postId,
        authorId: user.id,
        title: "Week 3: letting go of the release",
        content: "Handed the checklist to Priya today. Scary, and a relief.",
        status: "PUBLISHED",
        publishedAt: daysFrom(now, -1),
      },
      {
        id: id("post:draft"),
        authorId: user.id,
        title: "Notes on saying no",
        content: "Draft: three ways I practised saying no this week…",
        status: "DRAFT",
      },
      {
        id: friendId("post:talk"),
        authorId: friend.id,
        title: "My first meetup talk",
        content: "Ten minutes on TypeScript generics. Hands were shaking, it went fine.",
        status: "PUBLISHED",
        publishedAt: daysFrom(now, -3),
      },
    ],
  });
  await db.like.createMany({
    skipDuplicates: true,
    data: [
      { id: id("like:friend-post"), userId: user.id, postId: friendId("post:talk") },
      { id: friendId("like:demo-post"), userId: friend.id, postId },
    ],
  });
  await db.reply.createMany({
    skipDuplicates: true,
    data: [
      {
        id: friendId("reply:demo-post"),
        authorId: friend.id,
        postId,
        content: "Proud of you. What was the hardest part?",
      },
      { id: id("reply:thanks"), authorId: user.id, postId, content: "Not checking her work every hour!" },
    ],
  });
  const period = now.toISOString().slice(0, 7);
  await db.story.createMany({
    skipDuplicates: true,
    data: [
      {
        id: id(`story:${period}`),
        userId: user.id,
        period,
        content:
          "This month you stepped back so your team could step up: the release checklist is the first thing you built to be used without you.",
      },
    ],
  });
};
