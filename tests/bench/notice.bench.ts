// Official notices: printing one 责令改正通知书 to PDF (GB/T 9704 layout, CJK fonts), a complete
// single issue (PDF, DOCX, number and dossier record), and a bulk issue of 100 风险提醒函 as a job
// with its combined PDF. Each beside Chromium printing a bare HTML page of the same text, through
// the same browser, in the same run.
import { openBackend, type Backend } from '../../electron/backend/backend';
import { trustedContext } from '../../electron/backend/context';
import { combinePdfs } from '../../electron/backend/notices/combine';
import { modelOf, planIssue } from '../../electron/backend/notices/issuing';
import { printPdf } from '../../electron/backend/notices/print';
import { fillTemplate, plainText } from '../../electron/backend/notices/render/index';
import { addDays, todayInChina } from '../../shared/dates';
import type { NoticeModel } from '../../shared/notice';
import { composeUscc } from '../../shared/uscc';
import { BASELINE_SUFFIX as RAW, interleavedMedians, type BenchContext, type Metrics, type Targets } from './harness';

const BULK = 100;
const ROUNDS = 9;

export const targets: Targets = {
  'notice.render_pdf.ms': 1500,
  'notice.bulk_100.seconds': 60,
};

async function call<T>(b: Backend, method: string, input: unknown): Promise<T> {
  const r = await b.api.call(method, input, trustedContext('bench'));
  if (!r.ok) throw new Error(`${method} failed: ${r.error.message}`);
  return r.value as T;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
/** The notice's text as a bare page: no styles, no web fonts, one paragraph per line. */
const barePage = (text: string) => `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${text.split('\n').map((l) => `<p>${escape(l)}</p>`).join('')}</body></html>`;

export async function run(ctx: BenchContext): Promise<Metrics> {
  const dir = ctx.tempDir('qingbo-bench-notice-');
  const b = openBackend(dir, { stderrLevel: 'silent' });
  try {
    await call(b, 'settings.saveOffice', { name: '华容县市场监督管理局', countyCode: '430623', docAbbrev: '华市监' });
    const ids: number[] = [];
    for (let i = 0; i < BULK; i++) {
      const saved = await call<{ enterprise: { id: number } }>(b, 'enterprises.create', {
        data: {
          name: `华容县基准第${i + 1}号日化商行`, uscc: composeUscc('92', '430623', `MA4L${String(i).padStart(4, '0')}`), entityType: '个体工商户',
          legalRep: '王建国', phone: '13907301234', address: `湖南省岳阳市华容县章华镇沿河路${i + 1}号`, townshipCode: '430623101',
        },
      });
      ids.push(saved.enterprise.id);
    }
    const today = todayInChina();
    const order = {
      type: 'correctionOrder' as const, enterpriseId: ids[0]!, recordId: null, campaignId: null, correctsId: null,
      fields: {
        finding: '于2026年11月在经营场所销售标注含磷（HL-A）的洗衣粉共计36袋，货值金额432元',
        violated: '《湖南省洞庭湖保护条例》第三十三条', legalBasis: '《中华人民共和国行政处罚法》第二十八条第一款',
        immediately: false, deadlineOn: addDays(today, 15), requirement: '立即下架含磷洗涤用品，设立无磷洗涤用品专区，建立进货查验记录。',
        consequence: '本局将依法处理', reviewOrgan: '华容县人民政府', court: '华容县人民法院',
      },
    };
    const plan = planIssue(b.core, order);
    const model: NoticeModel = modelOf(plan, `华市监责改〔${today.slice(0, 4)}〕1号`);
    const bare = barePage(plainText(fillTemplate(plan.template.parsed, model)));

    // One notice printed to PDF, beside the same text printed bare by the same browser.
    ctx.log('notice: printing one notice to PDF …');
    const render = await interleavedMedians({
      product: async () => {
        const t = performance.now();
        await printPdf(b.core, plan.template.parsed, model);
        return performance.now() - t;
      },
      raw: async () => {
        const t = performance.now();
        await b.core.pdf.render(bare);
        return performance.now() - t;
      },
    }, ROUNDS);

    // A complete single issue (PDF + DOCX + number + dossier record), beside a bare print.
    const issue = await interleavedMedians({
      product: async () => {
        const t = performance.now();
        await call(b, 'notices.issue', order);
        return performance.now() - t;
      },
      raw: async () => {
        const t = performance.now();
        await b.core.pdf.render(bare);
        return performance.now() - t;
      },
    }, 5);

    // 100 risk reminders as one job, beside 100 bare pages printed two at a time and merged.
    ctx.log(`notice: bulk issue of ${BULK} …`);
    let t0 = performance.now();
    const { jobId } = await call<{ jobId: string }>(b, 'notices.bulkIssue', {
      type: 'riskReminder', enterpriseIds: ids, fields: { risk: '销售含磷洗涤用品', content: '洞庭湖区禁止销售含磷洗涤用品。请立即自查，下架含磷洗涤用品，并建立进货查验制度。' },
    });
    const done = await b.core.jobs.wait(jobId);
    if (done.status !== 'succeeded') throw new Error(`bulk issue ${done.status}: ${done.message}`);
    const bulkSeconds = (performance.now() - t0) / 1000;
    t0 = performance.now();
    const pages: Buffer[] = new Array<Buffer>(BULK);
    let next = 0;
    const worker = async () => {
      while (next < BULK) {
        const i = next++;
        pages[i] = await b.core.pdf.render(bare.replace('基准第1号', `基准第${i + 1}号`));
      }
    };
    await Promise.all([worker(), worker()]);
    await combinePdfs(pages);
    const bulkRaw = (performance.now() - t0) / 1000;
    ctx.log(`notice: render ${render.product.toFixed(0)} ms (bare ${render.raw.toFixed(0)}), issue ${issue.product.toFixed(0)} ms, bulk ${bulkSeconds.toFixed(1)} s (bare ${bulkRaw.toFixed(1)})`);
    return {
      'notice.render_pdf.ms': render.product,
      [`notice.render_pdf.ms${RAW}`]: render.raw,
      'notice.issue.ms': issue.product,
      [`notice.issue.ms${RAW}`]: issue.raw,
      'notice.bulk_100.seconds': bulkSeconds,
      [`notice.bulk_100.seconds${RAW}`]: bulkRaw,
    };
  } finally {
    await b.close();
  }
}
