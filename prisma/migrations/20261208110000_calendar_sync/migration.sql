-- Connected calendars (CalDAV, ICS): each synced event names its connection and its upstream object
-- and occurrence, so a sync updates the same row instead of adding a duplicate, and disconnecting
-- the calendar deletes its events.

-- AlterTable
ALTER TABLE "events" ADD COLUMN     "connected_account_id" UUID,
ADD COLUMN     "upstream_key" TEXT,
ADD COLUMN     "upstream_object" TEXT;

-- CreateIndex
CREATE INDEX "events_connected_account_id_upstream_object_idx" ON "events"("connected_account_id", "upstream_object");

-- CreateIndex
CREATE UNIQUE INDEX "events_connected_account_id_upstream_key_key" ON "events"("connected_account_id", "upstream_key");

-- AddForeignKey
ALTER TABLE "events" ADD CONSTRAINT "events_connected_account_id_fkey" FOREIGN KEY ("connected_account_id") REFERENCES "connected_accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;
