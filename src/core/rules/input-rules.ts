// Problems found before the engine can judge a document: unreadable or oversized inputs and YAML that
// Kubernetes would not decode. The CLI reports them (origin `input`); the texts live here, once.
import { defineRule, type Rule } from './rule.js';

const inputRule = <const Id extends string, M extends string>(id: Id, description: string, messages: Readonly<Record<M, string>>): Rule<Id, M> =>
  defineRule({ id, origin: 'input', severity: 'error', stage: 'input', modes: ['crd', 'strict'], description, messages });

export const inputRules = [
  inputRule('input-unreadable', 'a file, directory or standard input cannot be read', {
    noSuchFile: 'cannot read: no such file or directory',
    permissionDenied: 'cannot read: permission denied',
    unreadable: 'cannot read: {error}',
    stdin: 'cannot read standard input: {error}',
  }),
  inputRule('input-too-large', 'an input is larger than 32 MiB', {
    file: 'file is larger than {limit}',
    stdin: 'input is larger than {limit}',
  }),
  inputRule('input-not-text', 'an input is binary or not UTF-8 text (UTF-16 with a byte order mark is read)', {
    binary: 'binary data (NUL byte), not a YAML or JSON text',
    notUtf8: 'not valid UTF-8 text',
    notUtf16: 'not valid UTF-16 text although it starts with a UTF-16 byte order mark; convert it to UTF-8',
  }),
  inputRule('input-no-manifests', 'a directory holds no .yaml, .yml or .json file', { noManifests: 'directory contains no .yaml, .yml or .json files' }),
  inputRule('yaml-syntax', 'a document is not valid YAML', { syntax: 'yaml: {error}' }),
  inputRule('yaml-duplicate-key', 'a mapping repeats a key (Kubernetes rejects duplicate keys)', { duplicate: 'yaml: duplicate key {key}' }),
  inputRule('yaml-alias-limit', 'a document expands more than 100 aliases (alias bomb)', { aliases: 'yaml: more than {limit} alias expansions; refusing a possible alias bomb' }),
  inputRule('yaml-too-deep', 'a document nests more than 128 levels deep', {
    tooDeep: 'yaml: nesting too deep (more than {limit} levels of indentation or nested collections)',
    aliasDepth: 'yaml: aliases nest the data more than {limit} levels deep',
  }),
  inputRule('yaml-document-too-large', 'a document has more than 1,000,000 YAML tokens', { tooLarge: 'yaml: document too large (more than {limit} YAML tokens)' }),
  inputRule('yaml-too-many-documents', 'an input holds more than 100,000 documents', { tooMany: 'yaml: more than {limit} documents in one input; the rest is not read' }),
  inputRule('yaml-not-json', 'a number JSON cannot carry (.inf, .nan, 1e400): kubectl cannot convert the document', { notJson: 'yaml: {value} is not a finite number; kubectl and the API server cannot carry it in JSON' }),
  inputRule('list-item-invalid', 'an item of a List document is not an object, or its items are not a list', {
    notObject: '{item}: must be an object, got {type}',
    kindMissing: "{item}: Object 'Kind' is missing",
    itemsNotList: 'items: must be a list of objects, got {type}',
  }),
];
