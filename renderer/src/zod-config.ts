// Imported first: the page's CSP forbids eval, and zod's compiled parsers would probe for it the
// first time any schema parses (logging a CSP violation), possibly while other modules load.
import { z } from 'zod';

z.config({ jitless: true });
