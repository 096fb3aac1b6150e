// 报表格式: report layouts as data (title, merged headers, columns mapped to source fields or
// expressions, code tables, 合计 row, footer, print setup) and the data sources' fields they may name.
// The contract's inputs and outputs, packages and period presets are in report.ts.
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------
// Data sources and their fields

export const reportSources = ['campaignTally', 'drawResults', 'unqualifiedSamplings', 'registry'] as const;
export type ReportSource = (typeof reportSources)[number];
export const reportSourceLabels: Record<ReportSource, string> = {
  campaignTally: '专项统计',
  drawResults: '双随机抽查结果',
  unqualifiedSamplings: '监督抽查不合格',
  registry: '企业名录',
};

export const fieldTypes = ['text', 'number', 'date'] as const;
export type FieldType = (typeof fieldTypes)[number];

/** A field a data source offers to a column. */
export const SourceField = z.object({ key: z.string(), label: z.string(), type: z.enum(fieldTypes) });
export type SourceField = z.infer<typeof SourceField>;

const f = (key: string, label: string, type: FieldType = 'text'): SourceField => ({ key, label, type });

/** Fields every source has: the row's unit (township, or the county in a city roll-up). */
const unitFields = [f('area', '乡镇（街道）或县（市、区）'), f('areaCode', '区划代码'), f('county', '县（市、区）')];

/**
 * Fixed fields of each source. campaignTally also has one number field per tally of the campaign
 * template the format names (`templateId`), keyed by the tally's key (visits, productsChecked…).
 */
export const sourceFixedFields: Record<ReportSource, SourceField[]> = {
  campaignTally: [...unitFields, f('campaign', '专项名称')],
  drawResults: [
    ...unitFields,
    f('position', '抽取序号', 'number'),
    f('name', '企业名称'),
    f('uscc', '统一社会信用代码'),
    f('township', '乡镇（街道）'),
    f('creditClass', '信用风险分类'),
    f('inspectors', '检查人员'),
    f('inspectedOn', '检查日期', 'date'),
    f('result', '检查结果'),
    f('handling', '处理情况'),
    f('status', '检查状态'),
    f('campaign', '专项名称'),
  ],
  unqualifiedSamplings: [
    ...unitFields,
    f('name', '企业名称'),
    f('uscc', '统一社会信用代码'),
    f('township', '乡镇（街道）'),
    f('plan', '抽查计划（任务）'),
    f('product', '产品名称'),
    f('brand', '商标'),
    f('model', '规格型号'),
    f('batch', '生产日期或批号'),
    f('sampledOn', '抽样日期', 'date'),
    f('lab', '检验机构'),
    f('reportNo', '检验报告编号'),
    f('unqualifiedItems', '不合格项目'),
    f('resultReceivedOn', '企业收到检验结果日期', 'date'),
    f('orderedOn', '责令改正日期', 'date'),
    f('deadlineOn', '整改期限', 'date'),
    f('recheckOn', '复查日期', 'date'),
    f('recheckOutcome', '复查结果'),
    f('caseNo', '立案案号'),
    f('caseOn', '立案日期', 'date'),
    f('penaltyStatus', '案件状态'),
    f('fineYuan', '罚没款（元）', 'number'),
    f('handling', '核查处置情况'),
    f('completed', '是否处置完毕'),
  ],
  registry: [
    ...unitFields,
    f('name', '企业名称'),
    f('uscc', '统一社会信用代码'),
    f('entityType', '主体类型'),
    f('legalRep', '法定代表人（负责人）'),
    f('phone', '联系电话'),
    f('address', '住所（经营场所）'),
    f('township', '乡镇（街道）'),
    f('grid', '网格'),
    f('industryCode', '行业代码'),
    f('industry', '行业'),
    f('status', '登记状态'),
    f('establishedOn', '成立日期', 'date'),
    f('supervisionClass', '监管类别'),
    f('creditClass', '信用风险分类'),
    f('tags', '标签'),
  ],
};

// ---------------------------------------------------------------------------------------------
// The format definition

const fieldKey = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, '字段代号只能由字母、数字和下划线组成，以字母开头');
const text = (label: string, max = 200) => z.string().max(max).describe(label);

export const ReportFont = z
  .object({
    /** Font names as Excel knows them: 宋体, 仿宋, 黑体, 楷体, 方正小标宋简体… */
    name: text('字体', 40).default('宋体'),
    size: z.number().min(6).max(48).default(11).describe('字号'),
    bold: z.boolean().default(false).describe('加粗'),
  })
  .strict();
