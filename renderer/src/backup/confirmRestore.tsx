// The confirmation before a restore says what will happen to the current data.
import type { App } from 'antd';
import type { BackupInfo } from '../../../shared/backup';
import { formatInstant } from '../ui/format';

type Modal = ReturnType<typeof App.useApp>['modal'];

/** Asks before restoring; resolves true when the administrator confirms. `encryptedNow`: the current database is encrypted. */
export function confirmRestore(modal: Modal, b: BackupInfo, currentReadable: boolean, encryptedNow = false): Promise<boolean> {
  return new Promise((resolve) => {
    modal.confirm({
      title: `从 ${formatInstant(b.createdAt)} 的备份恢复？`,
      width: 520,
      content: (
        <div>
          <p>恢复后，清波中的全部数据（企业名录、档案、专项、文书和附件）将变成备份时的样子，之后所做的修改不再显示。</p>
          <p>
            {currentReadable
              ? '恢复前会先把当前数据另存为一个“恢复前”备份，需要时可以再从它恢复回来。'
              : '当前数据无法读取，恢复前会把它原样移到数据目录的 backups 文件夹中保存，不会删除。'}
          </p>
          {b.databaseOnly && <p>这是升级前的备份，只含数据库，附件文件保持现状。</p>}
          {encryptedNow && !b.encrypted && (
            <p data-testid="restore-unencrypted">这个备份是数据库加密之前做的：恢复后数据库不再加密，可在 设置 → 数据库加密 中重新加密。</p>
          )}
          <p>恢复期间请不要关闭清波。</p>
        </div>
      ),
      okText: '确定恢复',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    });
  });
}
