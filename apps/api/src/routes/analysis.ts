import { createRouter } from "../lib/openapi.ts";
import { collectionRoutes } from "./analysis/collections.ts";
import { interactionRoutes } from "./analysis/interactions.ts";
import { analysisMessageRoutes, sessionMessageRoutes } from "./analysis/messages.ts";
import { ocrRoutes } from "./analysis/ocr.ts";
import { screenshotRoutes } from "./analysis/screenshot.ts";
import { suggestionRoutes } from "./analysis/suggestions.ts";
import { analysisSessionRoutes } from "./analysis/sessions.ts";

// Chat-analysis sessions of 001: sessions with their state machine and OCR step, their messages, and
// the caller's interactions with those messages and the bookmark collections they are in.
export const analysisRoutes = createRouter()
  .route("/analysis-sessions", analysisSessionRoutes)
  .route("/analysis-sessions", ocrRoutes)
  .route("/analysis-sessions", screenshotRoutes)
  .route("/analysis-sessions", suggestionRoutes)
  .route("/analysis-sessions", sessionMessageRoutes)
  .route("/analysis-messages", analysisMessageRoutes)
  .route("/analysis-messages", interactionRoutes)
  .route("/analysis-collections", collectionRoutes);
