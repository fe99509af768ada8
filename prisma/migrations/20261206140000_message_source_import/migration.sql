-- Messages brought in from a ChatGPT or Claude data export (POST /conversations/import) say so.
ALTER TYPE "message_source" ADD VALUE 'IMPORT';
