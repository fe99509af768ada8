import { describe, expect, it } from "vitest";

import { insightsReply } from "./insights.ts";

const parse = (text: string) =>
  JSON.parse(text) as { insights: { title: string; content: string; evidence: number[] }[] };

describe("the offline provider's insights", () => {
  it("turns first-person statements into second-person insights with their evidence, once each", () => {
    const { insights } = parse(
      insightsReply([
        { n: 1, kind: "message", text: "I manage a team of eight engineers. How do I run a retro?" },
        { n: 2, kind: "message", text: "Honestly I prefer written updates over meetings." },
        { n: 3, kind: "message", text: "I manage a team of eight engineers." },
        { n: 4, kind: "message", text: "Set a goal to run a 10k by June" },
      ]),
    );
    expect(insights).toEqual([
      { title: "About you", content: "You manage a team of eight engineers.", evidence: [1, 3], confidence: 0.7 },
      {
        title: "Preference",
        content: "Honestly you prefer written updates over meetings.",
        evidence: [2],
        confidence: 0.7,
      },
    ]);
  });

  it("finds patterns across check-ins and nothing in a single one", () => {
    const { insights } = parse(
      insightsReply([
        { n: 1, kind: "emotion", text: "anxious", label: "Anxious" },
        { n: 2, kind: "emotion", text: "anxious", label: "anxious" },
        { n: 3, kind: "emotion", text: "calm", label: "calm" },
        { n: 4, kind: "energy", text: "Energy 3/10", level: 3 },
        { n: 5, kind: "energy", text: "Energy 4/10", level: 4 },
      ]),
    );
    expect(insights.map((insight) => [insight.content, insight.evidence])).toEqual([
      ["You often feel anxious (2 check-ins).", [1, 2]],
      ["Your energy has been low (about 3.5/10).", [4, 5]],
    ]);
    expect(parse(insightsReply([{ n: 1, kind: "energy", text: "Energy 2/10", level: 2 }])).insights).toEqual([]);
  });
});
