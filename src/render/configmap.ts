// The ConfigMap the operator writes (upstream-behaviour §c.2): `<name>-vmcp-config` in the CR's namespace, three
// `.io` labels, data config.yaml, and the content checksum annotation = lowercase hex SHA-256 over
// sorted data keys+values, then sorted label keys+values, no separators.
import * as crypto from 'node:crypto';
import { YamlMap, type YamlNode } from './yaml-node.js';

export const CHECKSUM_ANNOTATION = 'toolhive.stacklok.dev/content-checksum';

export interface ConfigMapObject {
  readonly apiVersion: 'v1';
  readonly kind: 'ConfigMap';
  readonly metadata: {
    readonly name: string;
    readonly namespace: string;
    readonly labels: Readonly<Record<string, string>>;
    readonly annotations: Readonly<Record<string, string>>;
  };
  readonly data: Readonly<Record<string, string>>;
}

export function configMapName(vmcpName: string): string {
  return `${vmcpName}-vmcp-config`;
}

export function vmcpConfigLabels(vmcpName: string): Record<string, string> {
  return {
    'toolhive.stacklok.io/component': 'vmcp-config',
    'toolhive.stacklok.io/virtual-mcp-server': vmcpName,
    'toolhive.stacklok.io/managed-by': 'toolhive-operator',
  };
}

/** UTF-16 order differs from UTF-8 byte order only where a surrogate pair meets U+E000..U+FFFF. */
const SURROGATE = /[\uD800-\uDFFF]/;

/** Go sort.Strings order: byte-wise on UTF-8 (the usual keys are ASCII: no Buffers needed). */
const byteOrder = (a: string, b: string): number => {
  if (SURROGATE.test(a) || SURROGATE.test(b)) return Buffer.compare(Buffer.from(a), Buffer.from(b));
  return a < b ? -1 : a > b ? 1 : 0;
};

/** One-shot sha256 (crypto.hash, Node >= 20.12) avoids building a Hash stream per render. */
const sha256Hex = (text: string): string =>
  typeof crypto.hash === 'function' ? crypto.hash('sha256', text, 'hex') : crypto.createHash('sha256').update(text).digest('hex');

export function contentChecksum(data: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>): string {
  let text = '';
  for (const key of Object.keys(data).sort(byteOrder)) text += key + data[key]!;
  for (const key of Object.keys(labels).sort(byteOrder)) text += key + labels[key]!;
  return sha256Hex(text);
}

export function buildConfigMap(vmcpName: string, namespace: string, configYaml: string): ConfigMapObject {
  const data = { 'config.yaml': configYaml };
  const labels = vmcpConfigLabels(vmcpName);
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: configMapName(vmcpName), namespace, labels, annotations: { [CHECKSUM_ANNOTATION]: contentChecksum(data, labels) } },
    data,
  };
}

const strings = (r: Readonly<Record<string, string>>): YamlMap => new YamlMap(Object.entries(r));

/** The ConfigMap as emitter data (fields in the order kubectl users expect). */
export function configMapNode(cm: ConfigMapObject): YamlNode {
  const m = cm.metadata;
  const metadata = new YamlMap([['name', m.name], ['namespace', m.namespace], ['labels', strings(m.labels)], ['annotations', strings(m.annotations)]]);
  return new YamlMap([['apiVersion', cm.apiVersion], ['kind', cm.kind], ['metadata', metadata], ['data', strings(cm.data)]]);
}
