CREATE TABLE `chat_cards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`card_key` text NOT NULL,
	`platform` text NOT NULL,
	`channel_ref` text NOT NULL,
	`message_ref` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `chat_cards_card_platform` ON `chat_cards` (`card_key`,`platform`);--> statement-breakpoint
CREATE TABLE `chat_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`platform` text NOT NULL,
	`target_type` text NOT NULL,
	`target` text NOT NULL,
	`fallback_channel_id` text,
	`action` text NOT NULL,
	`card_key` text,
	`message` text NOT NULL,
	`created_at` integer NOT NULL,
	`delivered_at` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text
);
--> statement-breakpoint
CREATE INDEX `chat_outbox_pending` ON `chat_outbox` (`platform`,`delivered_at`);--> statement-breakpoint
ALTER TABLE `approval_requests` ADD `request_platform` text;--> statement-breakpoint
ALTER TABLE `approval_requests` ADD `request_channel_id` text;--> statement-breakpoint
ALTER TABLE `approval_requests` ADD `escalated_at` integer;