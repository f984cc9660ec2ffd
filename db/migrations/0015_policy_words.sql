ALTER TABLE `campaigns` ADD `policy_words` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `campaigns` ADD `institutional_links` text DEFAULT '[]' NOT NULL;