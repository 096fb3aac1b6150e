CREATE TABLE `duplicate_dismissals` (
	`a_id` integer NOT NULL,
	`b_id` integer NOT NULL,
	`reason` text NOT NULL,
	`actor` text NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`a_id`, `b_id`),
	FOREIGN KEY (`a_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`b_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `enterprise_licences` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enterprise_id` integer NOT NULL,
	`kind` text NOT NULL,
	`number` text NOT NULL,
	`scope` text,
	`valid_from` text,
	`valid_to` text,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `enterprise_licences_enterprise_idx` ON `enterprise_licences` (`enterprise_id`);--> statement-breakpoint
CREATE INDEX `enterprise_licences_valid_to_idx` ON `enterprise_licences` (`valid_to`);--> statement-breakpoint
CREATE TABLE `enterprise_products` (
	`enterprise_id` integer NOT NULL,
	`product_id` text NOT NULL,
	PRIMARY KEY(`product_id`, `enterprise_id`),
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `enterprise_products_enterprise_idx` ON `enterprise_products` (`enterprise_id`);--> statement-breakpoint
CREATE TABLE `enterprise_tags` (
	`enterprise_id` integer NOT NULL,
	`tag` text NOT NULL,
	PRIMARY KEY(`tag`, `enterprise_id`),
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `enterprise_tags_enterprise_idx` ON `enterprise_tags` (`enterprise_id`);--> statement-breakpoint
CREATE TABLE `reference_products` (
	`id` text PRIMARY KEY NOT NULL,
	`category` text NOT NULL,
	`name` text NOT NULL,
	`builtin` integer DEFAULT false NOT NULL,
	`archived` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE `enterprises` ADD `former_names` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `code_override_reason` text;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `id_number` text;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `grid` text;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `risk_notes` text;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `tags` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `products` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `archive_reason` text;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `merged_into` integer;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `name_pinyin` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `name_initials` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `search_grams` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `name_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `enterprises` ADD `search_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `enterprises_name_key_idx` ON `enterprises` (`name_key`);--> statement-breakpoint
CREATE INDEX `enterprises_pinyin_idx` ON `enterprises` (`name_pinyin`);--> statement-breakpoint
CREATE INDEX `enterprises_archived_idx` ON `enterprises` (`archived_at`);--> statement-breakpoint
CREATE INDEX `enterprises_industry_idx` ON `enterprises` (`industry_code`);--> statement-breakpoint
CREATE INDEX `enterprises_updated_idx` ON `enterprises` (`updated_at`);--> statement-breakpoint
CREATE INDEX `enterprises_search_version_idx` ON `enterprises` (`search_version`);