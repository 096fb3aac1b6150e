// Fills a demo county: the office settings and a registry of believable enterprises with valid
// credit codes in the townships of one real county (华容县, on Dongting Lake, by default), and
// their files (records.ts). Later capabilities add their own records here, so the demo always
// shows the whole product.
import { AppError } from '../../../shared/errors';
import type { OfficeSettings } from '../../../shared/office';
import type { DemoInput } from '../../../shared/system';
import { USCC_ALPHABET, composeUscc, regNoCheckDigit } from '../../../shared/uscc';
import { countyByCode, townshipsOf } from '../divisions/divisions';
import type { Core } from '../core';
import type { JobContext } from '../jobs/runner';
import { enterpriseWriter } from '../registry/repo';
import { nameKeyOf } from '../registry/search-keys';
import { todayInChina } from '../../../shared/dates';
import type { EnterpriseData } from '../../../shared/enterprise';
import { DETERGENT_SHOPS, demoIdNumber, demoLicence, demoTags, industryOf } from './details';
import { generateDemoCampaign } from './campaign';
import { generateDemoNotices } from './notices';
import { generateDemoRecords } from './records';
import {
  COMPANY_TRADES, COOP_KINDS, ROADS, SHOP_TYPES, personName, pick, prng, village, weighted, zihao, type Rand,
} from './names';

export const DEMO_OFFICE: OfficeSettings = {
  name: '华容县市场监督管理局',
  countyCode: '430623',
  countyName: '湖南省岳阳市华容县',
  docAbbrev: '华市监',
};

const CHUNK = 2000;
const BODY_CHARS = USCC_ALPHABET.slice(10).replace(/[IOSVZ]/g, '') + '0123456789';

function randomBody(rand: Rand, modern: boolean): string {
  let body = modern ? 'MA4' : '';
  const chars = modern ? BODY_CHARS : '0123456789';
  while (body.length < 8) body += pick(rand, [...chars]);
  return body;
}

const shortTownship = (name: string) => name.replace(/(街道|镇|乡)$/, '');
const shortCounty = (name: string) => (name.length > 2 ? name.replace(/(县|区|市)$/, '') : name);

// A record costs about a fifth of an enterprise (measured at 200,000 / 2,000,000): progress is shared out accordingly.
const RECORD_COST = 0.2;

