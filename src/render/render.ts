// Rendering, pure: every VirtualMCPServer in the input is judged by the engine first (CRD
// defaulting, schema, CEL, rules); a denied object is not rendered and its findings are returned.
// An allowed one goes through the config model (step one) and the emitter (step two).
import type { Finding } from '../core/finding.js';
import { report } from '../core/rules/report.js';
import { applyDefaults } from '../core/schema/defaults.js';
import { servedVersionOf, validateObject, type Mode, type SchemaProvider } from '../core/validate.js';
import { buildConfigModel } from './config-model.js';
import { buildConfigMap, type ConfigMapObject } from './configmap.js';
import { emitYaml } from './emit-yaml.js';
import { encodeTyped, type DecodeError } from './encode-typed.js';
import { ObjectIndex, nameOf, namespaceOf, type IssueOf, type Obj, type RenderIssue, type RenderRuleId } from './refs.js';

export interface RenderedConfig {
  /** Position of the VirtualMCPServer in the input objects. */
  readonly index: number;
  readonly name: string;
  readonly namespace: string;
  /** config.yaml, byte-identical to the operator's. */
  readonly configYaml: string;
  readonly configMap: ConfigMapObject;
}

export interface ObjectFindings {
  readonly index: number;
  readonly name: string;
  readonly findings: readonly Finding[];
}

export type RenderResult =
  | { readonly ok: true; readonly outputs: readonly RenderedConfig[]; readonly warnings: readonly ObjectFindings[] }
  | { readonly ok: false; readonly findings: readonly Finding[]; readonly failed: readonly ObjectFindings[] };

export interface RenderOptions {
  readonly mode?: Mode;
}

/** A render issue as a finding: its rule's template filled with its data (the texts live in core/rules/render-rules.ts). */
export function issueFinding<Id extends RenderRuleId>(issue: IssueOf<Id>): Finding {
  return report(issue.rule, issue.messageId, issue.data, { path: issue.path, type: issue.type });
}

/** A value spec.config holds that the operator could not decode, as a render issue under spec.config. */
const decodeIssue = (e: DecodeError): RenderIssue => ({ ...e, path: ['spec', 'config', ...e.path], type: 'Invalid value' });

/** config.yaml for one allowed (defaulted) object, or the reasons it cannot be rendered. */
function renderOne(object: Obj, index: ObjectIndex, toolDefaults: (tool: unknown) => unknown): { yaml: string } | { findings: Finding[] } {
  const model = buildConfigModel(object, index, toolDefaults);
  const encoded = encodeTyped('config.Config', model.config);
  const findings = [...model.issues, ...encoded.errors.map(decodeIssue)].map(issueFinding);
  return findings.length > 0 ? { findings } : { yaml: emitYaml(encoded.node) };
}

/** Applies the CRD's compositeTools item defaults (the same Go type as a definition's spec). */
function compositeToolDefaulter(schemas: SchemaProvider, version: string | undefined): (tool: unknown) => unknown {
  const spec = version === undefined ? undefined : schemas.get(version)?.meta.schema.properties?.spec;
  const item = spec?.properties?.config?.properties?.compositeTools?.items;
  return item === undefined ? (tool) => tool : (tool) => applyDefaults(tool, item);
}

export function renderConfigs(objects: readonly unknown[], schemas: SchemaProvider, options: RenderOptions = {}): RenderResult {
  const index = new ObjectIndex(objects);
  const outputs: RenderedConfig[] = [];
  const failed: ObjectFindings[] = [];
  const warnings: ObjectFindings[] = [];
  objects.forEach((input, i) => {
    const version = servedVersionOf(input, schemas);
    if (version === undefined) return;
    const result = validateObject(input, { mode: options.mode ?? 'strict', schemas });
    const object = result.object as Obj;
    const name = nameOf(input as Obj);
    if (!result.allowed) return void failed.push({ index: i, name, findings: result.findings });
    if (result.findings.length > 0) warnings.push({ index: i, name, findings: result.findings });
    const rendered = renderOne(object, index, compositeToolDefaulter(schemas, version));
    if ('findings' in rendered) return void failed.push({ index: i, name, findings: rendered.findings });
    const namespace = namespaceOf(object);
    outputs.push({ index: i, name, namespace, configYaml: rendered.yaml, configMap: buildConfigMap(name, namespace, rendered.yaml) });
  });
  if (failed.length > 0) return { ok: false, findings: failed.flatMap((f) => f.findings), failed };
  return { ok: true, outputs, warnings };
}
