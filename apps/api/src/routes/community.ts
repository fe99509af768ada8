import { createRouter } from "../lib/openapi.ts";
import { feedRoutes } from "./community/feed.ts";
import { postActivityRoutes } from "./community/post-activity.ts";
import { postRoutes } from "./community/posts.ts";
import { replyRoutes } from "./community/replies.ts";
import { storyRoutes } from "./community/stories.ts";

// Community of 002: your posts (drafts and published), the feed of everyone's published posts with
// likes and replies, and your AI-generated stories.
export const communityRoutes = createRouter()
  .route("/posts", postRoutes)
  .route("/posts", postActivityRoutes)
  .route("/feed", feedRoutes)
  .route("/replies", replyRoutes)
  .route("/stories", storyRoutes);
