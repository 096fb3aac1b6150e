// The fields a clerk completes, checked against noticeFields[type]: strictly when issuing (each
// problem named in Chinese at fields.<key>), leniently for a preview of a half-filled form.
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { noticeFields, noticeTypeInfo, type NoticeType } from '../../../shared/notice';
import { describeZodError } from '../../../shared/validation';
import { chineseDate } from '../pdf/html';

type Fields = Record<string, unknown>;

function refuse(message: string, field: string): never {
  throw new AppError('VALIDATION', message, { field, problems: [{ field, label: message.split('：')[0], message }] });
}

/** Rules across fields the schema cannot say (a deadline or 立即, one 执法证号 per inspector). */
function crossCheck(type: NoticeType, f: Fields, issuedOn: string): void {
  const notBefore = (key: string, label: string) => {
    const v = f[key];
    if (typeof v === 'string' && v < issuedOn) refuse(`${label}：${chineseDate(v)}早于出具日期${chineseDate(issuedOn)}，请核对`, `fields.${key}`);
  };
  if (type === 'correctionOrder') {
    if (!f.immediately && !f.deadlineOn) refuse('改正期限：请填写改正期限，或选择“立即改正”', 'fields.deadlineOn');
    if (!f.immediately) notBefore('deadlineOn', '改正期限');
  }
  if (type === 'rectificationGuidance') notBefore('deadlineOn', '整改完成期限');
  if (type === 'siteRecord') {
    const inspectors = f.inspectors as string[];
    const certs = f.certNos as string[];
    if (certs.length !== inspectors.length) {
      refuse(`执法证号：执法人员有 ${inspectors.length} 名，执法证号有 ${certs.length} 个，请逐一对应填写`, 'fields.certNos');
    }
  }
}

/** The fields as issued: parsed with the type's schema (defaults applied); refuses naming the first field in Chinese. */
export function checkFields(type: NoticeType, raw: Fields, issuedOn: string): Fields {
  const schema = z.object({ fields: noticeFields[type] });
  const parsed = schema.safeParse({ fields: raw });
  if (!parsed.success) {
    const { message, problems } = describeZodError(schema, parsed.error);
    throw new AppError('VALIDATION', `${noticeTypeInfo[type].title}：${message}`, { field: problems[0]?.field, problems });
  }
  const fields = parsed.data.fields as Fields;
  crossCheck(type, fields, issuedOn);
  return fields;
}

/** Best effort for a preview: each field that parses is kept, the others print blank. */
export function draftFields(type: NoticeType, raw: Fields): Fields {
  const shape = noticeFields[type].shape as Record<string, z.ZodType>;
  const out: Fields = {};
  for (const [key, field] of Object.entries(shape)) {
    const own = field.safeParse(raw[key]);
    if (own.success) out[key] = own.data;
    else {
      const fallback = field.safeParse(undefined);
      out[key] = fallback.success ? fallback.data : null;
    }
  }
  return out;
}
