// The layer rules of DESIGN.md are enforced by lint: prove a wrong import fails.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer rules', () => {
  it('refuses electron in the backend', async () => {
    const p = await problems('electron/backend/log.ts', "import { app } from 'electron';\nexport const x = app;\n");
    expect(p.join('\n')).toContain('后端不能引用 electron');
  });

  it('refuses Node modules and backend code in the renderer', async () => {
    const p = await problems(
      'renderer/src/main.tsx',
      "import { readFileSync } from 'node:fs';\nimport { openBackend } from '../../electron/backend/backend';\nexport const x = [readFileSync, openBackend];\n",
    );
    expect(p.some((m) => m.includes('Node 模块'))).toBe(true);
    expect(p.some((m) => m.includes('只能引用 renderer/ 和 shared/'))).toBe(true);
  });

  it('lets shared/ import only itself and zod', async () => {
    const bad = await problems('shared/jobs.ts', "import { join } from 'node:path';\nimport { x } from '../electron/backend/paths';\nexport const y = [join, x];\n");
    const flagged = bad.filter((m) => m.includes('shared/ 只能引用'));
    expect(flagged.some((m) => m.includes('node:path'))).toBe(true);
    expect(flagged.some((m) => m.includes('electron/backend/paths'))).toBe(true);
    const good = await problems('shared/jobs.ts', "import { z } from 'zod';\nimport { ok } from './errors';\nexport const y = [z, ok];\n");
    expect(good).toEqual([]);
  });

  it('keeps the backend free of transports', async () => {
    const p = await problems('electron/backend/log.ts', "import { startServer } from '../server/index';\nexport const x = startServer;\n");
    expect(p.join('\n')).toContain('后端不能依赖任何一种传输方式');
  });

  it('accepts the real tree', async () => {
    const results = await eslint.lintFiles(['shared', 'electron', 'renderer/src']);
    const errors = results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${r.filePath}: ${m.message}`));
    expect(errors).toEqual([]);
  }, 60_000);
});
