// The office (本局) settings: who we are, which county we serve, how our document numbers begin.
import { z } from 'zod';

export const countyCode = z
  .string()
  .regex(/^\d{6}$/, '应为 6 位数字的县级行政区划代码')
  .describe('所在县（区）');

export const OfficeSettings = z.object({
  name: z.string().trim().min(2).max(60).describe('单位名称'),
  countyCode,
  countyName: z.string().describe('所在县（区）'),
  /** 发文机关代字, e.g. 岳君市监 as in 岳君市监责改〔2026〕12号. */
  docAbbrev: z
    .string()
    .trim()
    .min(2)
    .max(12)
    .regex(/^[\u4e00-\u9fa5]+$/, '只能是汉字，如「岳君市监」')
    .describe('文号代字'),
});
export type OfficeSettings = z.infer<typeof OfficeSettings>;

/** What the clerk submits; the county name is looked up from the division code. */
export const OfficeSettingsInput = OfficeSettings.omit({ countyName: true });
export type OfficeSettingsInput = z.infer<typeof OfficeSettingsInput>;
