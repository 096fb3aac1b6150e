CREATE TABLE `notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type` text NOT NULL,
	`enterprise_id` integer NOT NULL,
	`enterprise_name` text NOT NULL,
	`record_id` integer,
	`campaign_id` integer,
	`dossier_record_id` integer NOT NULL,
	`year` integer NOT NULL,
	`serial` integer NOT NULL,
	`number` text NOT NULL,
	`fields` text NOT NULL,
	`model` text NOT NULL,
	`template_sha256` text NOT NULL,
	`pdf_sha256` text NOT NULL,
	`docx_sha256` text NOT NULL,
	`issued_on` text NOT NULL,
	`issued_at` text NOT NULL,
	`issued_by` text NOT NULL,
	`voided_at` text,
	`void_reason` text,
	`corrects_id` integer,
	`service` text,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`record_id`) REFERENCES `dossier_records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dossier_record_id`) REFERENCES `dossier_records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pdf_sha256`) REFERENCES `files`(`sha256`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`docx_sha256`) REFERENCES `files`(`sha256`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notices_number_uq` ON `notices` (`type`,`year`,`serial`);--> statement-breakpoint
CREATE INDEX `notices_enterprise_idx` ON `notices` (`enterprise_id`,`issued_on`);--> statement-breakpoint
CREATE INDEX `notices_issued_idx` ON `notices` (`issued_on`,`id`);--> statement-breakpoint
CREATE INDEX `notices_campaign_idx` ON `notices` (`campaign_id`);--> statement-breakpoint
CREATE INDEX `notices_corrects_idx` ON `notices` (`corrects_id`);