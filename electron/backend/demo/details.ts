// The finer details of demo enterprises: tags, industries, licences and ID numbers that pass their checks.
import { addDays } from '../../../shared/dates';
import type { EnterpriseData, Licence } from '../../../shared/enterprise';
import { idCheckChar } from '../../../shared/idcard';
import { industryByCode } from '../reference/industries';
import { pick, type Rand } from './names';

/** Shops that sell washing powder and detergent (洗涤用品经营户). */
export const DETERGENT_SHOPS = ['日用品店', '便民超市', '百货商店', '日杂店', '副食店', '洗衣店'] as const;

const SELLER_TRADES = new Set<string>([...DETERGENT_SHOPS, '超市', '商贸']);
const PRODUCER_TRADES = new Set(['日化', '洗涤用品']);

/** Campaign tags a clerk would give: detergent sellers and producers, food, e-bikes. */
export function demoTags(trade: string, type: EnterpriseData['entityType'], rand: Rand): string[] {
  const tags: string[] = [];
  if (PRODUCER_TRADES.has(trade) && type === '企业') tags.push(rand() < 0.5 ? '洗涤用品生产企业' : '洗涤用品经营户');
  else if (SELLER_TRADES.has(trade)) tags.push('洗涤用品经营户');
  if (['餐馆', '早餐店', '小吃店', '食品', '粮油店', '副食店'].includes(trade)) tags.push('食品经营');
  if (trade === '电动车行' || trade === '电动车') tags.push('电动自行车');
  if (trade === '母婴用品店') tags.push('儿童用品');
  return tags;
}

const INDUSTRY_OF_TRADE: Record<string, string> = {
  日化: '2681', 洗涤用品: '2681', 食品: '1431', 米业: '1311', 粮油: '5221', 建材: '5281', 电器: '5271', 五金机电: '5281',
  服装: '5232', 超市: '5212', 药业: '5251', 电动车: '3770', 水产: '0412', 商贸: '5219', 贸易: '5219', 化工: '5299',
  日用品店: '5239', 便民超市: '5212', 副食店: '5219', 百货商店: '5211', 粮油店: '5221', 五金店: '5281', 服装店: '5232',
  日杂店: '5239', 理发店: '8040', 餐馆: '6210', 电动车行: '5264', 水稻种植: '0111', 蔬菜种植: '0141', 水产养殖: '0412',
};

/** The GB/T 4754 class a demo trade belongs to (when the shipped table has it). */
export function industryOf(trade: string, type: EnterpriseData['entityType']): string | null {
  const code = INDUSTRY_OF_TRADE[trade];
  if (!code && type === '个体工商户') return industryByCode('5299') ? '5299' : null;
  return code && industryByCode(code) ? code : null;
}

/** An 18-digit ID number born in the county, with a correct check character. */
export function demoIdNumber(region: string, rand: Rand): string {
  const y = 1955 + Math.floor(rand() * 45);
  const m = 1 + Math.floor(rand() * 12);
  const d = 1 + Math.floor(rand() * 28);
  const first17 = `${region}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(Math.floor(rand() * 1000)).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** A production licence or CCC certificate, some expiring within a few months. */
export function demoLicence(rand: Rand, today: string, cls: EnterpriseData['supervisionClass']): Licence {
  const validTo = addDays(today, Math.floor(rand() * 5 * 365) - 60);
  const kind = cls === '严管' && rand() < 0.5 ? 'CCC' : '生产许可证';
  return {
    kind,
    number: kind === 'CCC' ? `2024${String(Math.floor(rand() * 1e12)).padStart(12, '0')}` : `XK${pick(rand, ['13', '16', '06', '22'])}-${String(Math.floor(rand() * 1e6)).padStart(6, '0')}`,
    scope: kind === 'CCC' ? '电动自行车' : pick(rand, ['洗涤剂', '化肥', '建筑用钢筋', '水泥', '电线电缆', '食品相关产品']),
    validFrom: addDays(validTo, -5 * 365),
    validTo,
  };
}
