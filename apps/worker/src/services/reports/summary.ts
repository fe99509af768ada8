import type { TAiProvider } from "@cto/ai/provider";
import type { TReportPayload } from "@cto/contracts/api/reports";

/** The period's numbers as plain sentences: the model summarises facts, it does not compute them. */
export const reportFacts = (payload: TReportPayload) => {
  const { emotions, energy, commitments, consistency, insights, goals } = payload;
  const checkIns = emotions.points.length;
  return [
    checkIns
      ? `${checkIns} mood check-ins; most frequent feelings: ${emotions.topLabels.map((entry) => `${entry.label} (${entry.count})`).join(", ")}; average intensity ${(emotions.points.reduce((sum, point) => sum + point.intensity, 0) / checkIns).toFixed(1)}/10.`
      : "No mood check-ins.",
    energy.average === null
      ? "No energy check-ins."
      : `Average energy ${energy.average}/10, trend ${energy.trend}${energy.slopePerDay === null ? "" : ` (${energy.slopePerDay >= 0 ? "+" : ""}${energy.slopePerDay} per day)`}.`,
    commitments.due
      ? `${commitments.completed} of ${commitments.due} commitments due were completed, ${commitments.skipped} skipped, ${commitments.open} not done.`
      : "No commitments were due.",
    ...(consistency.score === null ? [] : [`Consistency score ${consistency.score}/100.`]),
    ...insights
      .slice(0, 3)
      .map((insight) => `Insight: ${insight.title ? `${insight.title} — ` : ""}${insight.content.slice(0, 200)}`),
    ...goals
      .slice(0, 5)
      .map(
        (goal) =>
          `Goal "${goal.title}": ${goal.completedInPeriod ? "completed in this period" : `${goal.progress}% done`}.`,
      ),
  ];
};

/**
 * A short, warm summary of the period through the AI provider. Offline, the local provider lists
 * the same facts (from `grounding`), plainly labelled, and never the instructions.
 */
export const summarizeReport = async ({
  ai,
  payload,
  days,
}: {
  ai: TAiProvider;
  payload: TReportPayload;
  days: number;
}) => {
  const facts = reportFacts(payload);
  const result = await ai.chat({
    messages: [
      {
        role: "system",
        content:
          "You are Cto, a supportive coach. Write a 60-120 word summary of the user's last days, in the second person, using only the facts given: name one thing that went well, one pattern worth noticing, and one small next step. No headings, no lists.",
      },
      { role: "user", content: `The last ${days} days:\n${facts.map((fact) => `- ${fact}`).join("\n")}` },
    ],
    grounding: { purpose: "summary", facts },
    temperature: 0.5,
    maxTokens: 300,
  });
  return result.content.trim();
};
