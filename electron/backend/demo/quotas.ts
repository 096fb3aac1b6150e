// How many records each demo enterprise gets: producers and detergent sellers are visited more
// than a hair salon, a firm founded last year has a shorter history, and chance does the rest.
// The counts add up to exactly `perEnterprise` times the number of firms, so a demo of N
// enterprises always has N × perEnterprise records (the benchmark relies on the total).
import type { DemoFirm } from './scene';
import type { Rand } from './names';

interface QuotaRules {
  /** Day numbers of the first day of the histories and of today. */
  from: number;
  today: number;
  isProducer(f: DemoFirm): boolean;
  isSeller(f: DemoFirm): boolean;
}

const DAY_MS = 86_400_000;

function weightOf(f: DemoFirm, rand: Rand, r: QuotaRules): number {
  const kind = r.isProducer(f) ? 2.5 : r.isSeller(f) ? 1.4 : f.tags.length > 0 ? 1.1 : 0.9;
  const founded = f.establishedOn ? Date.parse(`${f.establishedOn}T00:00:00Z`) / DAY_MS : r.from;
  const active = Math.max(0.05, (r.today - Math.max(r.from, founded)) / (r.today - r.from));
  const status = f.status === '存续' ? 1 : f.status === '停业' ? 0.7 : 0.5;
  return kind * active * status * (0.25 + 1.5 * rand());
}

/** The number of records of each firm (same order), summing to exactly firms × perEnterprise. */
export function plannedCounts(firms: readonly DemoFirm[], perEnterprise: number, rand: Rand, rules: QuotaRules): number[] {
  const weights = firms.map((f) => weightOf(f, rand, rules));
  const total = weights.reduce((s, w) => s + w, 0);
  const wanted = firms.length * perEnterprise;
  // Cumulative rounding: each firm gets its share, and the rounding never adds up to drift.
  let sum = 0;
  let given = 0;
  return weights.map((w) => {
    sum += w;
    const upTo = Math.round((sum / total) * wanted);
    const n = upTo - given;
    given = upTo;
    return n;
  });
}
