CREATE TABLE `presentation_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`url` text NOT NULL,
	`state` text DEFAULT 'checking' NOT NULL,
	`http_status` integer,
	`reported_by` text NOT NULL,
	`reported_at` integer NOT NULL,
	`checked_at` integer,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `presentation_links_event` ON `presentation_links` (`event_id`);