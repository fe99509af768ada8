import { Button } from "../../../components/ui/button.tsx";
import { LoadingBlock } from "../../../components/ui/spinner.tsx";
import { EmptyState, ErrorState } from "../../../components/ui/states.tsx";
import { useFeed } from "../api/get-feed.ts";
import { FeedPost } from "./feed-post.tsx";
import { useTranslation } from "../../../lib/i18n/index.ts";

export const FeedList = () => {
  const feed = useFeed();
  const { t } = useTranslation();
  if (feed.isPending) return <LoadingBlock lines={6} label={t("community.feed.loading")} />;
  if (feed.isError) return <ErrorState error={feed.error} onRetry={() => void feed.refetch()} />;
  const posts = feed.data.pages.flatMap((page) => page.items);
  if (!posts.length)
    return <EmptyState title={t("community.feed.emptyTitle")} description={t("community.feed.emptyDescription")} />;
  return (
    <div className="space-y-4">
      {posts.map((post) => (
        <FeedPost key={post.id} post={post} />
      ))}
      {feed.hasNextPage && (
        <div className="flex justify-center">
          <Button variant="secondary" loading={feed.isFetchingNextPage} onClick={() => void feed.fetchNextPage()}>
            {t("community.feed.older")}
          </Button>
        </div>
      )}
    </div>
  );
};
