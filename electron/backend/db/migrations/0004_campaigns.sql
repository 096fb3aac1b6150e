CREATE TABLE `campaign_draws` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`actor` text NOT NULL,
	`algorithm` text NOT NULL,
	`algorithm_version` integer NOT NULL,
	`seed` text NOT NULL,
	`params` text NOT NULL,
	`pool` text NOT NULL,
	`pool_hash` text NOT NULL,
	`inspector_pool` text NOT NULL,
	`inspector_pool_hash` text NOT NULL,
	`result` text NOT NULL,
	`result_hash` text NOT NULL,
	`superseded_at` text,
	`reason` text,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `campaign_draws_campaign_idx` ON `campaign_draws` (`campaign_id`);--> statement-breakpoint
CREATE TABLE `campaign_result_values` (
	`result_id` integer NOT NULL,
	`campaign_id` integer NOT NULL,
	`inspected_on` text NOT NULL,
	`township_code` text,
	`key` text NOT NULL,
	`hundredths` integer NOT NULL,
	`voided` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`result_id`, `key`),
	FOREIGN KEY (`result_id`) REFERENCES `campaign_results`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `campaign_result_values_tally_idx` ON `campaign_result_values` (`campaign_id`,`inspected_on`,`township_code`,`key`,`hundredths`,`voided`);--> statement-breakpoint
CREATE TABLE `campaign_results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`enterprise_id` integer NOT NULL,
	`record_id` integer NOT NULL,
	`rectification_id` integer,
	`inspected_on` text NOT NULL,
	`township_code` text,
	`has_problem` integer NOT NULL,
	`voided` integer DEFAULT false NOT NULL,
	`inspector_ids` text NOT NULL,
	`answers` text NOT NULL,
	`quantities` text NOT NULL,
	`problem_items` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`record_id`) REFERENCES `dossier_records`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`rectification_id`) REFERENCES `dossier_records`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `campaign_results_campaign_idx` ON `campaign_results` (`campaign_id`,`inspected_on`);--> statement-breakpoint
CREATE INDEX `campaign_results_target_idx` ON `campaign_results` (`campaign_id`,`enterprise_id`,`inspected_on`);--> statement-breakpoint
CREATE UNIQUE INDEX `campaign_results_record_idx` ON `campaign_results` (`record_id`);--> statement-breakpoint
CREATE TABLE `campaign_target_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`campaign_id` integer NOT NULL,
	`enterprise_id` integer NOT NULL,
	`change` text NOT NULL,
	`reason` text NOT NULL,
	`actor` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `campaign_target_changes_campaign_idx` ON `campaign_target_changes` (`campaign_id`,`id`);--> statement-breakpoint
CREATE TABLE `campaign_targets` (
	`campaign_id` integer NOT NULL,
	`enterprise_id` integer NOT NULL,
	`township_code` text,
	`source` text NOT NULL,
	`planned` integer DEFAULT true NOT NULL,
	`responsible_unit` text,
	`inspector_ids` text DEFAULT '[]' NOT NULL,
	`added_at` text NOT NULL,
	`removed_at` text,
	`removed_reason` text,
	PRIMARY KEY(`campaign_id`, `enterprise_id`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `campaign_targets_list_idx` ON `campaign_targets` (`campaign_id`,`removed_at`,`planned`,`township_code`);--> statement-breakpoint
CREATE INDEX `campaign_targets_enterprise_idx` ON `campaign_targets` (`enterprise_id`);--> statement-breakpoint
CREATE TABLE `campaign_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`builtin` integer DEFAULT false NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`definition` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`doc_ref` text,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`status` text NOT NULL,
	`template_id` text NOT NULL,
	`template_version` integer NOT NULL,
	`template` text NOT NULL,
	`parameters` text NOT NULL,
	`scope` text NOT NULL,
	`current_draw_id` integer,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `inspectors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`unit` text NOT NULL,
	`township_code` text,
	`cert_no` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inspectors_cert_no_idx` ON `inspectors` (`cert_no`);