ALTER TABLE `approval_requests` ADD `set_event_flag` text;--> statement-breakpoint
ALTER TABLE `event_steps` ADD `source` text DEFAULT 'hand' NOT NULL;--> statement-breakpoint
CREATE INDEX `event_steps_source` ON `event_steps` (`source`);--> statement-breakpoint
ALTER TABLE `presentation_links` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `presentation_links` ADD `problem` text;--> statement-breakpoint
UPDATE `event_steps` SET `source` = 'evidence' WHERE `step_id` = 'youtube' AND EXISTS (SELECT 1 FROM `youtube_links` WHERE `youtube_links`.`event_id` = `event_steps`.`event_id` AND `youtube_links`.`verification` IN ('verified', 'unverified'));--> statement-breakpoint
UPDATE `event_steps` SET `source` = 'evidence' WHERE `step_id` = 'presentacion' AND EXISTS (SELECT 1 FROM `presentation_links` WHERE `presentation_links`.`event_id` = `event_steps`.`event_id` AND `presentation_links`.`state` = 'published');--> statement-breakpoint
UPDATE `event_steps` SET `source` = 'declared' WHERE `step_id` IN ('youtube', 'presentacion') AND `source` = 'hand';
