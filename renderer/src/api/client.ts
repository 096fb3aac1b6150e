// The typed client: method names, inputs and outputs all come from shared/contract.
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract';
import type { ErrorInfo } from '../../../shared/errors';
import { transport } from './transport';

export class ApiError extends Error {
  readonly info: ErrorInfo;
  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'ApiError';
    this.info = info;
  }
}

/** Calls a contract method; resolves to its output or rejects with an ApiError carrying the Chinese message. */
export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await transport.invoke(method, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value as MethodOutput<M>;
}

export const onJobProgress = transport.onJobProgress.bind(transport);
