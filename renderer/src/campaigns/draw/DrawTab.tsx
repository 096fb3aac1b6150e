// 双随机抽取: the draw form, the draw on view (its record and its drawn list) and the history of
// draws. The current draw is shown unless the clerk opens an older one.
import { Alert, Card, Empty, Space, Spin } from 'antd';
import { useMemo, useRef, useState } from 'react';
import type { Campaign, DrawSummary } from '../../../../shared/campaign';
import { useCan } from '../../accounts/auth';
import { formatCount } from '../../ui/format';
import { useDrawDetail, useDraws, useProgress } from '../fieldQueries';
import { DrawForm, drawFormValues, type DrawFormValues } from './DrawForm';
import { DrawHistory } from './DrawHistory';
import { DrawRecord } from './DrawRecord';
import { DrawTargetsTable } from './DrawTargetsTable';

export function DrawTab({ campaign }: { campaign: Campaign }) {
  const draws = useDraws(campaign.id);
  const [chosen, setChosen] = useState<number | null>(null);
  const viewing = chosen ?? campaign.draw?.id ?? null;
  const detail = useDrawDetail(viewing);
  const defaults = useMemo(() => drawFormValues(campaign.targetCount), [campaign.targetCount]);
  const [preset, setPreset] = useState<DrawFormValues>(defaults);
  const formBox = useRef<HTMLDivElement>(null);
  const canDraw = useCan('campaigns.draw');
  // The backend refuses a new draw once results are recorded; say so before the clerk tries.
  const inspected = useProgress(campaign.id).data?.inspected ?? 0;
  const locked =
    campaign.draw && inspected > 0 ? `已有 ${formatCount(inspected)} 户录入了检查结果，不能再重新抽取；可以用「复核（重新运行）」核对抽取结果。` : null;

  const reuseSeed = (d: DrawSummary) => {
    setPreset(drawFormValues(campaign.targetCount, d));
    formBox.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  const d = detail.data;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {campaign.targetCount === 0 && (
        <Alert type="warning" showIcon title="本专项还没有检查对象" description="请先在「检查对象」中按范围生成或添加检查对象，再进行双随机抽取。" />
      )}
      {canDraw && (
        <div ref={formBox}>
          <DrawForm campaign={campaign} preset={preset} locked={locked} onDrawn={(r) => setChosen(r.draw.id)} />
        </div>
      )}
      {viewing === null ? (
        <Card>
          <Empty description="尚未抽取：抽取后，这里显示抽取结果和抽取记录" />
        </Card>
      ) : !d ? (
        <Card>
          <Spin />
        </Card>
      ) : (
        <Card
          title={d.draw.superseded ? '抽取结果（已被替换的记录）' : `抽取结果：共 ${formatCount(d.draw.drawnCount)} 户`}
          data-testid="draw-result"
        >
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {d.draw.superseded && <Alert type="info" showIcon title="这是一次已被替换的抽取，仅供查阅；当前检查依据是最新一次抽取。" />}
            <DrawRecord draw={d.draw} {...(canDraw ? { onReuseSeed: reuseSeed } : {})} />
            <DrawTargetsTable targets={d.targets} />
          </Space>
        </Card>
      )}
      {(draws.data?.length ?? 0) > 0 && <DrawHistory draws={draws.data ?? []} viewing={viewing} onView={setChosen} />}
    </Space>
  );
}
