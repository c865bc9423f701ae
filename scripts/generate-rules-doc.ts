// Writes the README rule table from the registry (src/core/rules), between the `rules` markers.
// CEL messages are read from the committed CRD schema, where their only copy lives.
// Usage: npx tsx scripts/generate-rules-doc.ts   (the README sync test says so when it is stale)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rules } from '../src/core/rules/index.js';
import { celRuleLocations } from '../src/core/rules/cel-rules.js';
import type { CrdVersionSchema, SchemaNode } from '../src/core/schema/types.js';
import { coverageOf, type CoverageStatus } from '../src/policy/index.js';
import { canDisable } from '../src/core/rules/control.js';
import { ruleAnchor } from '../src/cli/rule-reference.js';

const README = new URL('../README.md', import.meta.url);
const SCHEMA = new URL('../schemas/virtualmcpserver.v1beta1.json', import.meta.url);
export const BEGIN = /<!-- BEGIN rules[^>]*-->\n/;
export const END = '<!-- END rules -->';

/** The schema node at a registry path (`spec.config.rateLimiting.tools[*]`). */
function nodeAt(root: SchemaNode, path: string): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const part of path.split('.')) {
    const [name, ...rest] = part.split(/(?=\[\*\]|\{\*\})/);
    node = node?.properties?.[name ?? ''];
    for (const r of rest) node = r === '[*]' ? node?.items : typeof node?.additionalProperties === 'object' ? node.additionalProperties : undefined;
  }
  return node;
}

function celMessages(schema: SchemaNode): Map<string, string> {
  const out = new Map<string, string>();
  for (const loc of celRuleLocations) {
    const v = nodeAt(schema, loc.path)?.['x-kubernetes-validations']?.find((x) => x.rule === loc.rule);
    if (v?.message !== undefined) out.set(loc.id, v.message);
  }
  return out;
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (s: string): string => (s.includes('`') ? `\`\` ${s} \`\`` : `\`${s}\``);

const policyCell: Readonly<Record<CoverageStatus, string>> = { covered: 'yes', 'covered-partly': 'yes (text differs in part)', 'api-server': 'API server', 'not-covered': 'no', 'not-applicable': '-' };

/** The generated section body (without the markers). */
export function renderRulesSection(schema: SchemaNode): string {
  const cel = celMessages(schema);
  const policy = new Map(coverageOf().map((c) => [c.rule, policyCell[c.status]]));
  const rows = rules.map(({ meta: r }) => {
    const texts: string[] = cel.has(r.id) ? [cel.get(r.id)!] : Object.values<string>(r.messages).filter((t) => t !== '');
    const messages = texts.map((t) => cell(code(t))).join('<br>');
    const severity = typeof r.severity === 'string' ? r.severity : `${r.severity.strict} (strict), ${r.severity.crd} (crd)`;
    return `| <a id="${ruleAnchor(r.id)}"></a>\`${r.id}\` | ${r.origin} | ${severity} | ${r.stage} | ${r.modes.join(', ')} | ${policy.get(r.id) ?? '-'} | ${canDisable(r) ? 'yes' : 'no'} | ${cell(r.description)}${messages === '' ? '' : `<br>${messages}`} |`;
  });
  return [
    `${rules.length} rules. Every finding names its rule id. Errors deny (webhook) or fail (CLI exit 1); warnings never do.`,
    'Origins: `input` = the file or its YAML cannot be read as Kubernetes reads it (CLI only), `schema` = the CRD\'s OpenAPI checks and the API server\'s ObjectMeta checks, `cel` = its x-kubernetes-validations rules (message as in the CRD),',
    '`runtime` = what the API server admits but the operator or vMCP rejects (strict mode only; `render-*`: what the renderer cannot turn into config.yaml), `lint` = advice.',
    '`{name}` marks a value filled in; schema-stage texts follow the API server\'s field errors.',
    'policy: whether `vmcp-admission policy` (a ValidatingAdmissionPolicy) enforces the rule; `API server` = the API server does it itself; why not for the rest: `vmcp-admission policy --explain`.',
    '`disable`: whether `--disable ID` may turn the rule off (rules the API server enforces itself cannot be). `vmcp-admission rules ID` explains a rule with a failing example.',
    '',
    '| id | origin | severity | stage | modes | policy | disable | description / message |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

export function loadSchema(): SchemaNode {
  return (JSON.parse(readFileSync(SCHEMA, 'utf8')) as CrdVersionSchema).schema;
}

/** README text with the section replaced; throws when the markers are missing. */
export function withRulesSection(readme: string, section: string): string {
  const begin = BEGIN.exec(readme);
  const end = readme.indexOf(END);
  if (begin === null || end < begin.index) throw new Error('README.md: rules markers not found');
  return readme.slice(0, begin.index + begin[0].length) + section + readme.slice(end);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const readme = readFileSync(README, 'utf8');
  writeFileSync(README, withRulesSection(readme, renderRulesSection(loadSchema())));
  console.log(`README.md: ${rules.length} rules written`);
}
