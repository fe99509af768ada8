import { useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";

import { Button } from "../../../components/ui/button.tsx";
import { PageHeader } from "../../../components/ui/card.tsx";
import { Tabs } from "../../../components/ui/tabs.tsx";
import { FeedList } from "./feed-list.tsx";
import { MyPosts } from "./my-posts.tsx";
import { NewPostDialog } from "./new-post-dialog.tsx";
import { StoriesPanel } from "./stories-panel.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";

export type TCommunityTab = "feed" | "posts" | "stories";
/** `post`: one of your posts to open (a search result's link), under My posts. */
export type TCommunitySearch = { tab?: TCommunityTab; post?: string };

/** 002's community: everyone's growth diary, your posts and drafts, and your AI stories. */
export const CommunityPage = () => {
  const search = useSearch({ strict: false }) as TCommunitySearch;
  const navigate = useNavigate();
  const [writing, setWriting] = useState(false);
  const { t } = useTranslation();
  return (
    <div data-testid="community-page">
      <PageHeader
        title={t("community.title")}
        description={t("community.description")}
        actions={<Button onClick={() => setWriting(true)}>{t("community.newPost")}</Button>}
      />
      {writing && <NewPostDialog onClose={() => setWriting(false)} />}
      <Tabs
        label={t("community.title")}
        value={search.tab ?? "feed"}
        onChange={(tab) => void navigate({ to: "/community", search: tab === "feed" ? {} : { tab }, replace: true })}
        tabs={[
          { value: "feed", label: t("community.tabs.feed"), content: <FeedList /> },
          { value: "posts", label: t("community.tabs.posts"), content: <MyPosts linked={search.post} /> },
          { value: "stories", label: t("community.tabs.stories"), content: <StoriesPanel /> },
        ]}
      />
    </div>
  );
};
