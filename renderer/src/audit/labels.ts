// How the audit trail reads for a clerk: Chinese names of methods, objects and fields, and where
// an object can be opened.
import type { z } from 'zod';
import { CampaignCreateInput, InspectorInput } from '../../../shared/campaign';
import { ResultSaveInput } from '../../../shared/campaign-results';
import { TemplateDefinition } from '../../../shared/campaign-template';
import { contract, type MethodName } from '../../../shared/contract';
import { recordFields, RecordCreateInput } from '../../../shared/dossier';
import { EnterpriseInput } from '../../../shared/enterprise';
import { enterpriseImportFields } from '../../../shared/import';
import { NoticeFillInput, NoticeServiceInput } from '../../../shared/notice';
import { OfficeSettingsInput } from '../../../shared/office';
import { ProductSaveInput } from '../../../shared/reference';

/** The Chinese title of a method as the contract names it; unknown methods are shown as they are. */
export const methodTitle = (method: string): string =>
  Object.hasOwn(contract, method) ? contract[method as MethodName].title : method;

const domainLabels: Record<string, string> = {
  accounts: '账户',
  settings: '设置',
  enterprises: '企业名录',
  dossier: '一企一档',
  campaigns: '专项整治',
  inspectors: '执法人员',
  notices: '执法文书',
  reports: '报表',
  reference: '参考资料',
  backup: '备份与恢复',
  backups: '备份与恢复',
  system: '系统',
  jobs: '任务',
  demo: '演示数据',
};

/** 操作类型 options: per domain, “全部” (the domain prefix) then each method that writes. */
export function methodOptions(): { label: string; options: { value: string; label: string }[] }[] {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const [name, def] of Object.entries(contract)) {
    if (def.kind === 'query') continue;
    const domain = name.split('.')[0] ?? name;
    const list = groups.get(domain) ?? [];
    list.push({ value: name, label: def.title });
    groups.set(domain, list);
  }
  return [...groups].map(([domain, options]) => {
    const label = domainLabels[domain] ?? '其他';
    return { label, options: [{ value: `${domain}.`, label: `全部${label}操作` }, ...options] };
  });
}

export const entityLabels: Record<string, string> = {
  enterprise: '企业',
  dossier_record: '档案记录',
  campaign: '专项整治',
  campaign_result: '检查结果',
  campaign_template: '专项模板',
  inspector: '执法人员',
  notice: '执法文书',
  notice_batch: '批量文书',
  notice_template: '文书模板',
  reference_product: '重点工业产品',
  settings: '设置',
  export: '导出文件',
  import: '导入',
  account: '账户',
  report_format: '报表格式',
  report_export: '报表',
  backup: '备份',
};

export const entityLabel = (entity: string): string => entityLabels[entity] ?? entity;

type Shape = Record<string, z.ZodType>;
type Wrapped = { _zod?: { def?: { innerType?: z.ZodType; in?: z.ZodType; schema?: z.ZodType } } };
// The schema inside optional/default/nullable/pipe wrappers, if any.
const innerOf = (s: z.ZodType): z.ZodType | undefined => {
  const def = (s as unknown as Wrapped)._zod?.def;
  return def?.innerType ?? def?.in ?? def?.schema;
};
type Labels = Record<string, string>;

// A field's label is the `.describe()` of its schema, possibly under optional/default/nullable/pipe.
function describedLabel(schema: z.ZodType): string | undefined {
  let s: z.ZodType | undefined = schema;
  for (let i = 0; s && i < 8; i++) {
    if (s.description) return s.description;
    s = innerOf(s);
  }
  return undefined;
}

function shapeOf(schema: z.ZodType): Shape | null {
  let s: z.ZodType | undefined = schema;
  for (let i = 0; s && i < 8; i++) {
    const shape = (s as unknown as { shape?: Shape }).shape;
    if (shape) return shape;
    s = innerOf(s);
  }
  return null;
}

