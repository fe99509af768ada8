import { useMutation, useQueryClient } from "@tanstack/react-query";

import { api, unwrap } from "../../../lib/api-client.ts";
import { SESSION_QUERY_KEY } from "../../../lib/session.ts";

export type TOnboarding = {
  currentRole: string | null;
  goals: string[];
  workContext: string | null;
  challenges: string[];
};

/**
 * The first words to the coach, in two writes: the role and goals on the profile (PATCH /me, the rest
 * kept) and the context profile the coach grounds every reply in (PUT /me/context; a new account has
 * none, so nothing is replaced). Both or an error: the context is written only once the profile is.
 */
export const saveOnboarding = async ({ currentRole, goals, workContext, challenges }: TOnboarding) => {
  await unwrap(api.PATCH("/me", { body: { currentRole, currentGoals: goals } }));
  const existing = await unwrap(api.GET("/me/context"));
  // Replaced whole by PUT: keep whatever else is there (someone coming back to this page later).
  const keep = existing
    ? {
        personalBio: existing.personalBio,
        aiPreferences: existing.aiPreferences,
        communicationStyle: existing.communicationStyle,
        decisionMakingStyle: existing.decisionMakingStyle,
        timeManagementStyle: existing.timeManagementStyle,
        workingHours: existing.workingHours,
        expertiseAreas: existing.expertiseAreas,
        learningObjectives: existing.learningObjectives,
        preferredMeetingTimes: existing.preferredMeetingTimes,
      }
    : {};
  return unwrap(
    api.PUT("/me/context", { body: { ...keep, workContext, longTermGoals: goals, currentChallenges: challenges } }),
  );
};

export const useSaveOnboarding = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveOnboarding,
    // The session (its user's profile) and the context profile are read elsewhere: re-read both.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY }),
        queryClient.invalidateQueries({ queryKey: ["me", "context"] }),
      ]),
  });
};
