import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annotationKeyErrors, dns1123SubdomainErrors, labelValueErrors, qualifiedNameErrors } from '../../../src/core/rules/k8s-names.js';

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

/** The regex a message prints, anchored: the checks must accept exactly what it accepts. */
const printedRegex = (message: string): RegExp => new RegExp(`^(?:${/regex used for validation is '(.*)'\)$/.exec(message)![1]})$`);

void test('the character checks accept exactly what the printed regexes accept', () => {
  const [nameRe, valueRe, subdomainRe] = [printedRegex(qualified), printedRegex(labelValue), printedRegex(subdomain)];
  const alphabet = ['a', 'Z', '0', '9', '-', '_', '.', 'é', ' '];
  let seed = 7;
  const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let n = 0; n < 5000; n++) {
    const s = Array.from({ length: Math.floor(random() * 7) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    assert.equal(!qualifiedNameErrors(s).includes(`name part ${qualified}`), nameRe.test(s), JSON.stringify(s));
    assert.equal(!labelValueErrors(s).includes(labelValue), valueRe.test(s), JSON.stringify(s));
    assert.equal(!dns1123SubdomainErrors(s).includes(subdomain), subdomainRe.test(s), JSON.stringify(s));
  }
});

void test('multi-megabyte input is checked in linear time, without a regex stack overflow', () => {
  assert.deepEqual(dns1123SubdomainErrors(`${'ab.'.repeat(1_048_573)}!`), ['must be no more than 253 characters', subdomain]);
  assert.deepEqual(qualifiedNameErrors(`${'a'.repeat(3_000_000)}!`), ['name part must be no more than 63 characters', `name part ${qualified}`]);
});

void test('annotation keys are lower-cased rune by rune as Go does', () => {
  assert.deepEqual(annotationKeyErrors('Example.COM/Note'), []);
  assert.deepEqual(annotationKeyErrors('\u0130'), []); // Go: "i"; JavaScript's toLowerCase would give "i\u0307"
  assert.deepEqual(annotationKeyErrors('\u0130'.repeat(40)), []);
  assert.deepEqual(annotationKeyErrors('note!'), [`name part ${qualified}`]);
});
