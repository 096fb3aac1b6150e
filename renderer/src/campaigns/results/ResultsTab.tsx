// 结果录入: pick a target, fill its sheet, save; the form then clears for the next target and
// keeps the date and the inspectors. The target's earlier results in this campaign are listed
// below the form, each linked to its dossier record.
import { Alert, App, Card, Descriptions, Empty, Space, Spin, type RefSelectProps } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Campaign, Inspector, TargetRow } from '../../../../shared/campaign';
import type { CampaignResult } from '../../../../shared/campaign-results';
import { useCan } from '../../accounts/auth';
import { CannotNotice } from '../../accounts/Can';
import { EMPTY } from '../../ui/format';
import { TargetStatusTag } from '../fieldLabels';
import { useActiveInspectors } from '../fieldQueries';
import { EarlierResults } from './EarlierResults';
import { initialKept, newValues, valuesFromResult, type Kept, type ResultFormValues } from './formValues';
import { ResultForm } from './ResultForm';
import { TargetPicker } from './TargetPicker';

interface Saved {
  result: CampaignResult;
  warnings: string[];
}

function TargetInfo({ target }: { target: TargetRow }) {
  return (
    <Descriptions size="small" column={3} data-testid="result-target-info">
      <Descriptions.Item label="统一社会信用代码">{target.uscc ?? EMPTY}</Descriptions.Item>
      <Descriptions.Item label="乡镇（街道）">{target.townshipName ?? EMPTY}</Descriptions.Item>
      <Descriptions.Item label="状态">
        <TargetStatusTag value={target.status} />
        {target.visits > 0 && `已检查 ${target.visits} 次，最近 ${target.lastInspectedOn ?? EMPTY}`}
      </Descriptions.Item>
      <Descriptions.Item label="住所" span={2}>
        {target.address ?? EMPTY}
      </Descriptions.Item>
      <Descriptions.Item label="执法人员">{target.inspectors.map((i) => i.name).join('、') || '未分配'}</Descriptions.Item>
    </Descriptions>
  );
}

/** The active inspectors plus any who did this visit and have left since (their names stay on the record). */
function inspectorsWith(active: Inspector[], r: CampaignResult): Inspector[] {
  const missing = r.inspectorIds.filter((id) => !active.some((i) => i.id === id));
  return [
    ...active,
    ...missing.map((id, n) => ({ id, name: r.inspectors[r.inspectorIds.indexOf(id)] ?? `编号 ${id}`, unit: '', townshipCode: null, townshipName: null, certNo: '已离岗', active: false, updatedAt: String(n) })),
  ];
}

export function ResultsTab({ campaign }: { campaign: Campaign }) {
  const { message } = App.useApp();
  const inspectors = useActiveInspectors();
  const [target, setTarget] = useState<TargetRow | null>(null);
  const [kept, setKept] = useState<Kept>(initialKept);
  const [seq, setSeq] = useState(0);
  const [saved, setSaved] = useState<Saved | null>(null);
  const [history, setHistory] = useState<TargetRow | null>(null);
  const [editing, setEditing] = useState<CampaignResult | null>(null);
  const picker = useRef<RefSelectProps>(null);
  const canSave = useCan('campaigns.saveResult');

  const active = useMemo(() => inspectors.data ?? [], [inspectors.data]);
  const initial = useMemo(() => {
    if (!target) return null;
    const activeIds = new Set(active.map((i) => i.id));
    const assigned = target.inspectors.map((i) => i.id).filter((id) => activeIds.has(id));
    const values = newValues(campaign, kept, assigned.length ? assigned : kept.inspectorIds.filter((id) => activeIds.has(id)));
    return { ...values, place: target.address ?? '' };
  }, [campaign, kept, target, active]);

  const edited = useMemo(() => (editing ? valuesFromResult(campaign, editing) : null), [campaign, editing]);

  const choose = (t: TargetRow | null) => {
    setTarget(t);
    setEditing(null);
    if (t) {
      setHistory(t);
      setSaved(null);
    }
  };

  const onSaved = (result: CampaignResult, warnings: string[], values: ResultFormValues) => {
    void message.success(`已保存「${result.enterpriseName}」的检查结果`);
    setSaved({ result, warnings });
    setEditing(null);
    setKept({ inspectedOn: values.inspectedOn.format('YYYY-MM-DD'), inspectorIds: values.inspectorIds });
    setTarget(null);
    setSeq((n) => n + 1);
    window.scrollTo({ top: 0 });
    setTimeout(() => picker.current?.focus(), 0);
  };

  if (!canSave) return <CannotNotice doing="录入检查结果" />;
  if (campaign.targetCount === 0) {
    return (
      <Card>
        <Empty description="本专项还没有检查对象：请先在「检查对象」中生成或添加" />
      </Card>
    );
  }
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {campaign.status === '已结束' && <Alert type="warning" showIcon title="本专项已结束，仍可补录检查结果。" />}
      {saved && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setSaved(null) }}
          data-testid="result-saved"
          title={`已保存「${saved.result.enterpriseName}」${saved.result.inspectedOn} 的检查结果${saved.result.rectificationId ? '，并登记了责令改正' : ''}。请选择下一个检查对象。`}
          description={
            <>
              {saved.warnings.map((w) => (
                <div key={w}>提示：{w}</div>
              ))}
              <Link to={`/dossier/${saved.result.enterpriseId}?record=${saved.result.recordId}`}>查看档案记录</Link>
            </>
          }
        />
      )}
      <Card size="small" title="检查对象">
        <TargetPicker campaignId={campaign.id} value={target} onChange={choose} selectRef={picker} />
        {target && (
          <div style={{ marginTop: 12 }}>
            <TargetInfo target={target} />
          </div>
        )}
      </Card>
      {target && editing ? (
        <>
          <Alert type="info" showIcon title={`正在修改 ${editing.inspectedOn} 的检查结果；保存后企业档案中的专项检查记录同时更新`} data-testid="result-editing" />
          <ResultForm
            key={`edit-${editing.id}`}
            campaign={campaign}
            target={target}
            initial={edited!.values}
            inspectors={inspectorsWith(active, editing)}
            editing={{ id: editing.id, updatedAt: editing.updatedAt, others: edited!.others }}
            onCancel={() => setEditing(null)}
            onSaved={onSaved}
          />
        </>
      ) : target && initial ? (
        inspectors.isLoading ? (
          <Spin />
        ) : (
          <ResultForm key={`${target.enterpriseId}-${seq}`} campaign={campaign} target={target} initial={initial} inspectors={active} onSaved={onSaved} />
        )
      ) : (
        !saved && (
          <Card>
            <Empty description="请先在上方选择检查对象，再按纸质检查记录逐项录入" />
          </Card>
        )
      )}
      {history && (
        <EarlierResults
          campaignId={campaign.id}
          enterpriseId={history.enterpriseId}
          name={history.name}
          onEdit={(r) => {
            // The list stays under the form after a save, when no target is picked: pick it again.
            setTarget(history);
            setEditing(r);
            setSaved(null);
            window.scrollTo({ top: 0 });
          }}
        />
      )}
    </Space>
  );
}
