// Administrative divisions (行政区划, GB/T 2260) as offered in the UI.
import { z } from 'zod';

export interface DivisionNode {
  code: string;
  name: string;
  children?: DivisionNode[];
}

export const DivisionNode: z.ZodType<DivisionNode> = z.lazy(() =>
  z.object({ code: z.string(), name: z.string(), children: z.array(DivisionNode).optional() }),
);

export const Township = z.object({ code: z.string(), name: z.string() });
export type Township = z.infer<typeof Township>;
