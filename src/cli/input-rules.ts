// Problems the CLI finds before the engine can judge a document: unreadable or oversized inputs and
// YAML that Kubernetes would not decode. Listed beside the core registry in SARIF and the README.

export interface InputRule {
  readonly id: string;
  readonly description: string;
}

export const inputRules: readonly InputRule[] = [
  { id: 'input-unreadable', description: 'a file, directory or standard input cannot be read' },
  { id: 'input-too-large', description: 'an input is larger than 32 MiB' },
  { id: 'input-not-text', description: 'an input is binary or not UTF-8 text' },
  { id: 'input-no-manifests', description: 'a directory holds no .yaml, .yml or .json file' },
  { id: 'yaml-syntax', description: 'a document is not valid YAML' },
  { id: 'yaml-duplicate-key', description: 'a mapping repeats a key (Kubernetes rejects duplicate keys)' },
  { id: 'yaml-alias-limit', description: 'a document expands more than 100 aliases (alias bomb)' },
  { id: 'yaml-too-deep', description: 'a document nests more than 128 levels deep' },
  { id: 'yaml-document-too-large', description: 'a document has more than 1,000,000 YAML tokens' },
  { id: 'yaml-too-many-documents', description: 'an input holds more than 100,000 documents' },
  { id: 'yaml-not-json', description: 'a number JSON cannot carry (.inf, .nan, 1e400): kubectl cannot convert the document' },
  { id: 'list-item-invalid', description: 'an item of a List document is not an object, or its items are not a list' },
];
