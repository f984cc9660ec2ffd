ALTER TABLE `tweets` ADD `purpose` text DEFAULT 'live' NOT NULL;--> statement-breakpoint
ALTER TABLE `tweets` ADD `pinned_seen_at` integer;