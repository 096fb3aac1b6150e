CREATE TABLE `deadlines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_id` integer NOT NULL,
	`enterprise_id` integer NOT NULL,
	`kind` text NOT NULL,
	`start_on` text NOT NULL,
	`due_on` text NOT NULL,
	`status` text NOT NULL,
	`done_on` text,
	`warnings` text DEFAULT '[]' NOT NULL,
	`township_code` text,
	FOREIGN KEY (`record_id`) REFERENCES `dossier_records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `deadlines_due_idx` ON `deadlines` (`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `deadlines_overdue_idx` ON `deadlines` (`due_on`) WHERE status = 'open' AND kind != 'objection';--> statement-breakpoint
CREATE INDEX `deadlines_record_idx` ON `deadlines` (`record_id`);--> statement-breakpoint
CREATE INDEX `deadlines_enterprise_idx` ON `deadlines` (`enterprise_id`,`status`);--> statement-breakpoint
CREATE TABLE `dossier_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enterprise_id` integer NOT NULL,
	`kind` text NOT NULL,
	`occurred_on` text NOT NULL,
	`summary` text NOT NULL,
	`data` text NOT NULL,
	`source_id` integer,
	`township_code` text,
	`enterprise_archived` integer DEFAULT false NOT NULL,
	`voided_at` text,
	`void_reason` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dossier_records_enterprise_idx` ON `dossier_records` (`enterprise_id`,`occurred_on`,`id`);--> statement-breakpoint
CREATE INDEX `dossier_records_kind_idx` ON `dossier_records` (`kind`,`occurred_on`);--> statement-breakpoint
CREATE INDEX `dossier_records_source_idx` ON `dossier_records` (`source_id`);--> statement-breakpoint
CREATE TABLE `record_files` (
	`record_id` integer NOT NULL,
	`sha256` text NOT NULL,
	`name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`record_id`, `sha256`),
	FOREIGN KEY (`record_id`) REFERENCES `dossier_records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sha256`) REFERENCES `files`(`sha256`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `record_files_sha_idx` ON `record_files` (`sha256`);