import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check as runCheck } from './harness.js';
import { lintDeprecatedVersion as rule } from '../../../src/core/rules/lint-deprecated-version.js';
import { committedVersion, vmcp, baseSpec } from '../committed-schema.js';

void test('lint-deprecated-version: the CRD deprecationWarning, verbatim, for v1alpha1 only', () => {
  for (const version of ['v1beta1', 'v1alpha1'] as const) {
    const meta = committedVersion(version);
    const object = vmcp(baseSpec(), `toolhive.stacklok.dev/${version}`);
    const found = runCheck(rule, { object, input: object, schema: meta.schema, version, mode: 'crd', ...(meta.deprecationWarning === undefined ? {} : { deprecationWarning: meta.deprecationWarning }) });
    // The warning is the CRD's own text (the `{warning}` slot), so the case asserts that data.
    const expected = version === 'v1alpha1' ? [{ rule: 'lint-deprecated-version', messageId: 'crdWarning', field: null, severity: 'warning', detail: 'toolhive.stacklok.dev/v1alpha1 is deprecated; use v1beta1' }] : [];
    assert.deepEqual(found.map((f) => ({ rule: f.rule, messageId: f.messageId, field: f.field, severity: f.severity, detail: f.detail })), expected);
  }
});
