import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeXml, formatJunit } from '../../../src/cli/formatters/junit.js';
import { sampleReport } from './sample-report.js';

void test('XML escaping: the five specials, CR as a reference, characters XML cannot carry replaced', () => {
  assert.equal(escapeXml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  assert.equal(escapeXml('a\r\nb\tc\u0000d\u001be\uD800f'), 'a&#13;\nb\tc\uFFFDd\uFFFDe\uFFFDf');
  assert.equal(escapeXml('emoji \u{1F600} stays'), 'emoji \u{1F600} stays');
});

void test('one testcase per document; failure for denied, error for unreadable, skipped for other kinds', () => {
  const xml = formatJunit(sampleReport);
  assert.equal(xml.match(/<testcase /g)?.length, sampleReport.documents.length);
  assert.equal(xml.match(/<failure /g)?.length, 1);
  assert.equal(xml.match(/<error /g)?.length, 1);
  assert.equal(xml.match(/<skipped /g)?.length, 1);
  assert.match(xml, /<testsuites name="vmcp-admission validate" tests="5" failures="1" errors="1" skipped="1">/);
  // Well-formed enough for any consumer: no raw specials outside markup, no control characters.
  const text = xml.replace(/<[^>]*>/g, '');
  assert.doesNotMatch(text, /[<>]|&(?!(amp|lt|gt|quot|apos|#13);)/);
  // eslint-disable-next-line no-control-regex
  assert.doesNotMatch(xml, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
});

void test('an object from a List document is named by its item', () => {
  const [first] = sampleReport.documents;
  const xml = formatJunit({ ...sampleReport, documents: [{ ...first!, item: 3 }] });
  assert.match(xml, /name="document 0 item 3 /);
});
