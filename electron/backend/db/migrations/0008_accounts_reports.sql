CREATE TABLE `accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`failed_logins` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`must_change_password` integer DEFAULT false NOT NULL,
	`last_login_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_username_uq` ON `accounts` (lower("username"));--> statement-breakpoint
CREATE TABLE `report_exports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`format_id` text NOT NULL,
	`format_name` text NOT NULL,
	`format_version` integer NOT NULL,
	`format_sha256` text NOT NULL,
	`parameters` text NOT NULL,
	`file_type` text NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`row_count` integer NOT NULL,
	`findings` text NOT NULL,
	`rollup` integer DEFAULT false NOT NULL,
	`exported_by` text NOT NULL,
	`exported_at` text NOT NULL,
	FOREIGN KEY (`sha256`) REFERENCES `files`(`sha256`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `report_exports_at_idx` ON `report_exports` (`exported_at`);--> statement-breakpoint
CREATE INDEX `report_exports_format_idx` ON `report_exports` (`format_id`,`exported_at`);--> statement-breakpoint
CREATE TABLE `report_formats` (
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
CREATE TABLE `report_packages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`direction` text NOT NULL,
	`office_code` text NOT NULL,
	`office_name` text NOT NULL,
	`manifest_sha256` text NOT NULL,
	`manifest` text NOT NULL,
	`sha256` text NOT NULL,
	`file_name` text NOT NULL,
	`period_from` text,
	`period_to` text,
	`withdrawn_at` text,
	`actor` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`sha256`) REFERENCES `files`(`sha256`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_packages_manifest_uq` ON `report_packages` (`direction`,`manifest_sha256`);--> statement-breakpoint
CREATE INDEX `report_packages_office_idx` ON `report_packages` (`office_code`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`account_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`client` text NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_account_idx` ON `sessions` (`account_id`);--> statement-breakpoint
CREATE INDEX `sessions_expires_idx` ON `sessions` (`expires_at`);