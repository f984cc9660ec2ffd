CREATE TABLE `reminder_mutes` (
	`user_id` text PRIMARY KEY NOT NULL,
	`muted_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `reminder_snoozes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`until` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reminder_snoozes_event_user` ON `reminder_snoozes` (`event_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `reminders_sent` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`step_id` text NOT NULL,
	`user_id` text NOT NULL,
	`local_date` text NOT NULL,
	`sent_at` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reminders_sent_once_a_day` ON `reminders_sent` (`event_id`,`step_id`,`user_id`,`local_date`);--> statement-breakpoint
CREATE TABLE `scheduled_posts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`slot` text NOT NULL,
	`claimed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scheduled_posts_kind_slot` ON `scheduled_posts` (`kind`,`slot`);