// The image in manifests/: the base keeps the logical name `vmcp-admission` so that
// `kustomize edit set image vmcp-admission=REGISTRY/NAME:TAG` works in the shipped overlays and in a
// user's own overlay of the base; the shipped overlays default to the published image of this
// version; the only writable path of the pod is the image's certificate directory. Rendered with the
// real `kubectl kustomize`; `kustomize edit set image` itself runs when a standalone kustomize is on
// PATH, otherwise the test writes the `images:` entry exactly as that command does.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { kubectlSkip, kustomize as kustomizeBuild } from '../helpers/kubectl.js';
import { runtimeStage } from '../ship/dockerfile.js';
import type { Obj } from './fake-store.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const works = (cmd: string, args: string[]): boolean => {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
const skip = kubectlSkip;
const kustomize = works('kustomize', ['version']);

function render(dir: string): Obj[] {
  const text = kustomizeBuild(dir);
  return parseAllDocuments(text).map((doc) => doc.toJS() as Obj);
}
const container = (objects: Obj[]): Obj => (objects.find((o) => o.kind === 'Deployment')!.spec.template.spec.containers as Obj[])[0]!;

/** `kustomize edit set image NAME=NEWNAME:TAG` in dir: the real command, or the entry it writes. */
function setImage(dir: string, name: string, image: string): void {
  if (kustomize) {
    execFileSync('kustomize', ['edit', 'set', 'image', `${name}=${image}`], { cwd: dir });
    return;
  }
  const file = join(dir, 'kustomization.yaml');
  const k = parse(readFileSync(file, 'utf8')) as { images?: Array<Record<string, string>> };
  const [, newName, newTag] = /^(.*?)(?::([^:/]+))?$/.exec(image)!;
  const entry = { name, newName: newName!, ...(newTag === undefined ? {} : { newTag }) };
  k.images = [...(k.images ?? []).filter((i) => i.name !== name), entry];
  writeFileSync(file, stringify(k));
}

void describe('manifests: image name and certificate directory', { skip }, () => {
  void test('the base keeps the logical image name; the overlays default to this version', () => {
    assert.equal(container(render(join(root, 'manifests/base'))).image, 'vmcp-admission');
    for (const overlay of ['self-managed', 'cert-manager']) {
      assert.equal(container(render(join(root, 'manifests/overlays', overlay))).image, `ghcr.io/vmcp-admission/vmcp-admission:${pkg.version}`, overlay);
    }
  });

  void test(`kustomize edit set image vmcp-admission=... takes effect in a shipped overlay and in an overlay of the base (${kustomize ? 'real kustomize' : 'entry written as kustomize does'})`, () => {
    const tmp = mkdtempSync(join(tmpdir(), 'vmcp-kustomize-'));
    try {
      cpSync(join(root, 'manifests'), join(tmp, 'manifests'), { recursive: true });
      const overlay = join(tmp, 'manifests/overlays/self-managed');
      setImage(overlay, 'vmcp-admission', 'registry.example.com/team/vmcp-admission:1.2.3');
      assert.equal(container(render(overlay)).image, 'registry.example.com/team/vmcp-admission:1.2.3');
      const mine = join(tmp, 'mine');
      mkdirSync(mine);
      writeFileSync(join(mine, 'kustomization.yaml'), 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../manifests/base\n');
      setImage(mine, 'vmcp-admission', 'registry.example.com/vmcp-admission:9.9.9');
      assert.equal(container(render(mine)).image, 'registry.example.com/vmcp-admission:9.9.9');
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  void test("the pod's only writable path is the image's certificate directory (emptyDir; the Secret, read-only, with cert-manager)", () => {
    const certDir = runtimeStage(join(root, 'Dockerfile')).env.VMCP_ADMISSION_CERT_DIR;
    assert.equal(certDir, '/certs');
    const selfManaged = render(join(root, 'manifests/overlays/self-managed')).find((o) => o.kind === 'Deployment')!.spec.template.spec;
    assert.deepEqual(selfManaged.containers[0].volumeMounts, [{ name: 'certs', mountPath: certDir }]);
    assert.deepEqual(selfManaged.volumes, [{ name: 'certs', emptyDir: { medium: 'Memory', sizeLimit: '1Mi' } }]);
    assert.equal(selfManaged.containers[0].securityContext.readOnlyRootFilesystem, true);
    const certManager = render(join(root, 'manifests/overlays/cert-manager')).find((o) => o.kind === 'Deployment')!.spec.template.spec;
    assert.deepEqual(certManager.containers[0].volumeMounts, [{ name: 'certs', mountPath: certDir, readOnly: true }]);
    assert.deepEqual(certManager.volumes, [{ name: 'certs', secret: { secretName: 'vmcp-admission-serving-cert' } }]);
  });
});