export type ReportFont = z.infer<typeof ReportFont>;

/** Placeholders allowed in title, note and footer texts. */
export const reportPlaceholders = {
  office: '填报单位（本单位名称）',
  county: '所在县（区）',
  period: '统计期间（2026年3月2日至2026年3月8日）',
  from: '开始日期',
  to: '结束日期',
  year: '年份',
  campaign: '专项名称',
  today: '填报日期（今天）',
  preparer: '填报人',
  phone: '联系电话',
} as const;
export type ReportPlaceholder = keyof typeof reportPlaceholders;

export const TitleRow = z
  .object({
    /** Text with {office} {period} {campaign} … placeholders. */
    text: text('标题文字'),
    font: ReportFont.default({ name: '宋体', size: 11, bold: false }),
    align: z.enum(['left', 'center', 'right']).default('center').describe('对齐'),
    height: z.number().min(8).max(100).nullable().default(null).describe('行高'),
  })
  .strict();

/**
 * A column. `header` is the path of header texts from the top header row down: adjacent columns
 * with the same text at the same level share one merged cell; a path shorter than the header
 * depth is merged down to the last header row. Exactly one of field / expr / text / seq / formula.
 */
export const ReportColumn = z
  .object({
    header: z.array(text('表头', 60).min(1, '表头文字不能为空')).min(1, '请填写表头').max(4).describe('表头'),
    /** Header path used instead in a city roll-up (e.g. 县（市、区） for 乡镇（街道）). */
    rollupHeader: z.array(text('表头', 60).min(1)).min(1).max(4).nullable().default(null).describe('汇总表表头'),
    field: fieldKey.nullable().default(null).describe('数据字段'),
    /** + - * / and parentheses over field keys and numbers, e.g. samplingQualified / samplingBatches * 100. */
    expr: z.string().max(300).regex(/^[A-Za-z0-9_+\-*/().\s×÷]*$/, '表达式只能包含字段代号、数字、+ - * / 和括号').nullable().default(null).describe('计算式'),
    text: text('固定文字').nullable().default(null),
    seq: z.boolean().default(false).describe('序号'),
    /** An Excel formula written as a formula (only here); {r} is the row number: "IF(D{r}=0,\"\",E{r}/D{r})". */
    formula: z.string().max(300).nullable().default(null).describe('Excel 公式'),
    /** Excel number format: 0, 0.00, 0.0%, #,##0.00, yyyy-mm-dd … */
    numFmt: text('数字格式', 40).nullable().default(null),
    /** Unit appended to the last header text as （unit）. */
    unit: text('单位', 20).nullable().default(null),
    /** The value is multiplied by this (0.0001 for 万元 from 元). */
    scale: z.number().positive().default(1).describe('换算系数'),
    /** Decimal places numbers are rounded to before writing. */
    decimals: z.number().int().min(0).max(6).nullable().default(null).describe('小数位数'),
    width: z.number().min(2).max(120).default(12).describe('列宽'),
    align: z.enum(['left', 'center', 'right']).nullable().default(null).describe('对齐'),
    wrap: z.boolean().default(true).describe('自动换行'),
    /** The name of one of the format's code tables: values are written as their labels. */
    codeTable: fieldKey.nullable().default(null).describe('代码表'),
    required: z.boolean().default(false).describe('必填'),
    min: z.number().nullable().default(null).describe('最小值'),
    max: z.number().nullable().default(null).describe('最大值'),
    /** In the 合计 row: sum of the rows, the expression over the totals, the total row's label, or empty. */
    total: z.enum(['sum', 'expr', 'label', 'none']).nullable().default(null).describe('合计方式'),
  })
  .strict()
  .superRefine((c, ctx) => {
    const set = [c.field, c.expr, c.text, c.seq ? true : null, c.formula].filter((v) => v !== null).length;
    if (set !== 1) {
      ctx.addIssue({ code: 'custom', path: ['field'], message: `列「${c.header.join('／')}」应当且只能指定一种取值：field（字段）、expr（计算式）、text（固定文字）、seq（序号）或 formula（公式）` });
    }
  });
export type ReportColumn = z.infer<typeof ReportColumn>;
export type ReportColumnInput = z.input<typeof ReportColumn>;

