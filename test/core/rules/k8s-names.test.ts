import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dns1123SubdomainErrors, labelValueErrors, qualifiedNameErrors } from '../../../src/core/rules/k8s-names.js';

// The API server's texts, written out in full (apimachinery's double space after each example included).
const qualified = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const subdomain = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const labelValue = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

void test('qualified names: [prefix/]name, prefix a DNS-1123 subdomain, name at most 63 characters', () => {
  for (const ok of ['app', 'MyName', 'my.name', '123-abc', 'app.kubernetes.io/name', 'a/B_c', 'x'.repeat(63)]) assert.deepEqual(qualifiedNameErrors(ok), [], ok);
  assert.deepEqual(qualifiedNameErrors('bad key'), [`name part ${qualified}`]);
  assert.deepEqual(qualifiedNameErrors('-app'), [`name part ${qualified}`]);
  assert.deepEqual(qualifiedNameErrors('x'.repeat(64)), ['name part must be no more than 63 characters']);
  assert.deepEqual(qualifiedNameErrors('/name'), ['prefix part must be non-empty']);
  assert.deepEqual(qualifiedNameErrors('example.com/'), ['name part must be non-empty', `name part ${qualified}`]);
  assert.deepEqual(qualifiedNameErrors('Example.com/name'), [`prefix part ${subdomain}`]);
  assert.deepEqual(qualifiedNameErrors(`${'a'.repeat(254)}/name`), ['prefix part must be no more than 253 characters']);
  assert.deepEqual(qualifiedNameErrors('a/b/c'), [`a valid label key ${qualified} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`]);
});

void test('label values: empty, or a qualified name part of at most 63 bytes', () => {
  for (const ok of ['', 'v1', 'my_value', '12345', 'A.b-C', 'x'.repeat(63)]) assert.deepEqual(labelValueErrors(ok), [], ok);
  assert.deepEqual(labelValueErrors('has space'), [labelValue]);
  assert.deepEqual(labelValueErrors('trailing-'), [labelValue]);
  assert.deepEqual(labelValueErrors('x'.repeat(64)), ['must be no more than 63 characters']);
  // 32 × "é" is 32 UTF-16 units but 64 bytes: Go counts bytes.
  assert.deepEqual(labelValueErrors('é'.repeat(32)), ['must be no more than 63 characters', labelValue]);
});

void test('DNS-1123 subdomains: length in bytes first, then the format', () => {
  assert.deepEqual(dns1123SubdomainErrors('team-tools.example'), []);
  assert.deepEqual(dns1123SubdomainErrors('Team'), [subdomain]);
  assert.deepEqual(dns1123SubdomainErrors('a'.repeat(254)), ['must be no more than 253 characters']);
});
