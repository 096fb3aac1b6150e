// Lint rules, including the layer rules of DESIGN.md: a wrong-layer import fails `npm test`.
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NODE_OR_NATIVE = {
  patterns: [
    { group: ['node:*'], message: '界面代码不能使用 Node 模块：请通过 shared/contract 调用后端。' },
    { regex: '^electron(/|$)', message: '界面代码不能引用 electron：请通过 window.qingbo 调用。' },
    { group: ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*'], message: '界面代码不能直接访问数据库。' },
  ],
};

const LAYER_ZONES = [
  { target: './shared', from: ['./electron', './renderer', './tests', './scripts'], message: 'shared/ 只能引用 shared/ 自身和 zod。' },
  { target: './renderer', from: ['./electron', './tests', './scripts'], message: '界面代码只能引用 renderer/ 和 shared/。' },
  { target: './electron', from: ['./renderer', './tests'], message: '后端不能引用界面或测试代码。' },
  {
    target: './electron/backend',
    from: ['./electron/main', './electron/preload', './electron/server', './electron/cli'],
    message: '后端不能依赖任何一种传输方式。',
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.electron-native/**', 'electron/backend/db/migrations/**', 'resources/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] } } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-default-export': 'off',
      // Layers (DESIGN.md, rule 1).
      'import-x/no-restricted-paths': ['error', { zones: LAYER_ZONES }],
    },
  },
  {
    // Tests sit beside the code they test and may use the shared test helpers.
    files: ['**/*.test.ts'],
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: LAYER_ZONES.map((z) => ({ ...z, from: z.from.filter((f) => f !== './tests') })) }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^(?!zod(/|$)|\\./)', message: 'shared/ 只能引用 shared/ 自身和 zod。' }] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'no-restricted-imports': ['error', NODE_OR_NATIVE],
      'import-x/no-nodejs-modules': 'error',
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['electron/backend/**/*.ts', 'electron/server/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^electron(/|$)', message: '后端、服务器和命令行不能引用 electron：它们要在普通 Node 中运行。' }] },
      ],
    },
  },
  {
    files: ['electron/backend/**/*.ts'],
    ignores: ['electron/backend/**/*.test.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['**/*.{js,mjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
);
