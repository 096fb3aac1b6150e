// Builds resources/holidays/cn-holidays.json (国务院办公厅部分节假日安排) from the npm package
// chinese-days and refuses to write a year unless at least two independent sources agree with it.
// Where the data comes from and how it was checked is in resources/holidays/SOURCE.md.
//
// The sources are installed outside the project, so package.json does not change:
//   mkdir -p /tmp/h && cd /tmp/h && npm init -y
//   npm i chinese-days@1.5.7 chinese-workday@1.16.1 lunar-javascript@1.7.7 tyme4ts@1.5.2 chinese-holidays@1.2.1
// Then, from the project folder:
//   node scripts/build-holidays.mjs /tmp/h/node_modules                   writes the JSON
//   node scripts/build-holidays.mjs /tmp/h/node_modules --check           only compares with the shipped JSON
// Options: --from YEAR (first year written, default 2016), --holiday-cn DIR (a folder of
// NateScarlet/holiday-cn year files, `{ days: [{ date, isOffDay }] }`, used as one more source).
//
// Every source is reduced to what the product needs, per calendar year of the date itself:
//   offDays         Monday–Friday dates that are rest days (the holiday span and 调休放假)
//   makeupWorkdays  Saturday/Sunday dates that are working days (调休上班)
// Weekend days inside a holiday span need no entry: they are rest days anyway.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const OUT = 'resources/holidays/cn-holidays.json';
const PRIMARY = 'chinese-days';
/** Agreeing sources needed besides the primary, counted by independent maintainer. */
const NEEDED = 2;

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const check = args.includes('--check');
if (check) args.splice(args.indexOf('--check'), 1);
const fromYear = Number(flag('--from') ?? 2016);
const holidayCnDir = flag('--holiday-cn');
const modulesDir = args[0];
if (!modulesDir || args.length > 1) {
  console.error('usage: node scripts/build-holidays.mjs <node_modules of the sources> [--check] [--from YEAR] [--holiday-cn DIR]');
  process.exit(2);
}

const DAY = 86_400_000;
const isWeekend = (date) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());
const datesOfYear = (year) => {
  const out = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += DAY) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};
const ymd = (date) => date.split('-').map(Number);

/**
 * The notices themselves, as published (国务院办公厅关于X年部分节假日安排的通知 and the two later
 * changes), transcribed by hand from copies of the text: one more source, independent of every
 * package. `rest` lists the days the notice gives off (a range is "first..last"), `work` the
 * weekend days it makes working days. A later notice overrides an earlier one date by date.
 */