export const ReportFormatDefinition = z
  .object({
    name: z.string().trim().min(1, '请填写报表名称').max(80).describe('报表名称'),
    description: text('说明', 2000).nullable().default(null),
    source: z.enum(reportSources).describe('数据来源'),
    /** campaignTally: the campaign template whose tallies the columns name (phosphate-detergent…). */
    templateId: z.string().max(60).nullable().default(null).describe('专项模板'),
    sheetName: text('工作表名称', 31).nullable().default(null),
    title: z.array(TitleRow).max(5).default([]).describe('标题行'),
    columns: z.array(ReportColumn).min(1, '至少需要一列').max(60).describe('列'),
    /** value → label, e.g. { "creditClass": { "A": "低风险" } }. */
    codeTables: z.record(fieldKey, z.record(z.string(), z.string())).default({}).describe('代码表'),
    rows: z
      .object({
        /** The 合计 row (label in the first column whose total is 'label', else the first column). */
        totalRow: z
          .object({ label: text('合计行文字', 20).default('合计'), position: z.enum(['top', 'bottom']).default('bottom') })
          .strict()
          .nullable()
          .default(null),
        /** Sort rows by this field (the source's own order otherwise). */
        sortBy: fieldKey.nullable().default(null),
        /** Skip rows whose number columns are all zero. */
        skipEmpty: z.boolean().default(false),
      })
      .strict()
      .default({ totalRow: null, sortBy: null, skipEmpty: false })
      .describe('行'),
    /** Lines under the table; each line's items are spread across the table's width. */
    footer: z.array(z.array(text('表尾文字')).min(1).max(6)).max(5).default([]).describe('表尾'),
    fonts: z
      .object({
        header: ReportFont.default({ name: '黑体', size: 11, bold: false }),
        body: ReportFont.default({ name: '宋体', size: 10, bold: false }),
        footer: ReportFont.default({ name: '宋体', size: 10, bold: false }),
      })
      .strict()
      .default({ header: { name: '黑体', size: 11, bold: false }, body: { name: '宋体', size: 10, bold: false }, footer: { name: '宋体', size: 10, bold: false } }),
    headerHeight: z.number().min(8).max(100).nullable().default(null).describe('表头行高'),
    print: z
      .object({
        orientation: z.enum(['landscape', 'portrait']).default('landscape'),
        paper: z.enum(['A4', 'A3']).default('A4'),
        /** Repeat the header rows on every printed page. */
        repeatHeader: z.boolean().default(true),
        fitToWidth: z.boolean().default(true),
      })
      .strict()
      .default({ orientation: 'landscape', paper: 'A4', repeatHeader: true, fitToWidth: true }),
    output: z
      .object({
        type: z.enum(['xlsx', 'csv']).default('xlsx').describe('默认文件类型'),
        csvEncoding: z.enum(['utf8bom', 'gbk']).default('utf8bom').describe('CSV 编码'),
        /** CSV: header paths joined with this (检查经营主体-户次). */
        csvHeaderJoin: text('表头连接符', 3).default('-'),
        /** CSV: write the title and footer lines too (most import systems want only the table). */
        csvTitle: z.boolean().default(false),
      })
      .strict()
      .default({ type: 'xlsx', csvEncoding: 'utf8bom', csvHeaderJoin: '-', csvTitle: false }),
    checks: z
      .object({
        /** 合计 must equal the sum of the rows (recomputed and compared with the source's totals). */
        totals: z.boolean().default(true),
        /** Tolerance for the comparison (rounding of decimals). */
        tolerance: z.number().min(0).default(0.005),
      })
      .strict()
      .default({ totals: true, tolerance: 0.005 }),
  })
  .strict()
  .superRefine((d, ctx) => {
    d.columns.forEach((c, i) => {
      if (c.codeTable && !d.codeTables[c.codeTable]) {
        ctx.addIssue({ code: 'custom', path: ['columns', i, 'codeTable'], message: `第 ${i + 1} 列「${c.header.join('／')}」引用的代码表「${c.codeTable}」不存在` });
      }
    });
    if (d.source === 'campaignTally' && !d.templateId) {
      ctx.addIssue({ code: 'custom', path: ['templateId'], message: '专项统计报表需要指定专项模板（templateId）' });
    }
  });
export type ReportFormatDefinition = z.infer<typeof ReportFormatDefinition>;
export type ReportFormatDefinitionInput = z.input<typeof ReportFormatDefinition>;

/** The JSON file a format is shipped, exported and imported as. */
export const REPORT_FORMAT_FILE = 'qingbo.report-format';
export const ReportFormatFile = z
  .object({
    format: z.literal(REPORT_FORMAT_FILE).describe('文件类型'),
    formatVersion: z.literal(1).describe('文件版本'),
    /** Suggested id (built-ins: the file name); an import makes its own id when taken. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/).nullable().default(null).describe('格式代号'),
    report: ReportFormatDefinition,
  })
  .strict();
