// Test helper: the committed structural schema (schemas/), read via fs like any test fixture.
import { readFileSync } from 'node:fs';
import type { CrdVersionSchema } from '../../src/core/schema/types.js';

export function committedVersion(version: 'v1beta1' | 'v1alpha1'): CrdVersionSchema {
  const url = new URL(`../../schemas/virtualmcpserver.${version}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as CrdVersionSchema;
}

/** A minimal VirtualMCPServer around a spec. */
export function vmcp(spec: Record<string, unknown>, apiVersion = 'toolhive.stacklok.dev/v1beta1'): Record<string, unknown> {
  return { apiVersion, kind: 'VirtualMCPServer', metadata: { name: 'demo', namespace: 'default' }, spec };
}

export const baseSpec = (): Record<string, unknown> => ({ groupRef: { name: 'backends' }, incomingAuth: { type: 'anonymous' } });
