// `npm test`: type-check, lint, build, unit tests, then e2e tests in real Chromium.
// Stops at the first failing step. Without a Chromium it fails and says how to get one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);
const chromium = candidates.find((p) => existsSync(p));
if (!chromium) {
  console.error(
    '找不到 Chromium，端到端测试无法运行。\n' +
      '请安装 Debian 的 chromium 包：sudo apt-get install chromium fonts-noto-cjk\n' +
      '或用环境变量 CHROMIUM_PATH 指定一个 Chromium/Chrome 可执行文件。',
  );
  process.exit(1);
}

const bin = (name) => join('node_modules', '.bin', name);
function step(title, cmd, args) {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } });
  if (r.status !== 0) {
    console.error(`✗ ${title} 未通过`);
    process.exit(r.status ?? 1);
  }
}

step('类型检查', bin('tsc'), ['-b', 'tsconfig.node.json', 'tsconfig.web.json']);
step('代码规范检查', bin('eslint'), ['--max-warnings', '0', '.']);
step('构建', bin('electron-vite'), ['build']);

const reportDir = mkdtempSync(join(tmpdir(), 'qingbo-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const titles = { unit: '单元测试', e2e: '端到端测试（Chromium）', kill: '强制终止测试（SIGKILL）' };
for (const project of ['unit', 'e2e', 'kill']) {
  const report = join(reportDir, `${project}.json`);
  console.log(`\n▶ ${titles[project]}`);
  const r = spawnSync(bin('vitest'), ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], {
    stdio: 'inherit',
    env: { ...process.env, CHROMIUM_PATH: chromium },
  });
  if (existsSync(report)) {
    const j = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += j.numPassedTests;
    totals.failed += j.numFailedTests;
    totals.skipped += j.numPendingTests + (j.numTodoTests ?? 0);
  }
  if (r.status !== 0) {
    console.log(`\n${totals.passed} passed, ${Math.max(totals.failed, 1)} failed, ${totals.skipped} skipped`);
    rmSync(reportDir, { recursive: true, force: true });
    process.exit(r.status ?? 1);
  }
}
rmSync(reportDir, { recursive: true, force: true });
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
