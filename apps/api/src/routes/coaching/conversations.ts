import { Conversation } from "@cto/contracts/tables";

import { conversationService } from "../../services/coaching/conversations.ts";
import { resourceRoutes } from "../resource.ts";

export const conversationRoutes = resourceRoutes({
  service: conversationService,
  tag: "Conversations",
  table: Conversation,
});
