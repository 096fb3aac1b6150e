import { describe, expect, it } from 'vitest';
import { TEMPLATE_FILE_FORMAT, type TemplateDefinition } from '../../../shared/campaign-template';
import { contract, type MethodInput, type MethodName, type MethodOutput } from '../../../shared/contract';
import { callOk as callThrough, clerk, snapshot, testBackend } from '../../../tests/helpers/backend';
import type { Backend } from '../backend';
import { seedTemplates } from './templates';

/** callOk, checking the value against the contract's output schema too. */
async function callOk<M extends MethodName>(b: Backend, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const value = await callThrough(b, method, input);
  const parsed = contract[method].output.safeParse(value);
  if (!parsed.success) throw new Error(`${method}: output does not match the contract: ${parsed.error.message}`);
  return value;
}

/** Every row a template write could touch, campaign tables included. */
const dump = (b: Backend): string =>
  snapshot(b) + JSON.stringify(['campaign_templates', 'campaigns'].map((t) => b.core.sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));

async function refused(b: Backend, method: string, input: unknown): Promise<{ code: string; message: string; details?: Record<string, unknown> }> {
  const r = await b.api.call(method, input, clerk);
  if (r.ok) throw new Error(`${method} should have been refused`);
  return r.error;
}

async function importBytes(b: Backend, bytes: Uint8Array) {
  const stored = await b.core.files.putBytes(bytes, '模板.json', 'application/json');
  return b.api.call('campaignTemplates.import', { file: stored.sha256 }, clerk);
}

const fileOf = (template: unknown, extra: Record<string, unknown> = {}) =>
  Buffer.from(JSON.stringify({ format: TEMPLATE_FILE_FORMAT, formatVersion: 1, template, ...extra }), 'utf8');

