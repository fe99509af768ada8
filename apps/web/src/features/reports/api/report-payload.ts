/**
 * A report's `payload` is JSON the worker writes; the API types it only as an object. These readers
 * take what a chart needs and skip anything malformed, so one odd field never blanks the page.
 * Two shapes exist: the worker's `version: 1` payload (`TReportPayload` in @cto/contracts) and the
 * earlier flat one (`energyTrend`, `goalsProgress`, …) that older rows and the demo seed carry.
 */
export type TReportView = {
  energy: { day: number; level: number }[];
  emotions: { day: number; intensity: number; valence: string }[];
  commitments: { completed: number; skipped: number; pending: number } | null;
  consistency: number | null;
  topInsights: string[];
  goals: { title: string; progress: number }[];
};

type TRecord = Record<string, unknown>;
const isRecord = (value: unknown): value is TRecord =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const num = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : null);
const records = (value: unknown) => (Array.isArray(value) ? value.filter(isRecord) : []);
const percent = (value: number) => Math.max(0, Math.min(100, value));

/** Mean valence −1…1 of a day → the bucket the emotion chart colours. */
const valenceBucket = (value: number) => (value > 0.33 ? "positive" : value < -0.33 ? "negative" : "neutral");

/** The worker's `version: 1` payload: one entry per local day, days without data left out of the charts. */
const readVersion1 = (data: TRecord): TReportView => {
  const section = (key: string) => (isRecord(data[key]) ? (data[key] as TRecord) : {});
  const [energySection, emotionSection, counts, consistency] = [
    section("energy"),
    section("emotions"),
    section("commitments"),
    section("consistency"),
  ];
  const energy = records(energySection.daily).flatMap((entry, day) => {
    const level = num(entry.average);
    return level === null ? [] : [{ day, level }];
  });
  const emotions = records(emotionSection.daily).flatMap((entry, day) => {
    const [intensity, valence] = [num(entry.intensity), num(entry.valence)];
    return intensity === null ? [] : [{ day, intensity, valence: valenceBucket(valence ?? 0) }];
  });
  const commitments = isRecord(data.commitments)
    ? { completed: num(counts.completed) ?? 0, skipped: num(counts.skipped) ?? 0, pending: num(counts.open) ?? 0 }
    : null;
  const score = num(consistency.score);
  const topInsights = records(data.insights).flatMap((insight) => {
    const text = typeof insight.title === "string" && insight.title.trim() ? insight.title : insight.content;
    return typeof text === "string" && text.trim() ? [text] : [];
  });
  const goals = records(data.goals).flatMap((goal) => {
    const progress = num(goal.progress);
    return typeof goal.title === "string" && progress !== null
      ? [{ title: goal.title, progress: percent(progress) }]
      : [];
  });
  return { energy, emotions, commitments, consistency: score === null ? null : percent(score), topInsights, goals };
};

export const readReportPayload = (payload: unknown): TReportView => {
  const data = isRecord(payload) ? payload : {};
  if (data.version === 1) return readVersion1(data);
  const energy = records(data.energyTrend).flatMap((point) => {
    const [day, level] = [num(point.day), num(point.level)];
    return day === null || level === null ? [] : [{ day, level }];
  });
  const emotions = records(data.emotions).flatMap((point) => {
    const [day, intensity] = [num(point.day), num(point.intensity)];
    return day === null || intensity === null
      ? []
      : [{ day, intensity, valence: typeof point.valence === "string" ? point.valence.toLowerCase() : "neutral" }];
  });
  const counts = isRecord(data.commitments) ? data.commitments : null;
  const commitments = counts
    ? { completed: num(counts.completed) ?? 0, skipped: num(counts.skipped) ?? 0, pending: num(counts.pending) ?? 0 }
    : null;
  const consistency = num(data.consistency);
  const topInsights = Array.isArray(data.topInsights)
    ? data.topInsights.filter((item): item is string => typeof item === "string" && item.trim().length > 0)
    : [];
  const goals = records(data.goalsProgress).flatMap((goal) => {
    const progress = num(goal.progress);
    return typeof goal.title === "string" && progress !== null
      ? [{ title: goal.title, progress: percent(progress) }]
      : [];
  });
  return {
    energy,
    emotions,
    commitments,
    consistency: consistency === null ? null : percent(consistency),
    topInsights,
    goals,
  };
};
