// The 双随机 draw as a pure function of its recorded inputs, so that anyone holding the pool,
// the seed and the parameters can re-run it and get the same list.
//
// qingbo-sha256-fisher-yates, version 1:
// - Random numbers: block i is SHA-256 of the UTF-8 text `<seed>:<i>` (i = 0, 1, …); each block
//   gives eight unsigned 32-bit big-endian integers, used in order.
// - randomBelow(n): take the next integer u, rejecting u ≥ ⌊2³²/n⌋·n; the result is u mod n.
// - Targets: the pool is sorted by enterprise id. A fixed count k is a partial Fisher–Yates
//   shuffle: for i = 0 … k−1, j = i + randomBelow(n − i), swap positions i and j; the first k are
//   drawn. Proportions per credit class draw ⌈n_c · p_c / 100⌉ from each class in the order
//   A, B, C, D, unclassified, each by the same shuffle over that class's members in id order.
// - Inspectors: for each drawn target in draw order, the eligible inspectors are the pool sorted
//   by id (without those of the target's own township when that rule is on); the first is
//   eligible[randomBelow(m)], the second is drawn the same way from the others.
import { createHash } from 'node:crypto';
import type { DrawParams } from '../../../shared/campaign';
import { AppError } from '../../../shared/errors';

export const ALGORITHM = 'qingbo-sha256-fisher-yates';
export const ALGORITHM_VERSION = 1;

/** A pool member: enterprise id, credit class (null when unclassified), township code. */
export type PoolEntry = [id: number, creditClass: string | null, townshipCode: string | null];
/** An inspector: id and the township office they belong to (null for the county bureau). */
export type InspectorEntry = [id: number, townshipCode: string | null];
/** A drawn target and its two inspectors. */
export type DrawnEntry = [enterpriseId: number, inspectorA: number, inspectorB: number];

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The hash recorded for a pool or a result: SHA-256 of its JSON text. */
export const hashOf = (value: unknown): string => sha256Hex(JSON.stringify(value));

class SeededStream {
  private block = 0;
  private words: number[] = [];

  constructor(private readonly seed: string) {}

  private next(): number {
    if (this.words.length === 0) {
      const digest = createHash('sha256').update(`${this.seed}:${this.block++}`, 'utf8').digest();
      for (let i = 0; i < 32; i += 4) this.words.push(digest.readUInt32BE(i));
    }
    return this.words.shift()!;
  }

  /** A uniform integer in [0, n). */
  below(n: number): number {
    if (n < 1) throw new RangeError('n must be positive');
    const limit = Math.floor(0x1_0000_0000 / n) * n;
    for (;;) {
      const u = this.next();
      if (u < limit) return u % n;
    }
  }
}

function partialShuffle<T>(items: T[], k: number, rng: SeededStream): T[] {
  const a = items.slice();
  for (let i = 0; i < k; i++) {
    const j = i + rng.below(a.length - i);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, k);
}

export const CLASS_ORDER = ['A', 'B', 'C', 'D', 'none'] as const;

/** How many of each credit class a proportional draw takes (rounded up, so a 1 % class of 50 still gives one). */
export function classQuotas(pool: readonly PoolEntry[], proportions: Record<(typeof CLASS_ORDER)[number], number>): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const [, c] of pool) sizes.set(c ?? 'none', (sizes.get(c ?? 'none') ?? 0) + 1);
  const quotas = new Map<string, number>();
  for (const c of CLASS_ORDER) {
    const n = sizes.get(c) ?? 0;
    // The epsilon keeps 3 % of 100 at 3 despite floating-point products like 3.0000000000000004.
    quotas.set(c, Math.min(n, Math.ceil((n * proportions[c]) / 100 - 1e-9)));
  }
  return quotas;
}

/** Runs the draw; throws VALIDATION (in Chinese) when the inputs cannot give a lawful draw. */
export function runDraw(input: {
  seed: string;
  params: DrawParams;
  pool: readonly PoolEntry[];
  inspectors: readonly InspectorEntry[];
  townshipName?: (code: string | null) => string;
}): DrawnEntry[] {
  const { seed, params, pool, inspectors } = input;
  const rng = new SeededStream(seed);
  if (pool.length === 0) throw new AppError('VALIDATION', '检查对象名录为空，无法抽取；请先按范围生成或添加检查对象', { field: 'campaignId' });
  if (inspectors.length < 2) {
    throw new AppError('VALIDATION', `在岗执法人员只有 ${inspectors.length} 名；双随机抽查每户须由两名执法人员检查，请先在“设置 → 执法人员”中添加`, {
      field: 'inspectors',
    });
  }
  let drawn: PoolEntry[];
  if (params.mode === 'count') {
    const k = params.count ?? 0;
    if (k > pool.length) {
      throw new AppError('VALIDATION', `抽取户数（${k}）超过检查对象总数（${pool.length}），请减少抽取户数`, { field: 'params.count' });
    }
    drawn = partialShuffle([...pool], k, rng);
  } else {
    const quotas = classQuotas(pool, params.proportions!);
    drawn = [];
    for (const c of CLASS_ORDER) {
      const members = pool.filter(([, cls]) => (cls ?? 'none') === c);
      drawn.push(...partialShuffle(members, quotas.get(c) ?? 0, rng));
    }
    if (drawn.length === 0) throw new AppError('VALIDATION', '按所填比例抽不到任何对象，请调高比例', { field: 'params.proportions' });
  }
  const byId = [...inspectors].sort((a, b) => a[0] - b[0]);
  return drawn.map(([id, , township]) => {
    const eligible = params.excludeOwnTownship && township !== null ? byId.filter(([, t]) => t !== township) : byId;
    if (eligible.length < 2) {
      const where = input.townshipName?.(township) ?? township ?? '';
      throw new AppError('VALIDATION', `回避本所执法人员后，${where}的检查对象可选的执法人员不足两名，请添加其他单位的执法人员或关闭回避`, {
        field: 'params.excludeOwnTownship',
      });
    }
    const first = eligible[rng.below(eligible.length)]![0];
    const others = eligible.filter(([i]) => i !== first);
    const second = others[rng.below(others.length)]![0];
    return [id, first, second];
  });
}
