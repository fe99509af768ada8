import { daysFrom, hoursFrom, type SeedContext } from "../context.ts";

export const seedAnalysis = async ({ db, user, now, id }: SeedContext) => {
  const sessionId = id("analysis:complete");
  await db.analysisSession.createMany({
    skipDuplicates: true,
    data: [
      {
        id: sessionId,
        userId: user.id,
        type: "SCREENSHOT",
        status: "COMPLETE",
        name: "Reply to Alex about the offer",
        screenshotUrl: "local://uploads/demo/alex-chat.png",
        isPinned: true,
        createdAt: daysFrom(now, -1),
        lastActivity: hoursFrom(now, -3),
      },
      // Waiting for the user to confirm what OCR read: ocrResult holds the draft until then.
      {
        id: id("analysis:verifying"),
        userId: user.id,
        type: "SCREENSHOT",
        status: "VERIFYING_OCR",
        name: "Team chat",
        screenshotUrl: "local://uploads/demo/team-chat.png",
        ocrResult: [
          { id: "1", text: "Can you cover the on-call this weekend?", author: "contact" },
          { id: "2", text: "Let me check my plans", author: "user" },
        ],
        lastActivity: hoursFrom(now, -1),
      },
      {
        id: id("analysis:text"),
        userId: user.id,
        type: "TEXT",
        status: "PENDING_USER_INPUT",
        name: "Draft for my manager",
        lastActivity: hoursFrom(now, -5),
      },
      {
        id: id("analysis:trashed"),
        userId: user.id,
        type: "TEXT",
        status: "COMPLETE",
        name: "Old conversation",
        isActive: false,
        deletedAt: daysFrom(now, -2),
        lastActivity: daysFrom(now, -4),
      },
    ],
  });
  const messages = [
    {
      key: "contact",
      text: "We'd love to have you, but the salary is final.",
      author: "CONTACT" as const,
      sentiment: "NEUTRAL" as const,
    },
    {
      key: "user",
      text: "Thanks! Can we talk about the start date instead?",
      author: "USER" as const,
      sentiment: "POSITIVE" as const,
      collectionIds: ["favourites"],
    },
    {
      key: "ai-1",
      text: "I'm excited about the role. If the salary is fixed, could we look at a signing bonus or an extra week of leave?",
      author: "AI" as const,
      title: "Trade on other terms",
      collectionIds: ["favourites"],
      tag: "Negotiation",
      analysis:
        "It accepts their constraint, keeps the tone warm and opens two concrete alternatives they can say yes to.",
    },
    {
      key: "ai-2",
      text: "Understood. What flexibility is there on remote days?",
      author: "AI" as const,
      title: "Ask an open question",
      tag: "Curiosity",
      analysis: "An open question invites them to offer something without either side losing face.",
    },
  ];
  await db.analysisMessage.createMany({
    skipDuplicates: true,
    data: messages.map(({ key, ...message }, i) => ({
      id: id(`analysis-message:${key}`),
      analysisSessionId: sessionId,
      timestamp: hoursFrom(daysFrom(now, -1), i),
      ...message,
    })),
  });
  await db.messageInteraction.createMany({
    skipDuplicates: true,
    data: [
      { id: id("interaction:liked"), userId: user.id, analysisMessageId: id("analysis-message:ai-1"), type: "LIKED" },
      { id: id("interaction:pinned"), userId: user.id, analysisMessageId: id("analysis-message:ai-1"), type: "PINNED" },
      {
        id: id("interaction:copied"),
        userId: user.id,
        analysisMessageId: id("analysis-message:ai-1"),
        type: "COPIED_TO_CLIPBOARD",
      },
      {
        id: id("interaction:disliked"),
        userId: user.id,
        analysisMessageId: id("analysis-message:ai-2"),
        type: "DISLIKED",
      },
    ],
  });
};
