import { createRoute, lazyRouteComponent } from "@tanstack/react-router";

import { appLayoutRoute } from "./app-layout.tsx";

const ChatPage = lazyRouteComponent(() => import("../../features/chat/components/chat-page.tsx"), "ChatPage");

export const chatRoute = createRoute({ getParentRoute: () => appLayoutRoute, path: "/chat", component: ChatPage });

/** One conversation open; the same page, with the thread pane showing it. */
export const chatConversationRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/chat/$conversationId",
  component: ChatPage,
});
