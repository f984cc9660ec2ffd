CREATE TABLE `account_alerts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`raised_by` text NOT NULL,
	`raised_at` integer NOT NULL,
	`note` text,
	`resolved_by` text,
	`resolved_at` integer
);