/** Generates `input.enterprises` enterprises and their records inside the job's transaction. */
/** `core` adds the running phosphate campaign and issued notices (their services need the core); without it only the registry and files are made. */
export async function generateDemo(ctx: JobContext, input: Required<DemoInput>, core?: Core): Promise<{ enterprises: number; records: number; county: string }> {
  // A second run on the same data continues the sequence instead of repeating the first run.
  const maxId = (ctx.sqlite.prepare('SELECT coalesce(max(id), 0) AS n FROM enterprises').get() as { n: number }).n;
  const rand = prng(input.seed + maxId);
  const existing = ctx.sqlite.prepare("SELECT value FROM settings WHERE key = 'office'").get() as { value: string } | undefined;
  let office = existing ? (JSON.parse(existing.value) as OfficeSettings) : null;
  if (!office || townshipsOf(office.countyCode).length === 0) {
    ctx.sqlite
      .prepare(`INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES ('office', ?, ?)`)
      .run(JSON.stringify(DEMO_OFFICE), new Date().toISOString());
    ctx.audit({ entity: 'settings', entityId: 'office', before: office, after: DEMO_OFFICE, reason: '生成演示数据' });
    office = DEMO_OFFICE;
  }
  const county = countyByCode(office.countyCode);
  const towns = townshipsOf(office.countyCode);
  if (!county || towns.length === 0) throw new AppError('VALIDATION', `区划 ${office.countyCode} 没有乡镇数据，无法生成演示数据`);
  const countyShort = shortCounty(county.name);
  const region = office.countyCode;

  const writer = enterpriseWriter(ctx.sqlite);
  const now = new Date().toISOString();
  const today = todayInChina();
  const usedNames = new Set<string>();
  const usedCodes = new Set<string>();
  // A later run on the same data must not repeat a name or a code of an earlier one.
  const nameStored = ctx.sqlite.prepare('SELECT 1 FROM enterprises WHERE name_key = ? AND name = ?').pluck();
  const codeStored = ctx.sqlite.prepare('SELECT 1 FROM enterprises WHERE uscc = ?').pluck();
  const nameTaken = (n: string) => usedNames.has(n) || (maxId > 0 && nameStored.get(nameKeyOf(n), n) !== undefined);
  const codeTaken = (c: string) => usedCodes.has(c) || (maxId > 0 && codeStored.get(c) !== undefined);
  let inserted = 0;
  let previous: EnterpriseData | null = null;
  const share = 1 / (1 + RECORD_COST * input.recordsPerEnterprise);

  for (let i = 0; i < input.enterprises; i++) {
    // Every township gets detergent sellers (the phosphate campaign needs them everywhere).
    const forcedSeller = i < towns.length * 3;
    const town = forcedSeller ? towns[i % towns.length]! : pick(rand, towns);
    const type = forcedSeller ? '个体工商户' : weighted(rand, [['个体工商户', 60], ['企业', 35], ['农民专业合作社', 5]] as const);
    let trade: string = '';
    let name = '';
    for (let attempt = 0; attempt < 20 && (!name || nameTaken(name)); attempt++) {
      if (type === '企业') {
        const head = weighted(rand, [[county.name, 5], ['湖南', 2], ['岳阳', 2], [countyShort, 1]] as const);
        trade = pick(rand, COMPANY_TRADES);
        name = `${head}${zihao(rand)}${trade}${rand() < 0.85 ? '有限公司' : '有限责任公司'}`;
      } else if (type === '个体工商户') {
        const owner = rand() < 0.5 ? `${personName(rand).slice(0, 1)}记` : zihao(rand);
        trade = forcedSeller ? pick(rand, DETERGENT_SHOPS) : pick(rand, SHOP_TYPES);
        name = `${county.name}${shortTownship(town.name)}${owner}${trade}`;
      } else {
        trade = pick(rand, COOP_KINDS);
        name = `${county.name}${zihao(rand)}${trade}专业合作社`;
      }
      if (attempt > 10) name += `（${shortTownship(town.name)}）`;
    }
    usedNames.add(name);

    const year = 1995 + Math.floor(rand() * 31);
    const modern = year >= 2016 || rand() < 0.4;
    const oldRegNo = type === '个体工商户' && !modern && rand() < 0.5;
    const noCode = !oldRegNo && type === '个体工商户' && rand() < 0.03;
    let code: string | null = null;
    while (!noCode && (code === null || codeTaken(code))) {
      if (oldRegNo) {
        const first14 = `${region}6${String(Math.floor(rand() * 1e7)).padStart(7, '0')}`;
        code = first14 + regNoCheckDigit(first14);
      } else {
        code = composeUscc(type === '企业' ? '91' : type === '个体工商户' ? '92' : '93', region, randomBody(rand, modern));
      }
    }
    if (code) usedCodes.add(code);
    const phone =
      rand() < 0.7
        ? `1${pick(rand, ['3', '5', '7', '8', '9'])}${String(Math.floor(rand() * 1e9)).padStart(9, '0')}`
        : `0730-4${String(Math.floor(rand() * 1e6)).padStart(6, '0')}`;
    const address =
      town.name.endsWith('街道') || rand() < 0.3
        ? `${county.fullName}${town.name}${pick(rand, ROADS)}${1 + Math.floor(rand() * 300)}号`
        : `${county.fullName}${town.name}${village(rand)}村${1 + Math.floor(rand() * 12)}组`;
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    const supervisionClass = weighted(rand, [['普通', 80], ['专管', 15], ['严管', 5]] as const);
    const tags = demoTags(trade, type, rand);
    const data: EnterpriseData = {
      name,
      formerNames: rand() < 0.02 ? [`${county.name}${zihao(rand)}${trade || '商贸'}${type === '企业' ? '有限公司' : '店'}`] : [],
      uscc: code,
      entityType: type,
      legalRep: personName(rand),
      idNumber: rand() < 0.8 ? demoIdNumber(region, rand) : null,
      phone,
      address,
      townshipCode: town.code,
      grid: `${shortTownship(town.name)}第${1 + Math.floor(rand() * 8)}网格`,
      industryCode: industryOf(trade, type),
      status: weighted(rand, [['存续', 90], ['停业', 3], ['注销', 5], ['吊销', 2]] as const),
      supervisionClass,
      creditClass: rand() < 0.05 ? null : weighted(rand, [['A', 60], ['B', 30], ['C', 8], ['D', 2]] as const),
      establishedOn: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      riskNotes: supervisionClass === '严管' && rand() < 0.3 ? '近两年监督抽查有不合格记录，列为重点检查对象' : null,
      tags,
      products: [],
      licences: supervisionClass === '普通' || type !== '企业' ? [] : [demoLicence(rand, today, supervisionClass)],
    };
    // Now and then the same shop registered twice: the 疑似重复 list has something to show.
    const twice = previous !== null && i % 250 === 249;
    if (twice && previous) {
      // Entered once with the county in the name and once without it, and no code the second time.
      const name = previous.name.includes(county.name) ? previous.name.replace(county.name, '') : `${county.name}${previous.name}`;
      writer.insert({ ...previous, name, uscc: null, idNumber: null, formerNames: [], licences: [] }, null, now);
    } else {
      writer.insert(data, null, now);
    }
    previous = data;
    inserted++;
    if ((i + 1) % CHUNK === 0) {
      ctx.progress((share * (i + 1)) / input.enterprises, `已生成 ${i + 1} / ${input.enterprises} 家企业`);
      await ctx.checkpoint();
    }
  }
  ctx.audit({
    entity: 'enterprise',
    before: null,
    after: { inserted, firstId: maxId + 1, county: county.fullName },
    reason: '生成演示数据',
  });
  ctx.progress(share, `已生成 ${inserted} 家企业`);
  const { records } = await generateDemoRecords(ctx, {
    afterId: maxId,
    perEnterprise: input.recordsPerEnterprise,
    seed: input.seed,
    countyCode: office.countyCode,
    docAbbrev: office.docAbbrev,
    progressFrom: share,
  });
  const results = core && input.recordsPerEnterprise > 0 ? await generateDemoCampaign(core, ctx, { seed: input.seed, countyCode: office.countyCode }) : 0;
  if (core && input.recordsPerEnterprise > 0) await generateDemoNotices(core, ctx);
  ctx.progress(1, `已生成 ${inserted} 家企业、${records} 条档案记录${results ? `和专项整治的 ${results} 条检查结果` : ''}`);
  return { enterprises: inserted, records, county: county.fullName };
}
