// Lint rules, including the layer rules of DESIGN.md: a wrong-layer import fails `npm test`.
// Layers are checked with ESLint's own no-restricted-imports on the import text; the folder
// layout is fixed, so a relative path that climbs into another layer is recognisable by its shape.
import { builtinModules } from 'node:module';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = new RegExp(`^(node:.*|${builtinModules.filter((m) => !m.startsWith('_')).join('|')})(/.*)?$`).source;

/** no-restricted-imports patterns for one layer. */
const layer = (...patterns) => ['error', { patterns }];
const rule = (regex, message) => ({ regex, message });

const SHARED_ONLY = rule('^(?!zod(/|$)|\\./)', 'shared/ 只能引用 shared/ 自身和 zod。');
const NO_NODE_IN_PAGE = rule(NODE_BUILTINS, '界面代码不能使用 Node 模块：请通过 shared/contract 调用后端。');
const NO_ELECTRON = (who) => rule('^electron(/|$)', `${who}不能引用 electron。`);
const NO_DB_IN_PAGE = rule('^(better-sqlite3|drizzle-orm)(/|$)', '界面代码不能直接访问数据库。');
const PAGE_ONLY = rule('^(\\.\\./)+(electron|tests|scripts)(/|$)', '界面代码只能引用 renderer/ 和 shared/。');
const NO_PAGE_OR_TESTS = rule('^(\\.\\./)+(renderer|tests)(/|$)', '后端不能引用界面或测试代码。');
const NO_PAGE = rule('^(\\.\\./)+renderer(/|$)', '后端不能引用界面代码。');
const NO_RAW_EXCELJS = rule('^exceljs$', '请从 sheets/exceljs 引入 ExcelJS：那里修补了流式读取时中文被拆成乱码的问题。');
const NO_TRANSPORT = rule('^(\\.\\./)+(main|preload|server|cli)(/|$)', '后端不能依赖任何一种传输方式。');

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.electron-native/**', 'electron/backend/db/migrations/**', 'resources/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Layers (DESIGN.md, rule 1). Tests sit beside the code and may use tests/helpers.
  { files: ['shared/**/*.ts'], ignores: ['shared/**/*.test.ts'], rules: { 'no-restricted-imports': layer(SHARED_ONLY) } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'no-restricted-imports': layer(NO_NODE_IN_PAGE, NO_ELECTRON('界面代码'), NO_DB_IN_PAGE, PAGE_ONLY),
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['electron/backend/**/*.ts'],
    ignores: ['electron/backend/**/*.test.ts'],
    rules: {
      'no-restricted-imports': layer(NO_ELECTRON('后端'), NO_PAGE_OR_TESTS, NO_TRANSPORT, NO_RAW_EXCELJS),
      'no-console': 'error',
    },
  },
  {
    files: ['electron/backend/sheets/exceljs.ts'],
    rules: { 'no-restricted-imports': layer(NO_ELECTRON('后端'), NO_PAGE_OR_TESTS, NO_TRANSPORT) },
  },
  {
    files: ['electron/backend/**/*.test.ts'],
    rules: { 'no-restricted-imports': layer(NO_ELECTRON('后端'), NO_PAGE, NO_TRANSPORT) },
  },
  {
    files: ['electron/server/**/*.ts', 'electron/cli/**/*.ts'],
    rules: { 'no-restricted-imports': layer(NO_ELECTRON('服务器和命令行'), NO_PAGE_OR_TESTS) },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': layer(NO_PAGE_OR_TESTS) },
  },
  { files: ['**/*.{js,mjs}'], ...tseslint.configs.disableTypeChecked },
);
