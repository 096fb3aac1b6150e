// The demo county's running phosphate campaign (洞庭清波): the office's inspectors, the campaign
// made from the built-in template over every detergent seller and producer, a 双随机 draw, and
// results for part of the drawn targets. Everything goes through the campaign services, in the
// demo job's transaction, so the demo shows exactly what clerks would have produced.
import { CampaignCreateInput, DrawInput, InspectorSaveInput } from '../../../shared/campaign';
import { ResultSaveInput } from '../../../shared/campaign-results';
import { addDays, todayInChina } from '../../../shared/dates';
import { isWorkday } from '../../../shared/workdays';
import { createCampaign } from '../campaigns/campaigns';
import { drawTargets } from '../campaigns/draw';
import { saveInspector } from '../campaigns/inspectors';
import { saveResult } from '../campaigns/results';
import { trustedContext, type RequestContext } from '../context';
import { jobCore, type Core } from '../core';
import { townshipsOf } from '../divisions/divisions';
import type { JobContext } from '../jobs/runner';
import { holidayCalendar } from '../reference/holidays';
import { pick, prng } from './names';
import { staffRoster } from './record-texts';

export const DEMO_CAMPAIGN = '2026年洞庭湖区含磷洗涤用品专项整治（洞庭清波）';

const clean = { licenceShown: '是', invoices: '是', ledger: '是', phosphateLabelled: '否', noBrand: '否', labelOk: '是', falseClaim: '否' } as const;
const SUBJECTS = ['零售', '零售', '零售', '批发', '使用（餐饮）', '使用（洗车）', '使用（洗衣）', '使用（宾馆）'] as const;
const PROBLEMS = [
  { item: 'phosphateLabelled', finding: '货架上有标注含磷（HL-A）的洗衣粉', requirement: '立即下架含磷洗涤用品，设立无磷专区' },
  { item: 'noBrand', finding: '销售无厂名、厂址的散装洗涤剂', requirement: '立即停止销售“三无”洗涤用品，索取供货商资质' },
  { item: 'invoices', finding: '洗涤用品进货无票据，无法说明来源', requirement: '补齐进货票据，建立进货查验制度' },
  { item: 'labelOk', finding: '部分洗涤用品未标注磷含量', requirement: '下架标识不全的产品，联系供货商更换' },
] as const;

