// Accounts, roles and what each role may do. The backend enforces `methodAccess` on every call;
// the UI only uses it to hide what would be refused anyway.
import { z } from 'zod';

export const roles = ['admin', 'coordinator', 'clerk', 'readonly'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

export const roleLabels: Record<Role, string> = {
  admin: '管理员',
  coordinator: '专项负责人',
  clerk: '办事员',
  readonly: '只读',
};

export const roleDescriptions: Record<Role, string> = {
  admin: '用户、设置、报表格式、备份与恢复，以及全部业务',
  coordinator: '专项整治、双随机抽取、检查结果、报表报送；查看名录与档案',
  clerk: '企业名录、一企一档、执法文书、检查结果录入',
  readonly: '查看和打印（领导）',
};

/**
 * What a method needs:
 * - public: no login (status, first set-up, login);
 * - signedIn: any logged-in account (its own password, logout);
 * - read: every role (queries, downloads, printing);
 * - office: registry, dossier, notices (admin, clerk);
 * - campaign: campaigns, draws (admin, coordinator);
 * - field: field results of a campaign (admin, coordinator, clerk);
 * - report: provincial formats export and packages (admin, coordinator);
 * - staff: everyone but read-only (cancel a job…);
 * - admin: accounts, settings, formats, backups.
 */
export const accessLevels = ['public', 'signedIn', 'read', 'office', 'campaign', 'field', 'report', 'staff', 'admin'] as const;
export type Access = (typeof accessLevels)[number];

export const accessRoles: Record<Exclude<Access, 'public' | 'signedIn'>, readonly Role[]> = {
  read: roles,
  office: ['admin', 'clerk'],
  campaign: ['admin', 'coordinator'],
  field: ['admin', 'coordinator', 'clerk'],
  report: ['admin', 'coordinator'],
  staff: ['admin', 'coordinator', 'clerk'],
  admin: ['admin'],
};

/** Whether `role` may call a method that needs `access`. */
export function roleMay(role: Role, access: Access): boolean {
  if (access === 'public' || access === 'signedIn') return true;
  return accessRoles[access].includes(role);
}

/** Roles that see full ID numbers and phone numbers when they ask for them. */
export const personalDataRoles: readonly Role[] = ['admin', 'clerk'];

export const Username = z
  .string()
  .trim()
  .min(2, '用户名至少 2 个字符')
  .max(32, '用户名最多 32 个字符')
  .regex(/^[\p{L}\p{N}_.-]+$/u, '用户名只能用汉字、字母、数字和 _ . -');
export const Password = z.string().min(8, '密码至少 8 位').max(128, '密码最多 128 位');
const DisplayName = z.string().trim().min(1, '请填写姓名').max(32, '姓名最多 32 个字符');

export const Account = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Account = z.infer<typeof Account>;

/** Who is calling, as the UI needs to know it. */
export const AuthStatus = z.object({
  /** No administrator yet: the first start asks for one. */
  setupNeeded: z.boolean(),
  /** The signed-in account (also when signed in automatically on this computer), or null. */
  me: Account.nullable(),
  /** True when `me` came from this computer's automatic login. */
  autoLogin: z.boolean(),
  /** True when the transport is the office network (`serve --host`): login is always required. */
  remote: z.boolean(),
});
export type AuthStatus = z.infer<typeof AuthStatus>;

export const SetupInput = z
  .object({
    username: Username.describe('用户名'),
    displayName: DisplayName.describe('姓名'),
    password: Password.describe('密码'),
    /** Let this computer's desktop app and local server sign in as this account without a password. */
    autoLogin: z.boolean().default(true).describe('本机自动登录'),
  })
  .strict();

export const LoginInput = z
  .object({ username: z.string().trim().min(1, '请填写用户名').describe('用户名'), password: z.string().min(1, '请填写密码').describe('密码') })
  .strict();

/** A login's outcome. The token leaves the backend only to the transport, which keeps it (cookie or main process). */
export const LoginResult = z.object({ account: Account, expiresAt: z.string(), token: z.string() });

export const AccountCreateInput = z
  .object({
    username: Username.describe('用户名'),
    displayName: DisplayName.describe('姓名'),
    role: Role.describe('角色'),
    password: Password.describe('初始密码'),
  })
  .strict();

export const AccountUpdateInput = z
  .object({
    id: z.number().int(),
    displayName: DisplayName.optional().describe('姓名'),
    role: Role.optional().describe('角色'),
    active: z.boolean().optional().describe('启用'),
    /** Clears a lockout after failed logins. */
    unlock: z.literal(true).optional(),
  })
  .strict();

export const ResetPasswordInput = z.object({ id: z.number().int(), password: Password.describe('新密码') }).strict();
export const ChangePasswordInput = z
  .object({ oldPassword: z.string().min(1, '请填写原密码').describe('原密码'), newPassword: Password.describe('新密码') })
  .strict();

/** The account this computer signs in as automatically, or null when everyone must log in. */
export const AutoLoginSetting = z.object({ accountId: z.number().int().nullable() }).strict();

/** Whether a role sees personal data (ID numbers on request, phone numbers) in lists and exports. */
export const seesPersonalData = (role: Role | null): boolean => role !== null && personalDataRoles.includes(role);

/**
 * A phone number with its middle hidden: 13812345678 → 138****5678, 0730-5551234 → 0730-****234.
 * Every run of 7 or more digits is masked, so lists of several numbers are covered too.
 */
export function maskPhone(phone: string): string {
  return phone.replace(/\d{7,}/g, (run) =>
    run.length === 11 && run.startsWith('1') ? `${run.slice(0, 3)}****${run.slice(7)}` : `${'*'.repeat(run.length - 3)}${run.slice(-3)}`,
  );
}
