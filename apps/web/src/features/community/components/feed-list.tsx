import { Button } from "../../../components/ui/button.tsx";
import { LoadingBlock } from "../../../components/ui/spinner.tsx";
import { EmptyState, ErrorState } from "../../../components/ui/states.tsx";
import { useFeed } from "../api/get-feed.ts";
import { FeedPost } from "./feed-post.tsx";

export const FeedList = () => {
  const feed = useFeed();
  if (feed.isPending) return <LoadingBlock lines={6} label="Loading the feed…" />;
  if (feed.isError) return <ErrorState error={feed.error} onRetry={() => void feed.refetch()} />;
  const posts = feed.data.pages.flatMap((page) => page.items);
  if (!posts.length)
    return (
      <EmptyState
        title="Nobody has posted yet"
        description="Share a step of your growth with New post; it shows up here for everyone."
      />
    );
  return (
    <div className="space-y-4">
      {posts.map((post) => (
        <FeedPost key={post.id} post={post} />
      ))}
      {feed.hasNextPage && (
        <div className="flex justify-center">
          <Button variant="secondary" loading={feed.isFetchingNextPage} onClick={() => void feed.fetchNextPage()}>
            Show older posts
          </Button>
        </div>
      )}
    </div>
  );
};