describe('campaign templates', () => {
  it('seeds the shipped templates as read-only builtin ones, and brings a changed shipped definition up to date with a new version', async () => {
    const b = testBackend();
    const list = await callOk(b, 'campaignTemplates.list', {});
    expect(list.map((t) => [t.id, t.builtin, t.archived, t.version])).toEqual([
      ['e-bike', true, false, 1],
      ['phosphate-detergent', true, false, 1],
    ]);
    const phosphate = await callOk(b, 'campaignTemplates.get', { id: 'phosphate-detergent' });
    expect(phosphate.definition.name).toBe('含磷洗涤用品专项整治');
    expect(phosphate.definition.checklist).toHaveLength(12);
    expect(list.find((t) => t.id === 'phosphate-detergent')!.items).toBe(12);
    expect(phosphate.definition.parameters).toEqual([{ key: 'phosphorusLimit', label: '含磷判定限值（总磷，以 P₂O₅ 计）', unit: '%', value: 1.1 }]);

    // Opening again changes nothing; a stored definition that differs from the shipped one is replaced, version + 1.
    expect(seedTemplates(b.core.sqlite)).toBe(0);
    b.core.sqlite.prepare("UPDATE campaign_templates SET definition = json_set(definition, '$.description', '旧说明') WHERE id = 'e-bike'").run();
    expect(seedTemplates(b.core.sqlite)).toBe(1);
    const ebike = await callOk(b, 'campaignTemplates.get', { id: 'e-bike' });
    expect(ebike.version).toBe(2);
    expect(ebike.definition.description).not.toBe('旧说明');

    const missing = await refused(b, 'campaignTemplates.get', { id: 'no-such' });
    expect([missing.code, missing.message]).toEqual(['NOT_FOUND', '找不到专项检查模板「no-such」，可能已被删除，请刷新后重试']);
  });

  it('refuses to edit a builtin template, and edits a copy with a version bump and a stale-save check', async () => {
    const b = testBackend();
    const phosphate = await callOk(b, 'campaignTemplates.get', { id: 'phosphate-detergent' });
    const before = dump(b);
    const builtin = await refused(b, 'campaignTemplates.save', {
      id: phosphate.id, expectedUpdatedAt: phosphate.updatedAt, definition: { ...phosphate.definition, description: '改了' },
    });
    expect([builtin.code, builtin.message]).toEqual(['CONFLICT', '内置模板不能修改，请先复制一份再改']);
    const sameName = await refused(b, 'campaignTemplates.copy', { id: phosphate.id, name: '电动自行车产品质量安全专项整治' });
    expect([sameName.code, sameName.message]).toEqual(['CONFLICT', '已有名为「电动自行车产品质量安全专项整治」的模板，请换一个名称']);
    expect(dump(b)).toBe(before);

    const copy = await callOk(b, 'campaignTemplates.copy', { id: phosphate.id, name: '华容县含磷洗涤用品检查' });
    expect([copy.id, copy.builtin, copy.version, copy.definition.name]).toEqual(['custom-1', false, 1, '华容县含磷洗涤用品检查']);
    expect(copy.definition.checklist).toEqual(phosphate.definition.checklist);

    const definition: TemplateDefinition = {
      ...copy.definition,
      parameters: [{ ...copy.definition.parameters[0]!, value: 1.0 }],
      checklist: [...copy.definition.checklist, { key: 'leaflets', group: '宣传引导', label: '张贴无磷倡议书', type: 'yesNo', unit: null, choices: [], required: false, problem: null, hint: null }],
    };
    const saved = await callOk(b, 'campaignTemplates.save', { id: copy.id, expectedUpdatedAt: copy.updatedAt, definition });
    expect(saved.version).toBe(2);
    expect(saved.definition.parameters[0]!.value).toBe(1.0);
    expect(saved.definition.checklist).toHaveLength(13);

    const stale = await refused(b, 'campaignTemplates.save', { id: copy.id, expectedUpdatedAt: copy.updatedAt, definition });
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toMatch(/^模板「华容县含磷洗涤用品检查」在您打开之后已被修改/);

    // A definition that contradicts itself is refused by the contract, naming the item.
    const bad = await refused(b, 'campaignTemplates.save', {
      id: copy.id, expectedUpdatedAt: saved.updatedAt,
      definition: { ...definition, checklist: [{ key: 'kind', label: '主体类别', type: 'choice', choices: ['生产'] }] },
    });
    expect(bad.code).toBe('VALIDATION');
    expect(bad.message).toContain('第 1 个检查事项「主体类别」是选项题，至少需要两个选项');

    // Stopped templates leave the list's top; a stopped name can be reused.
    const stopped = await callOk(b, 'campaignTemplates.archive', { id: copy.id, archived: true });
    expect(stopped.archived).toBe(true);
    expect((await callOk(b, 'campaignTemplates.list', {})).map((t) => t.id)).toEqual(['e-bike', 'phosphate-detergent', 'custom-1']);
    const reused = await callOk(b, 'campaignTemplates.copy', { id: phosphate.id, name: '华容县含磷洗涤用品检查' });
    expect(reused.id).toBe('custom-2');
    const restore = await refused(b, 'campaignTemplates.archive', { id: copy.id, archived: false });
    expect(restore.message).toBe('已有名为「华容县含磷洗涤用品检查」的模板，请换一个名称');

    const audit = b.core.sqlite.prepare("SELECT method, entity_id FROM audit_log WHERE entity = 'campaign_template' ORDER BY id").all();
    expect(audit).toEqual([
      { method: 'campaignTemplates.copy', entity_id: 'custom-1' },
      { method: 'campaignTemplates.save', entity_id: 'custom-1' },
      { method: 'campaignTemplates.archive', entity_id: 'custom-1' },
      { method: 'campaignTemplates.copy', entity_id: 'custom-2' },
    ]);
  });

  it('exports a template to a JSON file in the store and imports it back as a new template', async () => {
    const b = testBackend();
    const file = await callOk(b, 'campaignTemplates.export', { id: 'phosphate-detergent' });
    expect([file.name, file.mime]).toEqual(['含磷洗涤用品专项整治.json', 'application/json']);
    expect(b.core.sqlite.prepare('SELECT name FROM files WHERE sha256 = ?').get(file.sha256)).toEqual({ name: '含磷洗涤用品专项整治.json' });
    expect(b.core.sqlite.prepare("SELECT method, entity, entity_id FROM audit_log WHERE entity = 'export'").get()).toEqual({
      method: 'campaignTemplates.export', entity: 'export', entity_id: file.sha256,
    });
    const text = (await b.core.files.read(file.sha256)).toString('utf8');
    expect(text).toContain('\n  "format": "qingbo.campaign-template",\n');
    const parsed = JSON.parse(text) as { format: string; formatVersion: number; template: TemplateDefinition };
    const original = await callOk(b, 'campaignTemplates.get', { id: 'phosphate-detergent' });
    expect(parsed.template).toEqual(original.definition);

    const imported = await callOk(b, 'campaignTemplates.import', { file: file.sha256 });
    expect([imported.id, imported.builtin, imported.version, imported.definition.name]).toEqual(['custom-1', false, 1, '含磷洗涤用品专项整治 （导入）']);
    expect({ ...imported.definition, name: original.definition.name }).toEqual(original.definition);
    const twice = await callOk(b, 'campaignTemplates.import', { file: file.sha256 });
    expect(twice.definition.name).toBe('含磷洗涤用品专项整治 （导入 2）');
  });

  it('refuses broken files with a message naming what is wrong where, writing nothing', async () => {
    const b = testBackend();
    const { definition } = await callOk(b, 'campaignTemplates.get', { id: 'phosphate-detergent' });
    const before = dump(b);
    const message = async (bytes: Uint8Array) => {
      const r = await importBytes(b, bytes);
      if (r.ok) throw new Error('import should have been refused');
      expect(r.error.code).toBe('VALIDATION');
      return r.error.message;
    };

    expect(await message(Buffer.from('{\n  "format": "qingbo.campaign-template",\n  "formatVersion": 1,\n  "template": {,\n}', 'utf8'))).toBe(
      '模板文件不是有效的 JSON 格式（第 4 行附近有错误），请使用清波导出的模板文件',
    );
    const colour = definition.checklist.map((item, i) => (i === 2 ? { ...item, colour: 'red' } : item));
    expect(await message(fileOf({ ...definition, checklist: colour }))).toBe(
      '模板文件第 3 个检查事项「洗涤用品进货查验、索证索票齐全」：包含无法识别的字段：colour',
    );
    const essay = definition.checklist.map((item, i) => (i === 0 ? { ...item, type: 'essay' } : item));
    expect(await message(fileOf({ ...definition, checklist: essay }))).toBe(
      '模板文件第 1 个检查事项「经营主体类别」的答案类型：只能是以下之一：yesNo、number、text、choice、photo',
    );
    expect(await message(fileOf({ ...definition, name: '' }, { author: '张三' }))).toBe(
      '模板文件的模板名称：请填写模板名称；模板文件：包含无法识别的字段：author',
    );
    expect(await message(fileOf({ ...definition, parameters: [{ key: 'limit', label: '限值', value: 1 }] }))).toBe(
      '模板文件第 7 个检查事项「快速检测总磷（以 P₂O₅ 计）最高值」引用的参数「phosphorusLimit」不存在',
    );
    expect(await message(Buffer.from(JSON.stringify({ format: 'qingbo.enterprises', rows: [] }), 'utf8'))).toBe(
      '这不是清波的专项检查模板文件（文件类型应为 qingbo.campaign-template），请选择从清波导出的模板文件',
    );
    expect(await message(Buffer.from('[1, 2, 3]', 'utf8'))).toMatch(/^这不是清波的专项检查模板文件/);
    expect(await message(fileOf(definition, { formatVersion: 2 }))).toBe('模板文件的版本（2）本程序无法读取，请升级清波后再导入');
    // The same file saved as GBK by another program (含磷洗衣粉 in GBK).
    const gbk = Buffer.concat([
      Buffer.from(`{"format":"${TEMPLATE_FILE_FORMAT}","formatVersion":1,"template":{"name":"`, 'utf8'),
      Buffer.from('baacc1d7cfb4d2c2b7db', 'hex'),
      Buffer.from('"}}', 'utf8'),
    ]);
    expect(await message(gbk)).toBe('模板文件不是 UTF-8 编码的文本（可能被其他软件另存为 GBK 等编码），请使用清波导出的原始文件');

    const notUploaded = await refused(b, 'campaignTemplates.import', { file: 'a'.repeat(64) });
    expect([notUploaded.code, notUploaded.message]).toEqual(['NOT_FOUND', '找不到上传的文件，请重新选择文件']);
    const badId = await refused(b, 'campaignTemplates.import', { file: 'x' });
    expect(badId.message).toBe('文件：文件编号无效，请重新选择文件');
    expect(dump(b)).toBe(before);
  });
});
