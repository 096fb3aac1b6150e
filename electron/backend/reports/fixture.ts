// A small phosphate campaign in one county, made through the contract as a clerk would: the
// office, six enterprises in three townships, two inspectors, the campaign and its results in a
// given week (and one visit the week before). Used by the report tests and the benchmark.
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import { addDays } from '../../../shared/dates';
import type { Backend } from '../backend';
import { trustedContext } from '../context';
import { townshipsOf } from '../divisions/divisions';

const ctx = trustedContext('张干事');

async function call<M extends MethodName>(b: Backend, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const r = await b.api.call(method, input, ctx);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as MethodOutput<M>;
}

const CLEAN = { subjectType: '零售', licenceShown: '是', invoices: '是', ledger: '是', phosphateLabelled: '否', noBrand: '否', labelOk: '是', falseClaim: '否' };

export interface CountyFixture {
  campaignId: number;
  from: string;
  to: string;
  townships: { code: string; name: string }[];
}

/** Builds the county's campaign with results in the week [monday, monday + 6]; `k` varies the figures between counties. */
export async function phosphateCounty(b: Backend, county: { code: string; office: string; abbrev: string }, monday: string, k = 0): Promise<CountyFixture> {
  await call(b, 'settings.saveOffice', { name: county.office, countyCode: county.code, docAbbrev: county.abbrev });
  const townships = townshipsOf(county.code).slice(0, 3);
  const ids: number[] = [];
  for (let i = 0; i < 6; i++) {
    const { enterprise } = await call(b, 'enterprises.create', {
      data: {
        name: `${county.office.slice(0, 3)}${'甲乙丙丁戊己'[i]}记日杂店`,
        entityType: '个体工商户',
        townshipCode: townships[i % 3]!.code,
        supervisionClass: '普通',
        creditClass: (['A', 'B', 'C', 'D'] as const)[i % 4],
        tags: ['洗涤用品经营户'],
      },
    });
    ids.push(enterprise.id);
  }
  const inspectors: number[] = [];
  for (const [i, name] of ['王建国', '李红梅'].entries()) {
    inspectors.push((await call(b, 'inspectors.save', { data: { name, unit: county.office, certNo: `${county.code}0100${i}` } })).id);
  }
  const campaign = await call(b, 'campaigns.create', {
    templateId: 'phosphate-detergent',
    name: '含磷洗涤用品专项整治',
    startsOn: addDays(monday, -30),
    endsOn: addDays(monday, 60),
    scope: { tags: ['洗涤用品经营户'] },
  });
  // All six drawn (双随机), so the draw's publication lists every result.
  await call(b, 'campaigns.draw', { campaignId: campaign.id, params: { mode: 'count', count: 6 }, seed: `${county.code}00` });
  const photo = await b.core.files.putBytes(Buffer.from(`photo-${county.code}`), '货架.jpg', 'image/jpeg');
  const base = (enterpriseId: number, inspectedOn: string) => ({
    campaignId: campaign.id,
    enterpriseId,
    inspectedOn,
    inspectorIds: inspectors,
    answers: { ...Object.fromEntries(Object.entries(CLEAN).map(([key, v]) => [key, { value: v }])), photos: { photos: [photo.sha256] } },
    result: '未发现问题' as const,
    attachments: [{ sha256: photo.sha256, name: photo.name, mime: photo.mime, size: photo.size }],
  });
  for (const [i, id] of ids.entries()) {
    const problem = i % 3 === 1;
    await call(b, 'campaigns.saveResult', {
      ...base(id, addDays(monday, i % 7)),
      quantities: {
        productsChecked: 10 * (i + 1) + k,
        samplingBatches: 2,
        samplingQualified: i % 2 ? 1 : 2,
        removed: problem ? 5 + k : 0,
        seizedKg: problem ? 1.25 * (i + 1) : 0,
        cases: problem && i === 4 ? 1 : 0,
        fineYuan: problem && i === 4 ? 1250.5 + k : 0,
        leaflets: 3 + k,
      },
      ...(problem
        ? {
            answers: { ...base(id, monday).answers, phosphateLabelled: { value: '是' } },
            findings: '销售标注 HL-A 的含磷洗衣粉',
            result: '发现问题已责令改正' as const,
            rectification: { problem: '销售含磷洗衣粉', requirement: '立即下架', deadlineOn: addDays(monday, 14) },
          }
        : {}),
    });
  }
  // A visit the week before: outside the period, it must count nowhere in the week's table.
  await call(b, 'campaigns.saveResult', { ...base(ids[0]!, addDays(monday, -3)), quantities: { productsChecked: 999, leaflets: 99 } });
  return { campaignId: campaign.id, from: monday, to: addDays(monday, 6), townships };
}
