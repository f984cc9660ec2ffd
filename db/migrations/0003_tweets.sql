ALTER TABLE `tweets` ADD `approval_request_id` integer;--> statement-breakpoint
ALTER TABLE `tweets` ADD `published_by` text;--> statement-breakpoint
ALTER TABLE `tweets` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `tweets` ADD `next_attempt_at` integer;--> statement-breakpoint
ALTER TABLE `tweets` ADD `request_platform` text;--> statement-breakpoint
CREATE INDEX `tweets_event` ON `tweets` (`event_id`);