const NOTICES = [
  {
    notice: '2016 国办发明电〔2015〕18号',
    rest: ['2016-01-01', '2016-02-07..2016-02-13', '2016-04-04', '2016-05-01..2016-05-02', '2016-06-09..2016-06-11', '2016-09-15..2016-09-17', '2016-10-01..2016-10-07'],
    work: ['2016-02-06', '2016-02-14', '2016-06-12', '2016-09-18', '2016-10-08', '2016-10-09'],
  },
  {
    notice: '2017 国办发明电〔2016〕17号',
    rest: ['2017-01-01..2017-01-02', '2017-01-27..2017-02-02', '2017-04-02..2017-04-04', '2017-05-01', '2017-05-28..2017-05-30', '2017-10-01..2017-10-08'],
    work: ['2017-01-22', '2017-02-04', '2017-04-01', '2017-05-27', '2017-09-30'],
  },
  {
    notice: '2018 国办发明电〔2017〕12号',
    rest: ['2018-01-01', '2018-02-15..2018-02-21', '2018-04-05..2018-04-07', '2018-04-29..2018-05-01', '2018-06-18', '2018-09-24', '2018-10-01..2018-10-07'],
    work: ['2018-02-11', '2018-02-24', '2018-04-08', '2018-04-28', '2018-09-29', '2018-09-30'],
  },
  {
    notice: '2019 国办发明电〔2018〕15号',
    rest: ['2018-12-30..2019-01-01', '2019-02-04..2019-02-10', '2019-04-05', '2019-05-01', '2019-06-07', '2019-09-13', '2019-10-01..2019-10-07'],
    work: ['2018-12-29', '2019-02-02', '2019-02-03', '2019-09-29', '2019-10-12'],
  },
  {
    notice: '2019 劳动节调整 国办发明电〔2019〕3号',
    rest: ['2019-05-01..2019-05-04'],
    work: ['2019-04-28', '2019-05-05'],
  },
  {
    notice: '2020 国办发明电〔2019〕16号',
    rest: ['2020-01-01', '2020-01-24..2020-01-30', '2020-04-04..2020-04-06', '2020-05-01..2020-05-05', '2020-06-25..2020-06-27', '2020-10-01..2020-10-08'],
    work: ['2020-01-19', '2020-02-01', '2020-04-26', '2020-05-09', '2020-06-28', '2020-09-27', '2020-10-10'],
  },
  // 延长2020年春节假期至2月2日，2月3日起正常上班: the make-up Saturday 2月1日 became a rest day.
  {
    notice: '2020 春节延长 国办发明电〔2020〕1号',
    rest: ['2020-01-31..2020-02-02'],
    work: [],
  },
  {
    notice: '2021 国办发明电〔2020〕27号',
    rest: ['2021-01-01..2021-01-03', '2021-02-11..2021-02-17', '2021-04-03..2021-04-05', '2021-05-01..2021-05-05', '2021-06-12..2021-06-14', '2021-09-19..2021-09-21', '2021-10-01..2021-10-07'],
    work: ['2021-02-07', '2021-02-20', '2021-04-25', '2021-05-08', '2021-09-18', '2021-09-26', '2021-10-09'],
  },
  {
    notice: '2022 (2021-10-25)',
    rest: ['2022-01-01..2022-01-03', '2022-01-31..2022-02-06', '2022-04-03..2022-04-05', '2022-04-30..2022-05-04', '2022-06-03..2022-06-05', '2022-09-10..2022-09-12', '2022-10-01..2022-10-07'],
    work: ['2022-01-29', '2022-01-30', '2022-04-02', '2022-04-24', '2022-05-07', '2022-10-08', '2022-10-09'],
  },
  {
    notice: '2023 国办发明电〔2022〕16号',
    rest: ['2022-12-31..2023-01-02', '2023-01-21..2023-01-27', '2023-04-05', '2023-04-29..2023-05-03', '2023-06-22..2023-06-24', '2023-09-29..2023-10-06'],
    work: ['2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07', '2023-10-08'],
  },
  // 除夕 2月9日 is only "encouraged" as a day off (鼓励…安排职工在除夕休息): it stays a working day.
  {
    notice: '2024 (2023-10-25)',
    rest: ['2024-01-01', '2024-02-10..2024-02-17', '2024-04-04..2024-04-06', '2024-05-01..2024-05-05', '2024-06-10', '2024-09-15..2024-09-17', '2024-10-01..2024-10-07'],
    work: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  },
  {
    notice: '2025 国办发明电〔2024〕12号',
    rest: ['2025-01-01', '2025-01-28..2025-02-04', '2025-04-04..2025-04-06', '2025-05-01..2025-05-05', '2025-05-31..2025-06-02', '2025-10-01..2025-10-08'],
    work: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    notice: '2026 (2025-11-04)',
    rest: ['2026-01-01..2026-01-03', '2026-02-15..2026-02-23', '2026-04-04..2026-04-06', '2026-05-01..2026-05-05', '2026-06-19..2026-06-21', '2026-09-25..2026-09-27', '2026-10-01..2026-10-07'],
    work: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
];

/** Expands "first..last" ranges into single dates. */
function expand(items) {
  const out = [];
  for (const item of items) {
    const [first, last = first] = item.split('..');
    for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += DAY) out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** The notices as one source: later notices override earlier ones date by date. */
function noticeSource() {
  const rest = new Set();
  const work = new Set();
  for (const n of NOTICES) {
    for (const d of expand(n.rest)) {
      rest.add(d);
      work.delete(d);
    }
    for (const d of expand(n.work)) {
      work.add(d);
      rest.delete(d);
    }
  }
  return { name: 'notices', maintainer: '国务院办公厅通知原文', rest: [...rest], work: [...work] };
}

/**
 * One source: its name, who maintains it (sources of one maintainer count once), and either a
 * `workday(date)` answer or explicit rest/work date lists. Years it does not cover have no off day.
 */
async function loadSources() {
  const require = createRequire(join(resolve(modulesDir), 'noop.js'));
  // Packages are looked up by folder: some do not export their package.json.
  const packageDir = (pkg) => join(resolve(modulesDir), pkg);
  const has = (pkg) => existsSync(join(packageDir(pkg), 'package.json'));
  const version = (pkg) => JSON.parse(readFileSync(join(packageDir(pkg), 'package.json'), 'utf8')).version;
  const sources = [];

  if (!has(PRIMARY)) throw new Error(`${PRIMARY} is not installed in ${modulesDir}`);
  const chineseDays = require('chinese-days');
  sources.push({ name: `chinese-days@${version('chinese-days')}`, maintainer: 'vsme', workday: (d) => chineseDays.isWorkday(d) });

  if (has('chinese-workday')) {
    // Its CommonJS build is not loadable under "type": "module"; the ESM entry is the source file.
    const entry = join(packageDir('chinese-workday'), 'src', 'index.js');
    const chineseWorkday = await import(pathToFileURL(entry).href);
    sources.push({ name: `chinese-workday@${version('chinese-workday')}`, maintainer: 'yize', workday: (d) => chineseWorkday.isWorkday(d) });
  }

  // lunar-javascript and tyme4ts share one author and one table lineage: one vote between them.
  if (has('lunar-javascript')) {
    const { HolidayUtil } = require('lunar-javascript');
    sources.push({
      name: `lunar-javascript@${version('lunar-javascript')}`,
      maintainer: '6tail',
      workday: (d) => {
        const h = HolidayUtil.getHoliday(...ymd(d));
        return h ? h.isWork() : !isWeekend(d);
      },
    });
  }
  if (has('tyme4ts')) {
    const { LegalHoliday } = require('tyme4ts');
    sources.push({
      name: `tyme4ts@${version('tyme4ts')}`,
      maintainer: '6tail',
      workday: (d) => {
        const h = LegalHoliday.fromYmd(...ymd(d));
        return h ? h.isWork() : !isWeekend(d);
      },
    });
  }

  if (has('chinese-holidays')) {
    // Its API first tries to download newer data; the files it ships are read directly instead.
    const dataDir = join(packageDir('chinese-holidays'), 'data');
    const rest = [];
    const work = [];
    for (const file of readdirSync(dataDir).filter((f) => f.endsWith('.json'))) {
      for (const event of JSON.parse(readFileSync(join(dataDir, file), 'utf8'))) {
        const [first, last = first] = event.range;
        for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += DAY) {
          (event.type === 'holiday' ? rest : work).push(new Date(t).toISOString().slice(0, 10));
        }
      }
    }
    sources.push({ name: `chinese-holidays@${version('chinese-holidays')}`, maintainer: 'bastengao', rest, work });
  }

  if (holidayCnDir) {
    const rest = [];
    const work = [];
    for (const file of readdirSync(holidayCnDir).filter((f) => /^\d{4}\.json$/.test(f))) {
      for (const day of JSON.parse(readFileSync(join(holidayCnDir, file), 'utf8')).days) (day.isOffDay ? rest : work).push(day.date);
    }
    sources.push({ name: 'holiday-cn', maintainer: 'NateScarlet', rest, work });
  }
  sources.push(noticeSource());
  return sources;
}

/** Reduces a source to { year → { offDays, makeupWorkdays } } for the years it covers. */
function reduce(source, years) {
  const out = new Map();
  const entry = (year) => {
    if (!out.has(year)) out.set(year, { offDays: [], makeupWorkdays: [] });
    return out.get(year);
  };
  if (source.workday) {
    for (const year of years) {
      for (const date of datesOfYear(year)) {
        const work = source.workday(date);
        if (!work && !isWeekend(date)) entry(year).offDays.push(date);
        if (work && isWeekend(date)) entry(year).makeupWorkdays.push(date);
      }
    }
  } else {
    const work = new Set(source.work);
    for (const date of new Set(source.rest)) if (!isWeekend(date) && !work.has(date)) entry(Number(date.slice(0, 4))).offDays.push(date);
    for (const date of work) if (isWeekend(date)) entry(Number(date.slice(0, 4))).makeupWorkdays.push(date);
  }
  // Every year has weekday rest days (at least part of 春节): a year without any is not covered.
  for (const [year, y] of out) {
    if (!years.includes(year) || y.offDays.length === 0) out.delete(year);
    y.offDays.sort();
    y.makeupWorkdays.sort();
  }
  return out;
}

/** What `other` has that `base` lacks and the reverse, in words. */
function difference(base, other) {
  const lines = [];
  for (const key of ['offDays', 'makeupWorkdays']) {
    const a = new Set(base[key]);
    const b = new Set(other[key]);
    const extra = [...b].filter((d) => !a.has(d));
    const missing = [...a].filter((d) => !b.has(d));
    if (extra.length) lines.push(`${key} also has ${extra.join(' ')}`);
    if (missing.length) lines.push(`${key} lacks ${missing.join(' ')}`);
  }
  return lines;
}

/** The JSON with one line per date list, so a changed year shows as a small diff. */
function format(years) {
  const list = (dates) => `[${dates.map((d) => `"${d}"`).join(', ')}]`;
  const body = years
    .map((y) => `    {\n      "year": ${y.year},\n      "offDays": ${list(y.offDays)},\n      "makeupWorkdays": ${list(y.makeupWorkdays)}\n    }`)
    .join(',\n');
  return (
    '{\n' +
    '  "title": "国务院办公厅关于部分节假日安排的通知（按年汇总）",\n' +
    '  "note": "offDays：周一至周五中放假的日期；makeupWorkdays：周六、周日中调休上班的日期；其余日期按普通周末计算。来源与核对见 SOURCE.md。",\n' +
    `  "years": [\n${body}\n  ]\n}\n`
  );
}

const sources = await loadSources();
const primary = sources[0];
const lastYear = new Date().getUTCFullYear() + 1;
const candidateYears = [];
for (let y = fromYear; y <= lastYear; y++) candidateYears.push(y);
const reduced = sources.map((s) => ({ source: s, years: reduce(s, candidateYears) }));
const primaryYears = reduced[0].years;

const written = [];
let failed = false;
for (const year of candidateYears) {
  const base = primaryYears.get(year);
  if (!base) continue;
  const agreeing = new Set();
  const report = [];
  for (const { source, years } of reduced.slice(1)) {
    const other = years.get(year);
    if (!other) continue;
    const diff = difference(base, other);
    if (diff.length === 0) agreeing.add(source.maintainer);
    else report.push(...diff.map((line) => `    ${source.name}: ${line}`));
  }
  const ok = agreeing.size >= NEEDED;
  console.log(`${year}  ${ok ? 'ok ' : 'NOT'}  agreeing with ${primary.name}: ${[...agreeing].join(', ') || 'none'}`);
  for (const line of report) console.log(line);
  if (!ok) failed = true;
  else written.push({ year, ...base });
}

for (let i = 1; i < written.length; i++) {
  if (written[i].year !== written[i - 1].year + 1) {
    console.error(`years are not consecutive: ${written[i - 1].year} then ${written[i].year}`);
    failed = true;
  }
}
if (failed || written.length === 0) {
  console.error('not written: a year lacks agreeing sources (see above)');
  process.exit(1);
}

const text = format(written);
if (check) {
  const same = existsSync(OUT) && readFileSync(OUT, 'utf8') === text;
  console.log(same ? `${OUT} matches the sources` : `${OUT} differs from the sources`);
  process.exit(same ? 0 : 1);
}
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, text);
console.log(`wrote ${OUT}: ${written[0].year}–${written.at(-1).year}`);
