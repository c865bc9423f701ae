// The real `kubectl kustomize`, shared by the manifest tests: whether the client is on PATH (tests skip
// with this reason where it is not) and a kustomization rendered to text.
import { execFileSync } from 'node:child_process';

const found = ((): boolean => {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** `false` when kubectl is there, else the reason to skip (node:test's `skip` option). */
export const kubectlSkip: false | string = found ? false : 'kubectl not found on PATH: install the kubectl client to check that manifests/ renders';

/** `kubectl kustomize DIR`. */
export function kustomize(dir: string): string {
  return execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8', timeout: 30_000 });
}
