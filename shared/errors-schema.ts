import { z } from 'zod';
import { errorCodes, type ErrorCode as Code } from './errors';

export const ErrorCode = z.enum(Object.keys(errorCodes) as [Code, ...Code[]]);
