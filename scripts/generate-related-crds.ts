// `npx tsx scripts/generate-related-crds.ts`: schemas/related-crds.json — the vendored CRDs of the kinds a
// VirtualMCPServer refers to (upstream/toolhive/crds/), description prose stripped, one compact JSON
// file keyed by kind. `validate --refs` compiles the ones a run needs (src/relations/crds/vendored.ts);
// shipped in the package and the image instead of the YAML files (a fraction of their size).
// test/relations/related-crds.test.ts checks the file is what this script writes.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { stripDescriptions } from '../src/core/schema/convert-crd.js';
import { relatedKinds } from '../src/relations/kinds.js';

const root = fileURLToPath(new URL('../', import.meta.url));
export const relatedCrdsPath = `${root}schemas/related-crds.json`;

export function relatedCrdsText(): string {
  const out: Record<string, unknown> = {};
  for (const k of relatedKinds) {
    if (k.crdFile === undefined) continue;
    out[k.kind] = stripDescriptions(parse(readFileSync(`${root}upstream/toolhive/crds/${k.crdFile}`, 'utf8')));
  }
  return `${JSON.stringify(out)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(relatedCrdsPath, relatedCrdsText());
  console.log(`${relatedCrdsPath}: written`);
}
