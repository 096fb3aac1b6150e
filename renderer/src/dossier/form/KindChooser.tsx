// 新增记录, first step: what kind of record. Every kind is a button (Tab to move, Enter to choose).
import { Card, Space, Typography } from 'antd';
import { recordKindLabels } from '../../../../shared/dossier';
import { kindGroups, kindHints, type ManualKind } from './kinds';

export function KindChooser({ onChoose }: { onChoose(kind: ManualKind): void }) {
  return (
    <Card title="选择记录类别">
      <Space orientation="vertical" size={20} style={{ width: '100%' }}>
        {kindGroups.map((g) => (
          <section key={g.title} aria-label={g.title}>
            <Typography.Text type="secondary">{g.title}</Typography.Text>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: 12, marginTop: 8 }}>
              {g.kinds.map((k, i) => (
                <button
                  key={k}
                  type="button"
                  className="qb-kind-button"
                  onClick={() => onChoose(k)}
                  // The first kind takes the focus, so Enter right away records an inspection.
                  autoFocus={g === kindGroups[0] && i === 0}
                >
                  <span className="qb-kind-title">{recordKindLabels[k]}</span>
                  <span className="qb-kind-hint">{kindHints[k]}</span>
                </button>
              ))}
            </div>
          </section>
        ))}
      </Space>
    </Card>
  );
}
