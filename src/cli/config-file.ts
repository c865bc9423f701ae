// `.vmcp-admission.yaml`: the same options as the flags (mode, disable, fail-on, exclude, output, refs),
// found upward from the working directory or named by --config, checked by a JSON Schema (ajv,
// loaded only when a file exists) with line:column in every error. Flags override it (args.ts).
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { FileOptions } from './args.js';
import { failOnLevels, modes, outputFormats, refsLevels } from './args.js';
import { checkDisable } from '../core/rules/control.js';
import { locate } from './locate.js';

export const configFileName = '.vmcp-admission.yaml';

const stringList = { type: 'array', items: { type: 'string', minLength: 1 } };

/** The config file's JSON Schema (README "Configuration file"). */
export const configFileSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  additionalProperties: false,
  properties: {
    mode: { enum: [...modes] },
    output: { enum: [...outputFormats] },
    'fail-on': { enum: [...failOnLevels] },
    disable: stringList,
    exclude: stringList,
    refs: { enum: [...refsLevels] },
  },
} as const;

export type ConfigFile = { readonly ok: true; readonly path: string | undefined; readonly options: FileOptions } | { readonly ok: false; readonly error: string };

/** The nearest `.vmcp-admission.yaml` from `cwd` up to the root, or undefined. */
export async function findConfigFile(cwd: string): Promise<string | undefined> {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const candidate = join(dir, configFileName);
    if (await stat(candidate).then((s) => s.isFile(), () => false)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

interface SchemaError {
  readonly instancePath: string;
  readonly message?: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
}

function describeError(e: SchemaError): string {
  const where = e.instancePath === '' ? 'the file' : e.instancePath.slice(1).replace(/\/(\d+)(?=\/|$)/g, '[$1]').replace(/\//g, '.');
  if (e.keyword === 'additionalProperties') return `unknown option "${String(e.params.additionalProperty)}"; allowed: ${Object.keys(configFileSchema.properties).join(', ')}`;
  if (e.keyword === 'enum') return `${where} must be one of ${(e.params.allowedValues as string[]).join(', ')}`;
  return `${where} ${e.message ?? 'is invalid'}`;
}

/** The error's instance path as segments (numbers for array positions). */
const segments = (instancePath: string): (string | number)[] =>
  instancePath === '' ? [] : instancePath.slice(1).split('/').map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));

/** Where an unknown key itself starts (locate() points at values). */
function keyOffset(doc: Document.Parsed, parent: (string | number)[], key: string): number | undefined {
  const node: unknown = parent.length === 0 ? doc.contents : doc.getIn(parent, true);
  if (!isMap(node)) return undefined;
  const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  return isScalar(pair?.key) ? pair.key.range?.[0] : undefined;
}

/** Parses and checks a config file's text; `name` is how errors name the file. */
export async function parseConfigFile(text: string, name: string): Promise<ConfigFile> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, version: '1.1', uniqueKeys: true });
  const first = doc.errors[0];
  if (first !== undefined) {
    const pos = lineCounter.linePos(first.pos[0]);
    return { ok: false, error: `${name}:${pos.line}:${pos.col}: yaml: ${first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}` };
  }
  const value: unknown = doc.toJS() ?? {};
  const { Ajv } = await import('ajv');
  const check = new Ajv({ allErrors: false, strict: false }).compile(configFileSchema);
  if (!check(value)) {
    const e = check.errors![0]! as SchemaError;
    const key = e.keyword === 'additionalProperties' ? keyOffset(doc, segments(e.instancePath), String(e.params.additionalProperty)) : undefined;
    const pos = key === undefined ? locate(doc, lineCounter, segments(e.instancePath)) : lineCounter.linePos(key);
    return { ok: false, error: `${name}:${pos.line}:${pos.col}: ${describeError(e)}` };
  }
  return toOptions(value as Record<string, unknown>, name);
}

function toOptions(v: Record<string, unknown>, name: string): ConfigFile {
  const disable = v.disable === undefined ? undefined : checkDisable(v.disable as string[]);
  if (disable !== undefined && !disable.ok) return { ok: false, error: `${name}: ${disable.error.replace(/^--disable/, 'disable:')}` };
  const options = Object.fromEntries(
    Object.entries({ mode: v.mode, output: v.output, failOn: v['fail-on'], disable: disable?.ids, exclude: v.exclude, refs: v.refs }).filter(([, x]) => x !== undefined),
  ) as FileOptions;
  return { ok: true, path: name, options };
}

/** The config file in effect: --config FILE, else the nearest one, else none (`--no-config`: none). */
export async function loadConfigFile(config: string | false | undefined, cwd: string): Promise<ConfigFile> {
  if (config === false) return { ok: true, path: undefined, options: {} };
  const path = config === undefined ? await findConfigFile(cwd) : resolve(cwd, config);
  if (path === undefined) return { ok: true, path: undefined, options: {} };
  const name = config ?? (relative(cwd, path) || configFileName);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    return { ok: false, error: `${name}: cannot read the configuration file${code === 'ENOENT' ? ': no such file' : `: ${String(code ?? err)}`}` };
  }
  return parseConfigFile(text, name);
}
