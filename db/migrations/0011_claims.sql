ALTER TABLE `chat_outbox` ADD `sending_since` integer;--> statement-breakpoint
ALTER TABLE `chat_outbox` ADD `attempt_id` text;--> statement-breakpoint
ALTER TABLE `chat_outbox` ADD `first_claimed_at` integer;--> statement-breakpoint
ALTER TABLE `tweets` ADD `first_claimed_at` integer;