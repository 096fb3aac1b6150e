// Word pools for believable names in a county on Dongting Lake. Deterministic given the PRNG.

/** mulberry32: a small, fast, seedable PRNG (the demo must be reproducible). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
export const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

/** Picks by weight: [[value, weight], …]. */
export function weighted<T>(rand: Rand, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [v, w] of table) {
    r -= w;
    if (r < 0) return v;
  }
  return table[table.length - 1]![0];
}

const ZIHAO_CHARS = [...'鑫源恒达瑞丰宏发金穗华润长盛永安福满佳美天成明珠兴旺新隆泰和康顺益众诚信嘉禾宇航博通锦程汇德惠民利群洞庭湘楚江南湖荣昌祥云腾飞亿家乐优品百合星辰东方绿洲春晖湘岳'];

export const zihao = (rand: Rand): string => {
  const a = pick(rand, ZIHAO_CHARS);
  let b = pick(rand, ZIHAO_CHARS);
  while (b === a) b = pick(rand, ZIHAO_CHARS);
  return a + b;
};

export const COMPANY_TRADES = [
  '商贸', '日化', '食品', '农业科技', '电器', '建材', '贸易', '物流', '米业', '农产品开发', '生物科技', '五金机电',
  '服装', '餐饮管理', '汽车服务', '洗涤用品', '化工', '纺织', '粮油', '水产', '酒店管理', '超市', '家居', '药业',
  '电动车', '农机', '印务', '包装材料',
] as const;

export const SHOP_TYPES = [
  '日用品店', '便民超市', '副食店', '百货商店', '洗衣店', '洗车行', '餐馆', '粮油店', '五金店', '农资店',
  '家电维修部', '理发店', '早餐店', '小吃店', '服装店', '日杂店', '烟酒商行', '水果店', '电动车行', '母婴用品店',
] as const;

export const COOP_KINDS = ['水稻种植', '蔬菜种植', '芥菜种植', '棉花种植', '油菜种植', '水产养殖', '生猪养殖', '茶叶种植'] as const;

export const SURNAMES = [...'王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华红玉兰建国志文斌辉波宁琴云峰飞鹏俊凤梅林春海燕雪雁德荣湘岳'];

export const personName = (rand: Rand): string =>
  pick(rand, SURNAMES) + pick(rand, GIVEN) + (rand() < 0.7 ? pick(rand, GIVEN) : '');

const VILLAGE_CHARS = [...'新河洲港湖垸堤桥塘山坪口湾洲田林丰胜利团结红星长春光明东西南北中和平'];
export const village = (rand: Rand): string => pick(rand, VILLAGE_CHARS) + pick(rand, VILLAGE_CHARS);

export const ROADS = ['章华大道', '沿河路', '建设路', '人民路', '解放路', '迎宾路', '华容大道', '桥东路', '新华路', '胜利路'] as const;
