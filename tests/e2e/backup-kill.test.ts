// A backup killed with SIGKILL at random moments leaves the database passing `qingbo check` and
// either one complete, verified backup or none: never a half backup under a backup's name.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../electron/backend/backend';
import { verifyBackupFile } from '../../electron/backend/backup/zip-read';
import { checkIntegrity } from '../../electron/backend/check';
import { shippedMigrationCount } from '../../electron/backend/db/open';
import { callOk } from '../helpers/backend';
import { png } from '../helpers/files';
import { qingbo } from '../helpers/server';
import { tempDir } from '../helpers/tmp';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'qingbo.js');

/** Runs `qingbo backup`; kills it `killAfterMs` after its first progress line (never when null). Resolves to ms from that line to exit. */
function backupRun(data: string, killAfterMs: number | null): Promise<{ ms: number; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [BIN, 'backup', '--data', data], { stdio: ['ignore', 'ignore', 'pipe'] });
    let started = 0;
    let killed = false;
    proc.stderr.on('data', (d: Buffer) => {
      if (started || !d.toString().includes('%')) return;
      started = performance.now();
      if (killAfterMs !== null) {
        setTimeout(() => {
          if (proc.exitCode === null) killed = proc.kill('SIGKILL');
        }, killAfterMs);
      }
    });
    proc.on('error', reject);
    proc.on('exit', () => resolve({ ms: started ? performance.now() - started : 0, killed }));
  });
}

const backupsIn = (folder: string): string[] => {
  try {
    return readdirSync(folder).filter((n) => n.startsWith('qingbo-备份-'));
  } catch {
    return [];
  }
};

describe('a backup killed at random points', () => {
  it('leaves a sound database and a complete verified backup or none, 20 times', async () => {
    const data = tempDir();
    expect(qingbo(['demo', '--data', data, '--enterprises', '20', '--records-per-enterprise', '0']).status).toBe(0);
    // A few records with photos, so that backups carry a file store too.
    const setup = openBackend(data, { stderrLevel: 'silent' });
    try {
      const ids = (setup.core.sqlite.prepare('SELECT id FROM enterprises LIMIT 6').all() as { id: number }[]).map((r) => r.id);
      for (const [i, id] of ids.entries()) {
        const photo = await setup.core.files.putBytes(png(200 + i, 150, [i * 40, 90, 160]), `现场照片${i}.png`, 'image/png');
        await callOk(setup, 'dossier.create', { enterpriseId: id, kind: 'note', occurredOn: '2026-03-02', data: { text: '附照片' }, attachments: [photo] });
      }
    } finally {
      await setup.close();
    }
    const folder = join(data, 'backups');
    const full = await backupRun(data, null);
    expect(backupsIn(folder)).toHaveLength(1);
    const outcomes = { none: 0, complete: 0 };
    for (let i = 0; i < 20; i++) {
      const before = new Set(backupsIn(folder));
      // Anywhere from the first progress line to about when a whole backup is written and named.
      await backupRun(data, Math.random() * full.ms * 0.7);
      const added = backupsIn(folder).filter((n) => !before.has(n));
      expect(added.length).toBeLessThanOrEqual(1);
      if (added[0]) {
        await verifyBackupFile(join(folder, added[0]), { shippedMigrations: shippedMigrationCount() });
        outcomes.complete++;
      } else outcomes.none++;
      const b = openBackend(data, { migrate: false, stderrLevel: 'silent' });
      try {
        const report = await checkIntegrity(b.core);
        expect(report.items.filter((x) => !x.ok)).toEqual([]);
      } finally {
        await b.close();
      }
    }
    // The command itself agrees at the end.
    expect(qingbo(['check', '--data', data]).status).toBe(0);
    expect(outcomes.none + outcomes.complete).toBe(20);
    console.info(`backup kill test: ${outcomes.none} killed before completion, ${outcomes.complete} complete; one backup ≈ ${Math.round(full.ms)} ms`);
  }, 120_000);
});
