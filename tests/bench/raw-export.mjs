// Baseline for registry.export_100k: select every enterprise and write it with ExcelJS's
// streaming writer — no formatting of codes, names or dates.
// Usage: node raw-export.mjs SOURCE.db OUT.xlsx
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';

const [dbFile, out] = process.argv.slice(2);
const db = new Database(dbFile, { readonly: true });
const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useSharedStrings: false, useStyles: true });
const ws = wb.addWorksheet('企业名录');
ws.addRow(['企业名称', '统一社会信用代码', '主体类型', '法定代表人', '证件号码', '联系电话', '住所', '乡镇', '网格', '行业', '登记状态', '成立日期', '监管类别', '信用风险分类', '标签', '曾用名', '风险提示', '归档']).commit();
let n = 0;
for (const r of db.prepare('SELECT name, uscc, entity_type, legal_rep, id_number, phone, address, township_code, grid, industry_code, status, established_on, supervision_class, credit_class, tags, former_names, risk_notes, archived_at FROM enterprises ORDER BY name_pinyin, id').raw().iterate()) {
  ws.addRow(r).commit();
  n++;
}
ws.commit();
await wb.commit();
db.close();
process.stdout.write(JSON.stringify({ rows: n }));
