import { describe, expect, it } from 'vitest';
import { DrawParams } from '../../../shared/campaign';
import { AppError } from '../../../shared/errors';
import { classQuotas, hashOf, runDraw, type InspectorEntry, type PoolEntry } from './draw-algorithm';

const classes = ['A', 'B', 'C', 'D', null] as const;
const pool: PoolEntry[] = Array.from({ length: 1000 }, (_, i) => [i + 1, classes[i % 5]!, `43062310${i % 3}`]);
const inspectors: InspectorEntry[] = Array.from({ length: 8 }, (_, i) => [i + 1, i < 4 ? '430623100' : '430623101']);
const count = (k: number) => DrawParams.parse({ mode: 'count', count: k });

describe('the 双随机 draw', () => {
  it('gives the same list for the same seed and pool, and another list for another seed', () => {
    const a = runDraw({ seed: 'a1b2c3d4', params: count(30), pool, inspectors });
    const b = runDraw({ seed: 'a1b2c3d4', params: count(30), pool: [...pool].reverse().reverse(), inspectors });
    const c = runDraw({ seed: 'a1b2c3d5', params: count(30), pool, inspectors });
    expect(hashOf(a)).toBe(hashOf(b));
    expect(hashOf(a)).not.toBe(hashOf(c));
    expect(new Set(a.map(([id]) => id)).size).toBe(30);
  });

  it('is pinned: version 1 of the algorithm must keep giving this list for this seed', () => {
    const small: PoolEntry[] = Array.from({ length: 10 }, (_, i) => [i + 1, null, null]);
    const r = runDraw({ seed: '00000000', params: count(3), pool: small, inspectors: [[1, null], [2, null], [3, null]] });
    // The same list comes from an independent Python implementation of the description at the top
    // of draw-algorithm.ts; a change here means old draws no longer re-run to their recorded result.
    expect(r).toEqual([[7, 1, 3], [3, 3, 1], [5, 1, 2]]);
  });

  it('never pairs a target with one inspector twice, and honours the own-township exclusion', () => {
    const r = runDraw({ seed: 'ffff0000', params: DrawParams.parse({ mode: 'count', count: 200, excludeOwnTownship: true }), pool, inspectors });
    const township = new Map(pool.map(([id, , t]) => [id, t]));
    const inspectorTownship = new Map(inspectors.map(([id, t]) => [id, t]));
    for (const [id, x, y] of r) {
      expect(x).not.toBe(y);
      expect(inspectorTownship.get(x)).not.toBe(township.get(id));
      expect(inspectorTownship.get(y)).not.toBe(township.get(id));
    }
  });

  it('draws each credit class by its own proportion, rounding up', () => {
    const params = DrawParams.parse({ mode: 'proportion', proportions: { A: 1, B: 2, C: 10, D: 30, none: 3 } });
    expect([...classQuotas(pool, params.proportions!).values()]).toEqual([2, 4, 20, 60, 6]);
    const r = runDraw({ seed: '12345678', params, pool, inspectors });
    const cls = new Map(pool.map(([id, c]) => [id, c ?? 'none']));
    const byClass = (c: string) => r.filter(([id]) => cls.get(id) === c).length;
    expect([byClass('A'), byClass('B'), byClass('C'), byClass('D'), byClass('none')]).toEqual([2, 4, 20, 60, 6]);
  });

  it('refuses a draw larger than the pool, an empty pool, and fewer than two inspectors', () => {
    const refused = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        return (e as AppError).message;
      }
      throw new Error('not refused');
    };
    expect(refused(() => runDraw({ seed: 'abcdabcd', params: count(1001), pool, inspectors }))).toContain('超过检查对象总数（1000）');
    expect(refused(() => runDraw({ seed: 'abcdabcd', params: count(1), pool: [], inspectors }))).toContain('检查对象名录为空');
    expect(refused(() => runDraw({ seed: 'abcdabcd', params: count(1), pool, inspectors: [] }))).toContain('只有 0 名');
    expect(refused(() => runDraw({ seed: 'abcdabcd', params: count(1), pool, inspectors: [[1, null]] }))).toContain('只有 1 名');
    const sameTownship: InspectorEntry[] = [[1, '430623100'], [2, '430623100'], [3, '430623101']];
    expect(
      refused(() =>
        runDraw({ seed: 'abcdabcd', params: DrawParams.parse({ mode: 'count', count: 50, excludeOwnTownship: true }), pool, inspectors: sameTownship }),
      ),
    ).toContain('不足两名');
  });

  it('spreads picks evenly (no modulo bias visible over many draws)', () => {
    const tally = new Array<number>(7).fill(0);
    const seven: PoolEntry[] = Array.from({ length: 7 }, (_, i) => [i + 1, null, null]);
    for (let s = 0; s < 3500; s++) {
      const [[id]] = runDraw({ seed: `seed${String(s).padStart(6, '0')}`, params: count(1), pool: seven, inspectors: [[1, null], [2, null]] }) as [[number, number, number]];
      tally[id - 1]!++;
    }
    for (const n of tally) expect(Math.abs(n - 500)).toBeLessThan(100);
  });
});