/** Adds the demo campaign unless the data already has it; returns how many results were entered. */
export async function generateDemoCampaign(core: Core, jc: JobContext, input: { seed: number; countyCode: string; today?: string }): Promise<number> {
  const c = jobCore(core, jc.sqlite);
  const ctx: RequestContext = trustedContext(jc.actor);
  if (jc.sqlite.prepare('SELECT 1 FROM campaigns WHERE name = ?').get(DEMO_CAMPAIGN)) return 0;
  const rand = prng(input.seed ^ 0x9e37);
  const today = input.today ?? todayInChina();
  const towns = townshipsOf(input.countyCode);
  const roster = staffRoster(towns.length);

  // The inspectors: every 所's staff and the county bureau's law-enforcement team.
  if ((jc.sqlite.prepare('SELECT count(*) AS n FROM inspectors').get() as { n: number }).n === 0) {
    let serial = 1;
    const add = (name: string, unit: string, townshipCode: string | null) =>
      saveInspector(c, ctx, InspectorSaveInput.parse({ data: { name, unit, townshipCode, certNo: `43062320${String(serial++).padStart(4, '0')}` } }));
    towns.forEach((t, i) => roster.township[i]!.forEach((name) => add(name, `华容县市场监督管理局${t.name.replace(/(镇|乡|街道)$/, '')}市场监督管理所`, t.code)));
    roster.county.forEach((name) => add(name, '华容县市场监督管理局综合行政执法大队', null));
  }

  const startsOn = addDays(today, -42);
  const campaign = createCampaign(c, ctx, CampaignCreateInput.parse({
    templateId: 'phosphate-detergent',
    name: DEMO_CAMPAIGN,
    docRef: '华市监发〔2026〕15号',
    startsOn,
    endsOn: addDays(today, 48),
    scope: { tags: ['洗涤用品经营户', '洗涤用品生产企业'] },
  }));
  jc.progress(0.97, '已生成专项整治，正在抽取检查对象');
  const seed = (input.seed >>> 0).toString(16).padStart(8, '0') + 'd0c7';
  const drawn = drawTargets(c, ctx, DrawInput.parse({
    campaignId: campaign.id,
    params: { mode: 'proportion', proportions: { A: 20, B: 30, C: 60, D: 100, none: 50 }, excludeOwnTownship: true },
    seed,
  }));

  // About 55 % visited so far, on working days since the start; one visit in eight finds a problem.
  const cal = holidayCalendar();
  const days: string[] = [];
  for (let d = startsOn; d <= today; d = addDays(d, 1)) if (isWorkday(cal, d)) days.push(d);
  const photo = await core.files.putBytes(DEMO_PHOTO, '现场照片.png', 'image/png');
  core.files.register(jc.sqlite, photo);
  const attachments = [{ sha256: photo.sha256, name: photo.name, mime: photo.mime, size: photo.size }];
  let entered = 0;
  for (const t of drawn.targets) {
    if (rand() > 0.55) continue;
    const inspectedOn = days[Math.floor(Math.pow(rand(), 0.8) * days.length)] ?? today;
    const problem = rand() < 0.125 ? pick(rand, PROBLEMS) : null;
    const answers: Record<string, { value: string | number | null; photos?: string[] }> = {
      ...Object.fromEntries(Object.entries(clean).map(([k, v]) => [k, { value: v }])),
      subjectType: { value: pick(rand, SUBJECTS) },
      phosphateFreeShelf: { value: rand() < 0.6 ? '是' : '否' },
      photos: { value: null, photos: [photo.sha256] },
    };
    if (problem) answers[problem.item] = { value: problem.item === 'invoices' || problem.item === 'labelOk' ? '否' : '是' };
    if (rand() < 0.15) answers['quickTest'] = { value: problem?.item === 'phosphateLabelled' ? 1.6 + Math.round(rand() * 30) / 10 : Math.round(rand() * 9) / 10 };
    const batches = rand() < 0.15 ? 1 + Math.floor(rand() * 2) : 0;
    const input: ResultSaveInput = {
      campaignId: campaign.id,
      enterpriseId: t.enterpriseId,
      inspectedOn,
      inspectorIds: t.inspectors.map((i) => i.id),
      answers,
      quantities: {
        productsChecked: 6 + Math.floor(rand() * 50),
        samplingBatches: batches,
        samplingQualified: problem ? 0 : batches,
        removed: problem ? 3 + Math.floor(rand() * 40) : 0,
        seizedKg: problem && rand() < 0.4 ? Math.round(rand() * 2500) / 100 : 0,
        leaflets: rand() < 0.7 ? 1 + Math.floor(rand() * 5) : 0,
      },
      findings: problem ? problem.finding : null,
      result: problem ? '发现问题已责令改正' : '未发现问题',
      attachments,
      rectification: problem ? { problem: problem.finding, requirement: problem.requirement, deadlineOn: addDays(inspectedOn, 15) } : null,
    };
    saveResult(c, ctx, ResultSaveInput.parse(input));
    entered++;
    if (entered % 200 === 0) await jc.checkpoint();
  }
  return entered;
}

/** A pale placeholder photo (64 × 48 PNG) for the demo's 现场照片. */
const DEMO_PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAEAAAAAwCAIAAAAuKetIAAAARElEQVR42u3PQQkAAAgEsOufzBo2MIIV/AqDFViq57UICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICFwtcj0t0jjwvdsAAAAASUVORK5CYII=',
  'base64',
);
