-- AlterEnum: nudges by email (a ProactiveMessage whose MailMessage carries it)
ALTER TYPE "delivery_channel" ADD VALUE 'EMAIL';

-- AlterEnum: the coach's nudge emails, their own template and unsubscribe list
ALTER TYPE "mail_kind" ADD VALUE 'COACH_NUDGE';
