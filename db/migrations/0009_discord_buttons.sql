CREATE TABLE `chat_buttons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fingerprint` text NOT NULL,
	`action_id` text NOT NULL,
	`payload` text NOT NULL,
	`input` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `chat_buttons_fingerprint` ON `chat_buttons` (`fingerprint`);