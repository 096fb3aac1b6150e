// Worker threads of the backend: where a worker's module is, and starting it both from the
// built app (out/main/<name>.js) and from the TypeScript sources (tests, tsx).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * A worker's module: `source` (a .ts path relative to `callerUrl`) when running from sources, else
 * the built entry `<name>.js` beside the other entries of out/main; null if it is not there.
 */
export function workerModule(callerUrl: string, source: string, name: string): URL | null {
  if (callerUrl.endsWith('.ts')) return new URL(source, callerUrl);
  // Built, the caller sits in a chunk under out/main/chunks/, or in an entry in out/main/.
  for (const relative of [`../${name}.js`, `./${name}.js`]) {
    const url = new URL(relative, callerUrl);
    if (existsSync(fileURLToPath(url))) return url;
  }
  return null;
}

/** Starts a worker on `module` with `workerData`. */
export function startWorker(module: URL, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  const options = { workerData, ...(resourceLimits ? { resourceLimits } : {}) };
  if (!module.pathname.endsWith('.ts')) return new Worker(module, options);
  // Node 20 does not apply `--import tsx` to a worker's entry module: register tsx, then load it.
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.href)}); });`;
  return new Worker(boot, { ...options, eval: true });
}
