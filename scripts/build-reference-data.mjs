// Builds resources/industries/gbt4754-2017.json (国民经济行业分类 GB/T 4754-2017) from the public
// tree described in resources/industries/SOURCE.md, and checks it before writing.
//
// Run with:
//   node scripts/build-reference-data.mjs industries <IndustryData.js>   (the upstream file itself)
//   node scripts/build-reference-data.mjs industries <entries.tsv>       (one "A0111<TAB>稻谷种植" a line)
//
// Both inputs carry the section letter in front of every code ("C2681", "C268", "C26", "C") and the
// name either after "<code>-" (upstream "title") or after the tab (TSV). The output is a flat array in
// code order: { code, name, level, parent } with the letter kept only on level 1.
// The product catalogue (resources/products/catalogue-2023.json) is written by hand; see its SOURCE.md.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';

const OUT = 'resources/industries/gbt4754-2017.json';

/** Trims ASCII and full-width (U+3000) spaces, which some copies leave behind names. */
const clean = (s) => s.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');

/** Reads the upstream `const IndustryData = [ { title: "A0111-稻谷种植", value: "A0111", children } … ]`. */
function fromUpstreamJs(text) {
  const start = text.indexOf('[');
  const end = text.lastIndexOf(']');
  if (start < 0 || end < start) throw new Error('no array literal found in the input');
  const tree = JSON.parse(text.slice(start, end + 1));
  const out = [];
  const walk = (nodes) => {
    for (const node of nodes) {
      const prefix = `${node.value}-`;
      if (!node.title.startsWith(prefix)) throw new Error(`title ${node.title} does not start with ${prefix}`);
      out.push([node.value, node.title.slice(prefix.length)]);
      if (node.children) walk(node.children);
    }
  };
  walk(tree);
  return out;
}

/** Reads "A0111<TAB>稻谷种植" lines. */
function fromTsv(text) {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [code, name, ...rest] = line.split('\t');
      if (name === undefined || rest.length) throw new Error(`bad line: ${line}`);
      return [code, name];
    });
}

/** Turns letter-prefixed codes into { code, name, level, parent } rows in code order, and checks them. */
function toRows(pairs) {
  const rows = pairs.map(([raw, rawName]) => {
    const value = clean(raw);
    const name = clean(rawName);
    const m = /^([A-T])(\d{0,4})$/.exec(value);
    if (!m || m[2].length === 1) throw new Error(`bad code ${value}`);
    if (!name) throw new Error(`empty name for ${value}`);
    const [, letter, digits] = m;
    if (!digits) return { letter, row: { code: letter, name, level: 1, parent: null } };
    const level = digits.length; // 2 → 大类, 3 → 中类, 4 → 小类
    const parent = level === 2 ? letter : digits.slice(0, level - 1);
    return { letter, row: { code: digits, name, level, parent } };
  });
  const key = ({ letter, row }) => (row.level === 1 ? letter : letter + row.code);
  rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

  const seen = new Map();
  for (const entry of rows) {
    if (seen.has(entry.row.code)) throw new Error(`duplicate code ${entry.row.code}`);
    seen.set(entry.row.code, entry);
  }
  const childCount = new Map();
  for (const { letter, row } of rows) {
    if (row.parent === null) continue;
    const parent = seen.get(row.parent);
    if (!parent || parent.row.level !== row.level - 1) throw new Error(`no parent ${row.parent} for ${row.code}`);
    if (parent.letter !== letter) throw new Error(`${letter}${row.code} sits under ${parent.letter}${parent.row.code}`);
    childCount.set(row.parent, (childCount.get(row.parent) ?? 0) + 1);
  }
  for (const { row } of rows) {
    if (row.level < 4 && !childCount.get(row.code)) throw new Error(`${row.code} ${row.name} has no children`);
  }
  return rows.map(({ row }) => row);
}

/** One entry a line: diffs stay readable and the file stays small. */
const format = (rows) => `[\n${rows.map((r) => `  ${JSON.stringify(r)}`).join(',\n')}\n]\n`;

function main([what, input]) {
  if (what !== 'industries' || !input) {
    console.error('usage: node scripts/build-reference-data.mjs industries <IndustryData.js | entries.tsv>');
    process.exit(2);
  }
  const text = readFileSync(input, 'utf8');
  const rows = toRows(input.endsWith('.tsv') ? fromTsv(text) : fromUpstreamJs(text));
  mkdirSync('resources/industries', { recursive: true });
  writeFileSync(OUT, format(rows));
  const count = (level) => rows.filter((r) => r.level === level).length;
  console.log(`${OUT}: 门类 ${count(1)}, 大类 ${count(2)}, 中类 ${count(3)}, 小类 ${count(4)}`);
}

main(process.argv.slice(2));
