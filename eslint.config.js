// Lint rules that keep the architecture honest (design §2):
// shared/ stays pure; renderer/ never reaches into electron/; electron/ never imports the UI.
import tseslint from 'typescript-eslint';
import globals from 'globals';

const impureForShared = [
  { group: ['electron', 'electron/*'], message: 'shared/ 必须是纯 TypeScript：不能引用 electron。' },
  { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto'], message: 'shared/ 不能引用 Node 内置模块。' },
  { group: ['react', 'react-dom', 'react-dom/*', 'antd', 'antd/*', '@ant-design/*'], message: 'shared/ 不能引用 React / antd。' },
  { group: ['dexie', 'dexie-react-hooks'], message: 'shared/ 不能引用 Dexie；数据库代码放在 renderer/db。' },
  { group: ['**/renderer/**', '**/electron/**'], message: 'shared/ 不能依赖 renderer/ 或 electron/。' },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', '.tmp/**', 'bench-results/**'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-duplicate-imports': ['error', { allowSeparateTypeImports: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // `any` needs a comment saying why (see README); the disable comment is that record.
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': ['error', { patterns: impureForShared }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator', 'process', 'require', '__dirname'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['electron', 'electron/*', '**/electron/**'], message: 'renderer/ 只能通过 shared/host.ts 的 HostApi 访问宿主。' },
        { group: ['node:*'], message: 'renderer/ 运行在浏览器沙箱中，不能引用 Node 模块。' },
      ] }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/renderer/**', 'react', 'antd', 'dexie'], message: 'electron/ 保持精简：不引用界面或数据库代码。' },
      ] }],
    },
  },
);