// Fields of nested objects (`data` of a save input) count too, the outer label winning.
function labelsOf(...schemas: z.ZodType[]): Labels {
  const out: Labels = {};
  const visit = (schema: z.ZodType, depth: number) => {
    for (const [key, field] of Object.entries(shapeOf(schema) ?? {})) {
      const label = describedLabel(field);
      if (label && !out[key]) out[key] = label;
      if (depth < 2) visit(field, depth + 1);
    }
  };
  for (const schema of schemas) visit(schema, 0);
  return out;
}

// Keys the schemas do not describe (results and summaries written by the services).
const common: Labels = {
  id: '编号',
  name: '名称',
  title: '标题',
  number: '文号',
  issuedOn: '出具日期',
  count: '数量',
  numbers: '文号',
  noticeIds: '文书编号',
  combined: '合并打印文件',
  inserted: '新增',
  created: '新增的企业',
  unchanged: '无变化',
  rejected: '未导入',
  updated: '更新',
  targets: '检查对象数',
  drawn: '抽中户数',
  pool: '候选户数',
  drawId: '抽取编号',
  summary: '摘要',
  voidReason: '作废原因',
  status: '状态',
  enterprises: '企业数',
  records: '记录数',
  file: '文件',
  fileName: '文件名',
  rows: '行数',
  folder: '文件夹',
  size: '大小（字节）',
  counts: '数量',
  removed: '清理的旧备份',
  username: '用户名',
  displayName: '姓名',
  role: '角色',
  active: '启用',
};

let cache: Record<string, Labels> | null = null;
function byEntity(): Record<string, Labels> {
  if (cache) return cache;
  const recordData = labelsOf(...Object.values(recordFields));
  cache = {
    enterprise: labelsOf(EnterpriseInput),
    settings: labelsOf(OfficeSettingsInput),
    inspector: labelsOf(InspectorInput),
    campaign: { ...labelsOf(CampaignCreateInput), name: '专项名称' },
    campaign_result: labelsOf(ResultSaveInput),
    campaign_template: labelsOf(TemplateDefinition),
    dossier_record: { ...labelsOf(RecordCreateInput), ...recordData },
    notice: { ...labelsOf(NoticeFillInput, NoticeServiceInput), name: '当事人' },
    reference_product: labelsOf(ProductSaveInput),
    import: Object.fromEntries(enterpriseImportFields.map((f) => [f.key, f.label])),
    all: labelsOf(EnterpriseInput, CampaignCreateInput, RecordCreateInput, NoticeFillInput, ...Object.values(recordFields)),
  };
  return cache;
}

/** The Chinese label of a field of an object, or the key itself when the code has none. */
export function fieldLabel(entity: string, key: string): string {
  const labels = byEntity();
  return labels[entity]?.[key] ?? common[key] ?? labels['all']?.[key] ?? key;
}

const numberIn = (v: unknown, key: string): number | null => {
  const n = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : null;
  return typeof n === 'number' && Number.isInteger(n) ? n : null;
};

/** Where the object of a row can be opened in the program, if anywhere. */
export function objectHref(entry: { entity: string; entityId: string | null; before: unknown; after: unknown }): string | null {
  const id = entry.entityId && /^\d+$/.test(entry.entityId) ? entry.entityId : null;
  const pick = (key: string) => numberIn(entry.after, key) ?? numberIn(entry.before, key);
  switch (entry.entity) {
    case 'enterprise':
      return id ? `#/registry/${id}` : null;
    case 'dossier_record': {
      const enterpriseId = pick('enterpriseId');
      return enterpriseId ? `#/dossier/${enterpriseId}` : null;
    }
    case 'notice':
      return id ? `#/notices/${id}` : null;
    case 'campaign':
      return id ? `#/campaigns/${id}` : null;
    case 'campaign_result': {
      const campaignId = pick('campaignId');
      return campaignId ? `#/campaigns/${campaignId}` : null;
    }
    default:
      return null;
  }
}
