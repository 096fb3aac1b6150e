#!/usr/bin/env node
// The `qingbo` command: runs the built CLI (built by `npm install` / `npm run build`).
import { existsSync } from 'node:fs';

const entry = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('清波尚未构建：请在项目目录运行 npm run build（npm install 会自动构建）。');
  process.exit(1);
}
await import(entry.href);
