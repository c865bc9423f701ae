// `npm run schemas`: derives schemas/ from the upstream CRD (upstream/toolhive, vendored; or argv[2]).
// The shipped product reads only the committed output; test/core/schema/generated.test.ts
// regenerates it and fails on any byte of drift.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { renderSchemaFiles } from './schema-output.js';

const crdPath = process.argv[2] ?? new URL('../upstream/toolhive/toolhive.stacklok.dev_virtualmcpservers.yaml', import.meta.url).pathname;
const outDir = new URL('../schemas/', import.meta.url);

mkdirSync(outDir, { recursive: true });
for (const [name, content] of renderSchemaFiles(readFileSync(crdPath, 'utf8'))) {
  const file = new URL(name, outDir);
  writeFileSync(file, content);
  console.log(`wrote ${file.pathname} (${content.length} bytes)`);
}
