// 国务院办公厅部分节假日安排 (rest days and 调休上班 days), shipped in resources/holidays.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHolidayCalendar, HolidayCalendarFile, type HolidayCalendar } from '../../../shared/workdays';
import { resourcesDir } from '../paths';

let calendar: HolidayCalendar | undefined;

/**
 * The official holiday calendar, read and checked once. Without the file every year counts as
 * uncovered, so deadlines still come out (as plain weeks) and carry a warning; a damaged file
 * throws, because wrong dates would shift deadlines without anyone noticing.
 */
export function holidayCalendar(): HolidayCalendar {
  if (!calendar) {
    const file = join(resourcesDir(), 'holidays', 'cn-holidays.json');
    if (!existsSync(file)) {
      calendar = createHolidayCalendar({ years: [] });
    } else {
      const parsed = HolidayCalendarFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        throw new Error(`节假日安排文件 ${file} 有误：${first?.path.join('.') ?? ''} ${first?.message ?? ''}`.trim());
      }
      calendar = createHolidayCalendar(parsed.data);
    }
  }
  return calendar;
}
