// A notice form's starting point: the fields prefilled from the dossier record, the party block
// as it will print, and what to check before issuing.
import type { z } from 'zod';
import { noticeTypeInfo, type NoticeDraft, type NoticePrepareInput } from '../../../shared/notice';
import type { Core } from '../core';
import { loadSource, officeOrNull, OFFICE_MISSING, partyOf } from './model';
import { prefillFields } from './prefill';

/** The draft of a notice of `input.type` for the enterprise (and record): read-only, nothing is numbered. */
export function prepareNotice(core: Core, input: z.output<typeof NoticePrepareInput>): NoticeDraft {
  const source = loadSource(core.sqlite, input);
  const office = officeOrNull(core);
  const { party, warnings } = partyOf(source.enterprise);
  if (!office) warnings.unshift(OFFICE_MISSING);
  return {
    type: input.type,
    title: noticeTypeInfo[input.type].title,
    fields: prefillFields(core.sqlite, input.type, source, office),
    party,
    warnings,
  };
}
