// THE table of texts: one row per message of every registry rule — {rule, messageId, data, text} with the
// full text written out (the API server's, the operator's or vMCP's wording, or this tool's own) — and
// `fill(template, data)` must give exactly that text. Rule tests assert only {rule, messageId, field};
// this is the one place a whole text is asserted. A second test makes the table cover every
// (rule, messageId) of the registry exactly once, so a new message without a row fails. The CEL rules
// share one messages object (`celMessages`: the API server's texts around a CRD rule, whose own message
// stays in the CRD), covered once under `cel-ratelimit-requires-redis`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rules, ruleById } from '../../../src/core/rules/index.js';
import { celMessages } from '../../../src/core/rules/cel-rules.js';
import type { MessageData } from '../../../src/core/rules/rule.js';
import { fill } from '../../../src/core/rules/template.js';

type Row = readonly [rule: string, messageId: string, data: MessageData, text: string];

/** The rule whose row stands for the shared CEL messages table. */
const CEL_ROW_RULE = 'cel-ratelimit-requires-redis';

const rows: readonly Row[] = [
  ['input-unreadable', 'noSuchFile', {}, 'cannot read: no such file or directory'],
  ['input-unreadable', 'permissionDenied', {}, 'cannot read: permission denied'],
  ['input-unreadable', 'unreadable', { error: 'EISDIR: illegal operation on a directory' }, 'cannot read: EISDIR: illegal operation on a directory'],
  ['input-unreadable', 'stdin', { error: 'EAGAIN: resource temporarily unavailable' }, 'cannot read standard input: EAGAIN: resource temporarily unavailable'],
  ['input-too-large', 'file', { limit: '32 MiB' }, 'file is larger than 32 MiB'],
  ['input-too-large', 'stdin', { limit: '32 MiB' }, 'input is larger than 32 MiB'],
  ['input-not-text', 'binary', {}, 'binary data (NUL byte), not a YAML or JSON text'],
  ['input-not-text', 'notUtf8', {}, 'not valid UTF-8 text'],
  ['input-not-text', 'notUtf16', {}, 'not valid UTF-16 text although it starts with a UTF-16 byte order mark; convert it to UTF-8'],
  ['input-no-manifests', 'noManifests', {}, 'directory contains no .yaml, .yml or .json files'],
  ['yaml-syntax', 'syntax', { error: 'line 3: mapping values are not allowed in this context' }, 'yaml: line 3: mapping values are not allowed in this context'],
  ['yaml-duplicate-key', 'duplicate', { key: '"rateLimiting"' }, 'yaml: duplicate key "rateLimiting"'],
  ['yaml-alias-limit', 'aliases', { limit: 10000 }, 'yaml: more than 10000 alias expansions; refusing a possible alias bomb'],
  ['yaml-too-deep', 'tooDeep', { limit: 100 }, 'yaml: nesting too deep (more than 100 levels of indentation or nested collections)'],
  ['yaml-too-deep', 'aliasDepth', { limit: 100 }, 'yaml: aliases nest the data more than 100 levels deep'],
  ['yaml-document-too-large', 'tooLarge', { limit: 1000000 }, 'yaml: document too large (more than 1000000 YAML tokens)'],
  ['yaml-too-many-documents', 'tooMany', { limit: 1000 }, 'yaml: more than 1000 documents in one input; the rest is not read'],
  ['yaml-not-json', 'notJson', { value: '.inf' }, 'yaml: .inf is not a finite number; kubectl and the API server cannot carry it in JSON'],
  ['list-item-invalid', 'notObject', { item: 'items[2]', type: 'string' }, 'items[2]: must be an object, got string'],
  ['list-item-invalid', 'kindMissing', { item: 'items[0]' }, "items[0]: Object 'Kind' is missing"],
  ['list-item-invalid', 'itemsNotList', { type: 'object' }, 'items: must be a list of objects, got object'],
  ['document-not-a-mapping', 'notMapping', { actual: 'a list' }, 'a VirtualMCPServer document must be a mapping (apiVersion, kind, metadata, spec), not a list'],
  ['document-kind', 'wrongKind', { kind: '"MCPServer"', group: 'toolhive.stacklok.dev' }, 'kind "MCPServer" is not checked here: expected kind VirtualMCPServer (apiVersion toolhive.stacklok.dev/<version>)'],
  ['document-unserved-version', 'unserved', { apiVersion: '"toolhive.stacklok.dev/v1"', served: 'toolhive.stacklok.dev/v1alpha1, toolhive.stacklok.dev/v1beta1' }, 'no matches for kind "VirtualMCPServer" in version "toolhive.stacklok.dev/v1": served versions are toolhive.stacklok.dev/v1alpha1, toolhive.stacklok.dev/v1beta1'],
  ['schema-unknown-field', 'unknown', { field: 'spec.config.ratelimiting' }, 'unknown field "spec.config.ratelimiting"'],
  ['schema-required', 'required', {}, ''],
  ['schema-enum', 'supported', { values: '"memory", "redis"' }, 'supported values: "memory", "redis"'],
  ['schema-enum', 'none', {}, ''],
  ['schema-type', 'type', { field: 'spec.config.rateLimiting.shared.maxTokens', expected: 'integer', actual: 'string' }, 'spec.config.rateLimiting.shared.maxTokens in body must be of type integer: string'],
  ['schema-type', 'anyOf', { field: 'spec.replicas' }, 'spec.replicas must validate at least one schema (anyOf)'],
  ['schema-type', 'oneOf', { field: 'spec.replicas' }, 'spec.replicas must validate one and only one schema (oneOf)'],
  ['schema-type', 'not', { field: 'spec.replicas' }, 'spec.replicas must not validate the schema (not)'],
  ['schema-range', 'minimum', { field: 'spec.config.rateLimiting.shared.maxTokens', limit: 1 }, 'spec.config.rateLimiting.shared.maxTokens in body should be greater than or equal to 1'],
  ['schema-range', 'exclusiveMinimum', { field: 'spec.replicas', limit: 0 }, 'spec.replicas in body should be greater than 0'],
  ['schema-range', 'maximum', { field: 'spec.replicas', limit: 100 }, 'spec.replicas in body should be less than or equal to 100'],
  ['schema-range', 'exclusiveMaximum', { field: 'spec.replicas', limit: 100 }, 'spec.replicas in body should be less than 100'],
  ['schema-range', 'multipleOf', { field: 'spec.replicas', limit: 2 }, 'spec.replicas in body should be a multiple of 2'],
  ['schema-length', 'minLength', { field: 'spec.config.rateLimiting.tools[0].name', limit: 1 }, 'spec.config.rateLimiting.tools[0].name in body should be at least 1 chars long'],
  ['schema-length', 'maxLength', { limit: 253 }, 'may not be more than 253 bytes'],
  ['schema-items', 'minItems', { field: 'spec.config.rateLimiting.tools', limit: 1 }, 'spec.config.rateLimiting.tools in body should have at least 1 items'],
  ['schema-items', 'maxItems', { limit: 64 }, 'must have at most 64 items'],
  ['schema-properties', 'minProperties', { field: 'spec.config.optimizer.embeddingHeaders', limit: 1 }, 'spec.config.optimizer.embeddingHeaders in body should have at least 1 properties'],
  ['schema-properties', 'maxProperties', { limit: 16 }, 'must have at most 16 items'],
  ['schema-pattern', 'pattern', { field: 'spec.config.rateLimiting.shared.refillPeriod', pattern: '^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$' }, "spec.config.rateLimiting.shared.refillPeriod in body should match '^([0-9]+(\\.[0-9]+)?(ns|us|µs|ms|s|m|h))+$'"],
  ['schema-format', 'format', { field: 'spec.incomingAuth.oidcConfigRef.audience', format: 'uri', value: '"not a uri"' }, 'spec.incomingAuth.oidcConfigRef.audience in body must be of type uri: "not a uri"'],
  ['schema-duplicate', 'duplicate', {}, ''],
  ['schema-duplicate', 'mapItemNotObject', {}, 'must be an object for an array of list-type map'],
  ['schema-duplicate', 'mapKeyNotScalar', {}, 'must be a scalar value for a map key'],
  ['metadata-name', 'required', {}, 'name or generateName is required'],
  ['metadata-name', 'length', {}, 'must be no more than 253 characters'],
  ['metadata-name', 'format', {}, "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"],
  ['metadata-string-maps', 'notString', {}, 'must be a string: labels and annotations are maps of strings (quote the value in YAML)'],
  ['metadata-string-maps', 'notMap', {}, 'must be a map of strings'],
  ['metadata-labels-annotations', 'slashes', {}, "a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"],
  ['metadata-labels-annotations', 'prefixEmpty', {}, 'prefix part must be non-empty'],
  ['metadata-labels-annotations', 'prefixLength', {}, 'prefix part must be no more than 253 characters'],
  ['metadata-labels-annotations', 'prefixFormat', {}, "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"],
  ['metadata-labels-annotations', 'nameEmpty', {}, 'name part must be non-empty'],
  ['metadata-labels-annotations', 'nameLength', {}, 'name part must be no more than 63 characters'],
  ['metadata-labels-annotations', 'nameFormat', {}, "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"],
  ['metadata-labels-annotations', 'labelValueLength', {}, 'must be no more than 63 characters'],
  ['metadata-labels-annotations', 'labelValueFormat', {}, "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"],
  ['metadata-labels-annotations', 'annotationsSize', { limit: 262144 }, 'may not be more than 262144 bytes'],
  ['cel-not-checked', 'notChecked', {}, 'some validation rules were not checked because the object was invalid; correct the existing errors to complete validation'],
  ['cel-ratelimit-requires-redis', 'failed', { message: "config.rateLimiting requires sessionStorage with provider 'redis'" }, "config.rateLimiting requires sessionStorage with provider 'redis'"],
  ['cel-ratelimit-requires-redis', 'failedRule', { rule: "!has(self.config) || !has(self.config.rateLimiting) || (has(self.sessionStorage) && self.sessionStorage.provider == 'redis')" }, "failed rule: !has(self.config) || !has(self.config.rateLimiting) || (has(self.sessionStorage) && self.sessionStorage.provider == 'redis')"],
  ['cel-ratelimit-requires-redis', 'duplicate', {}, ''],
  ['cel-ratelimit-requires-redis', 'compile', { error: "compilation failed: ERROR: <input>:1:6: undeclared reference to 'x'" }, "compilation failed: ERROR: <input>:1:6: undeclared reference to 'x'"],
  ['cel-ratelimit-requires-redis', 'noOverload', { rule: "self.maxTokens > '1'" }, "'no such overload': call arguments did not match a supported operator, function or macro signature for rule: self.maxTokens > '1'"],
  ['cel-ratelimit-requires-redis', 'evaluation', { error: 'no such key: allowedDelegateClients', rule: 'allowMayAct must not be enabled when allowedDelegateClients contains the wildcard "*"' }, 'no such key: allowedDelegateClients evaluating rule: allowMayAct must not be enabled when allowedDelegateClients contains the wildcard "*"'],
  ['runtime-refill-period-duration', 'invalid', { duration: '"one minute"' }, 'time: invalid duration "one minute"'],
  ['runtime-refill-period-duration', 'missingUnit', { duration: '"60"' }, 'time: missing unit in duration "60"'],
  ['runtime-refill-period-duration', 'unknownUnit', { unit: '"d"', duration: '"1d"' }, 'time: unknown unit "d" in duration "1d"'],
  ['runtime-refill-period-positive', 'positive', { bucket: 'tool "search" perUser bucket', duration: '-500ms' }, 'tool "search" perUser bucket: refillPeriod must be positive, got -500ms'],
  ['runtime-max-tokens-int32', 'range', { bucket: 'shared bucket', value: 2147483648 }, 'shared bucket: maxTokens 2147483648 does not fit in int32 (maximum 2147483647); the operator cannot decode it'],
  ['runtime-int32-range', 'range', { value: 2147483648, min: -2147483648, max: 2147483647 }, '2147483648 does not fit in int32 (-2147483648 to 2147483647); the operator cannot decode it'],
  ['runtime-config-unknown-key', 'suggest', { key: '"ratelimiting"', suggestion: '"rateLimiting"' }, 'unknown field "ratelimiting": the operator drops it silently; did you mean "rateLimiting"?'],
  ['runtime-config-unknown-key', 'plain', { key: '"zzz"' }, 'unknown field "zzz": the operator drops it silently'],
  ['runtime-health-check-timeout', 'order', { timeout: '1m30s', interval: '1m0s' }, 'healthCheckTimeout (1m30s) must be less than healthCheckInterval (1m0s) to prevent checks from queuing up'],
  ['runtime-health-check-timeout', 'orderDefaulted', { timeout: '10s', interval: '5s', default: '10s' }, 'healthCheckTimeout (10s) must be less than healthCheckInterval (5s) to prevent checks from queuing up (healthCheckTimeout is not set, so the CRD default 10s applies)'],
  ['runtime-unhealthy-threshold', 'positive', {}, 'unhealthyThreshold must be positive'],
  ['lint-deprecated-version', 'crdWarning', { warning: 'toolhive.stacklok.dev/v1alpha1 is deprecated; use v1beta1' }, 'toolhive.stacklok.dev/v1alpha1 is deprecated; use v1beta1'],
  ['lint-bucket-never-binds', 'full', { tokens: 100, rate: '1.67', other: 'shared', otherTokens: 10, otherRate: '0.167' }, 'never binds: 100 tokens, 1.67/s vs shared 10 tokens, 0.167/s (tighter, always applies)'],
  ['lint-bucket-never-binds', 'short', { tokens: 6, rate: '0.1', other: 'tool shared', otherTokens: 5, otherRate: '0.0833' }, 'never binds: 6 tokens, 0.1/s vs tool shared 5 tokens, 0.0833/s'],
  ['lint-refill-rate-implausible', 'short', { period: '60ms', tokens: 100, rate: '1670' }, '60ms is under 1s (100 tokens, 1670/s): likely a unit mistake'],
  ['lint-refill-rate-implausible', 'long', { period: '60h0m0s', tokens: 10, rate: '4.63e-5' }, '60h0m0s is over 24h (10 tokens, 4.63e-5/s): likely a unit mistake'],
  ['lint-refill-rate-implausible', 'fast', { rate: '16700', tokens: 1000000, period: '1m0s' }, '16700 tokens/s (1000000 per 1m0s) is over 1000/s: likely a unit mistake'],
  ['lint-refill-rate-implausible', 'compact', { period: '1m0s', tokens: '1e+6', rate: '16700' }, '1m0s for 1e+6 tokens is 16700/s: likely a unit mistake'],
  ['lint-refill-rate-implausible', 'tiny', { period: '2562047h47m16.854775807s', rate: '0.233' }, '2562047h47m16.854775807s: 0.233/s, likely a unit mistake'],
  ['lint-config-session-storage-ignored', 'ignored', {}, 'ignored by the operator; vMCP sessions and rate limits use spec.sessionStorage'],
  ['ref-missing', 'groupRef', {namespace: "team-a",name: "x"}, "MCPGroup team-a/x not found: the operator sets phase Failed, condition GroupRefValidated=False (GroupRefNotFound: \"Referenced MCPGroup x not found\") and deploys nothing until it exists"],
  ['ref-missing', 'oidcConfigRef', {namespace: "team-a",name: "x"}, "MCPOIDCConfig team-a/x not found: the operator sets condition OIDCConfigRefValidated=False (OIDCConfigRefNotFound: \"MCPOIDCConfig x not found\") and writes no vMCP config until it exists"],
  ['ref-missing', 'authzConfigRef', {namespace: "team-a",name: "x"}, "MCPAuthzConfig team-a/x not found: the operator sets condition AuthzConfigRefValidated=False (AuthzConfigRefNotFound: \"MCPAuthzConfig x not found\") and writes no vMCP config until it exists"],
  ['ref-missing', 'authzConfigMap', {namespace: "team-a",name: "x"}, "ConfigMap team-a/x not found: the operator sets condition AuthConfigured=False (AuthzConfigMapNotFound: \"Authorization ConfigMap is invalid: failed to get Authz ConfigMap team-a/x\") and retries"],
  ['ref-missing', 'externalAuthConfigRef', {namespace: "team-a",name: "x"}, "MCPExternalAuthConfig team-a/x not found: the operator cannot convert the outgoing auth (\"failed to get MCPExternalAuthConfig team-a/x\"), sets no condition and writes no vMCP config until it exists"],
  ['ref-missing', 'telemetryConfigRef', {namespace: "team-a",name: "x"}, "MCPTelemetryConfig team-a/x not found: the operator sets condition TelemetryConfigRefValidated=False (TelemetryConfigRefNotFound: \"MCPTelemetryConfig x not found\") and retries"],
  ['ref-missing', 'embeddingServerRef', {namespace: "team-a",name: "x"}, "EmbeddingServer team-a/x not found: the operator sets phase Failed, condition EmbeddingServerReady=False (EmbeddingServerNotFound: \"Referenced EmbeddingServer x not found\") and retries"],
  ['ref-missing', 'compositeToolRef', {namespace: "team-a",name: "x"}, "VirtualMCPCompositeToolDefinition team-a/x not found: the operator sets phase Failed, condition CompositeToolRefsValidated=False (CompositeToolRefNotFound: \"Referenced VirtualMCPCompositeToolDefinition x not found\") and retries"],
  ['ref-missing', 'toolConfigRef', {namespace: "team-a",name: "x"}, "MCPToolConfig team-a/x not found: the operator fails closed (\"MCPToolConfig resolution failed for \\\"x\\\": failed to get MCPToolConfig team-a/x\"), sets no condition and writes no vMCP config until it exists"],
  ['ref-missing', 'sessionPassword', {namespace: "team-a",name: "x"}, "Secret team-a/x not found: the operator does not check it; the vMCP container cannot start (CreateContainerConfigError: env THV_SESSION_REDIS_PASSWORD refers to it)"],
  ['ref-missing', 'oidcClientSecret', {namespace: "team-a",name: "sso-client",oidc: "sso"}, "Secret team-a/sso-client (clientSecretRef of MCPOIDCConfig sso) not found: the operator sets condition AuthConfigured=False (AuthInvalid: \"Authentication configuration is invalid: failed to get MCPOIDCConfig OIDC client secret secret team-a/sso-client\") and retries"],
  ['ref-missing', 'delegateClientSecret', {namespace: "team-a",name: "svc-a-secret",client: "svc-a"}, "Secret team-a/svc-a-secret not found: the operator sets condition AuthConfigured=False (AuthInvalid: \"Authentication configuration is invalid: failed to get delegate client \\\"svc-a\\\" secret team-a/svc-a-secret\") and retries"],
  ['ref-missing', 'authzConfigMapKey', {"namespace":"team-a","name":"authz-policy","key":"authz.json"}, "ConfigMap team-a/authz-policy has no key \"authz.json\": the operator sets condition AuthConfigured=False (AuthzConfigMapInvalid: \"Authorization ConfigMap is invalid: authz ConfigMap team-a/authz-policy is missing key \\\"authz.json\\\"\") and retries"],
  ['ref-missing', 'authzConfigMapEmpty', {"namespace":"team-a","name":"authz-policy","key":"authz.json"}, "ConfigMap team-a/authz-policy key \"authz.json\" is empty: the operator sets condition AuthConfigured=False (AuthzConfigMapInvalid: \"Authorization ConfigMap is invalid: authz ConfigMap team-a/authz-policy key \\\"authz.json\\\" is empty\") and retries"],
  ['ref-missing', 'authServerSecretVolume', {"namespace":"team-a","name":"signing-key"}, "Secret team-a/signing-key not found: the operator does not check it but mounts it into the vMCP pod as a Secret volume, so the pod never starts (kubelet: FailedMount, the pod stays ContainerCreating)"],
  ['ref-missing', 'authServerSecretEnv', {"namespace":"team-a","name":"github-client"}, "Secret team-a/github-client not found: the operator does not check it but hands it to the vMCP container as a secretKeyRef env var, so the container cannot start (CreateContainerConfigError)"],
  ['ref-missing', 'serviceAccount', {"namespace":"team-a","name":"vmcp-sa"}, "ServiceAccount team-a/vmcp-sa not found: with spec.serviceAccount set the operator creates no ServiceAccount and no RBAC, and the API server refuses the vMCP pods (the ReplicaSet reports FailedCreate) until it exists"],
  ['ref-missing', 'imagePullSecret', {"namespace":"team-a","name":"regcred"}, "Secret team-a/regcred not found: the kubelet pulls the vMCP image without it (Warning FailedToRetrieveImagePullSecret), so only an image that needs this pull secret fails (ErrImagePull)"],
  ['ratelimit-tool-unmatched', 'noName', {tool: "create_issue",group: "team-tools",prefixFormat: "{workload}_",workloads: "fetch, github",hint: "; did you mean \"github_create_issue\"?"}, "no call is ever keyed by \"create_issue\": vMCP names the tools of MCPGroup team-tools \"{workload}_<tool>\" per workload (fetch, github) and no composite tool has this name, so this bucket never applies; did you mean \"github_create_issue\"?"],
  ['ratelimit-tool-unmatched', 'renamed', {tool: "github_create_issue",workload: "github",original: "create_issue",renamed: "open_issue",hint: "; did you mean \"github_open_issue\"?"}, "no call is ever keyed by \"github_create_issue\": workload github renames its tool \"create_issue\" to \"open_issue\" (aggregation.tools overrides), so this bucket never applies; did you mean \"github_open_issue\"?"],
  ['ratelimit-tool-unmatched', 'filtered', {tool: "github_search",workload: "github",original: "search",hint: ""}, "no call is ever keyed by \"github_search\": \"search\" is not in the aggregation.tools filter of workload github, so vMCP never advertises it and this bucket never applies"],
  ['ratelimit-tool-unmatched', 'excluded', {tool: "fetch_fetch",workload: "fetch",hint: ""}, "no call is ever keyed by \"fetch_fetch\": workload fetch has excludeAll, so vMCP advertises none of its tools and this bucket never applies"],
  ['ratelimit-tool-unmatched', 'excludedAll', {tool: "fetch_fetch",hint: ""}, "no call is ever keyed by \"fetch_fetch\": aggregation.excludeAllTools hides every backend tool, so this bucket never applies"],
  ['ratelimit-tool-unmatched', 'denied', {tool: "fetch_fetch",workload: "fetch",hint: ""}, "no call is ever keyed by \"fetch_fetch\": defaultToolVisibility is deny and workload fetch has no aggregation.tools entry, so this bucket never applies"],
  ['ratelimit-tool-unmatched', 'hint', {names: "\"fetch_create_issue\" or \"github_create_issue\""}, "; did you mean \"fetch_create_issue\" or \"github_create_issue\"?"],
  ['ref-workload-unknown', 'aggregationTool', {workload: "githb",group: "team-tools",workloads: "fetch, github",hint: "; did you mean \"github\"?"}, "workload \"githb\" is not in MCPGroup team-tools (workloads: fetch, github): vMCP only logs \"aggregation.tools entry matches no backend in the group; its filter/overrides are not applied\"; did you mean \"github\"?"],
  ['ref-workload-unknown', 'priorityOrder', {workload: "gitlab",group: "team-tools",workloads: "fetch, github",hint: ""}, "workload \"gitlab\" is not in MCPGroup team-tools (workloads: fetch, github): this priority entry never applies"],
  ['ref-workload-unknown', 'outgoingBackend', {workload: "gitlab",group: "team-tools",workloads: "none",hint: ""}, "workload \"gitlab\" is not in MCPGroup team-tools (workloads: none): this backend auth entry never applies"],
  ['ref-workload-unknown', 'perWorkloadTimeout', {workload: "fech",group: "team-tools",workloads: "fetch, github",hint: "; did you mean \"fetch\"?"}, "workload \"fech\" is not in MCPGroup team-tools (workloads: fetch, github): this timeout never applies; did you mean \"fetch\"?"],
  ['ref-workload-unknown', 'hint', {name: "github"}, "; did you mean \"github\"?"],
  ['ref-not-ready', 'groupNotReady', {"namespace":"team-a","name":"team-tools","phase":"Pending"}, "MCPGroup team-a/team-tools is not ready (phase Pending): the operator sets phase Pending, condition GroupRefValidated=False (GroupRefNotReady: \"Referenced MCPGroup team-tools is not ready (phase: Pending)\") and deploys nothing until it is Ready"],
  ['ref-not-ready', 'oidcConfigNotValid', {"namespace":"team-a","name":"sso","status":"False","detail":": issuer must be https"}, "MCPOIDCConfig team-a/sso is not valid (condition Valid=False): the operator sets condition OIDCConfigRefValidated=False (OIDCConfigRefNotValid: \"MCPOIDCConfig sso is not valid: issuer must be https\") and writes no vMCP config until it is"],
  ['ref-not-ready', 'authzConfigNotValid', {"namespace":"team-a","name":"authz","status":"False"}, "MCPAuthzConfig team-a/authz is not valid (condition Valid=False): the operator sets condition AuthzConfigRefValidated=False (AuthzConfigRefNotValid: \"MCPAuthzConfig authz is not valid: MCPAuthzConfig team-a/authz is not valid (condition \\\"Valid\\\" is not True)\") and writes no vMCP config until it is"],
  ['ref-not-ready', 'authzConfigType', {"namespace":"team-a","name":"authz","type":"httpv1"}, "MCPAuthzConfig team-a/authz has type \"httpv1\": the operator sets condition AuthzConfigRefValidated=False (AuthzConfigRefNotValid: \"MCPAuthzConfig authz has unsupported type \\\"httpv1\\\" for VirtualMCPServer; only cedarv1 is supported\") and writes no vMCP config"],
  ['ref-not-ready', 'compositeToolInvalid', {"namespace":"team-a","name":"wf-a","detail":": step s1: unknown tool; step s2: cycle"}, "VirtualMCPCompositeToolDefinition team-a/wf-a is invalid (status.validationStatus Invalid): the operator sets condition CompositeToolRefsValidated=False (CompositeToolRefInvalid: \"Referenced VirtualMCPCompositeToolDefinition wf-a is invalid: step s1: unknown tool; step s2: cycle\") and deploys nothing until it is valid"],
  ['ref-not-ready', 'embeddingServerNotReady', {"namespace":"team-a","name":"embed","phase":"Downloading","replicas":"0"}, "EmbeddingServer team-a/embed is not ready (phase Downloading, 0 ready replicas): the operator sets phase Pending, condition EmbeddingServerReady=False (EmbeddingServerNotReady: \"EmbeddingServer is not yet ready\") and looks again every 30 s"],
  ['ref-not-ready', 'embeddingServerFailed', {"namespace":"team-a","name":"embed"}, "EmbeddingServer team-a/embed has failed (phase Failed): the operator stops each reconcile with \"EmbeddingServer embed has failed\" and deploys nothing until it recovers"],
  ['render-reference-not-found', 'notFound', { kind: 'MCPGroup', namespace: 'default', name: 'team-tools' }, 'MCPGroup default/team-tools not found in the input (the operator reads it from the cluster)'],
  ['render-operator-error', 'duplicateTool', { name: 'deploy' }, 'invalid composite tools: duplicate composite tool name: "deploy"'],
  ['render-operator-error', 'oidcType', { namespace: 'default', name: 'oidc', type: 'saml' }, 'MCPOIDCConfig default/oidc: unknown OIDC config type "saml"'],
  ['render-operator-error', 'authzInvalid', { namespace: 'default', name: 'authz' }, 'MCPAuthzConfig default/authz is not Valid (status condition Valid is False); the operator refuses it'],
  ['render-operator-error', 'authzType', { type: 'opa' }, 'MCPAuthzConfig type "opa" is not yet supported for VirtualMCPServer; only cedarv1 is supported'],
  ['render-operator-error', 'authType', { type: 'basic' }, 'unknown auth type "basic"'],
  ['render-operator-error', 'primaryUpstreamProvider', { provider: 'github' }, 'authz primaryUpstreamProvider "github" set without an embedded auth server (spec.authServerConfig must be configured)'],
  ['render-operator-error', 'authzDocumentMissingKey', { namespace: 'default', name: 'authz', key: 'authz.json' }, 'authz ConfigMap default/authz has no key "authz.json"'],
  ['render-operator-error', 'authzDocumentUnparsable', { namespace: 'default', name: 'authz', key: 'authz.json', error: 'unexpected end of JSON input' }, 'authz ConfigMap default/authz key "authz.json": unexpected end of JSON input'],
  ['render-operator-error', 'authzDocumentNotCedar', { namespace: 'default', name: 'authz' }, 'authz ConfigMap default/authz is not a Cedar config: expected type "cedarv1" with a "cedar" section'],
  ['render-cluster-only', 'embeddingServer', { namespace: 'default', name: 'embeddings' }, "the optimizer's embeddingService comes from EmbeddingServer default/embeddings status, which an offline render cannot see"],
  ['render-cluster-only', 'authServerConfig', {}, 'the embedded auth server config (ConfigMap key authserver-config.yaml) is not rendered offline'],
  ['render-cluster-only', 'telemetryVersion', { namespace: 'default', name: 'telemetry' }, 'MCPTelemetryConfig default/telemetry: the operator fills telemetry.serviceVersion with its own build version, which an offline render cannot know'],
  ['render-cluster-only', 'outgoingInline', {}, 'source inline: the operator builds backends and outgoingAuth from the live workloads of the MCPGroup, which an offline render cannot see'],
  ['render-cluster-only', 'externalAuthStrategy', { namespace: 'default', name: 'github-token', type: 'tokenExchange' }, 'MCPExternalAuthConfig default/github-token (type tokenExchange): only type unauthenticated is converted offline; the other strategies carry operator-generated secret env names'],
  ['render-undecodable', 'invalid', { duration: '"one minute"' }, 'time: invalid duration "one minute"'],
  ['render-undecodable', 'missingUnit', { duration: '"60"' }, 'time: missing unit in duration "60"'],
  ['render-undecodable', 'unknownUnit', { unit: '"d"', duration: '"1d"' }, 'time: unknown unit "d" in duration "1d"'],
  ['render-undecodable', 'durationType', { type: 'number' }, 'cannot decode number as a duration'],
  ['internal-error', 'internal', { error: "TypeError: Cannot read properties of undefined (reading 'shared')" }, "internal error while validating (TypeError: Cannot read properties of undefined (reading 'shared')); please report this as a bug"],
];

const slots = (template: string): string[] => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

void test('every message fills to its full text', () => {
  for (const [id, messageId, data, text] of rows) {
    const template = ruleById(id)?.meta.messages[messageId];
    assert.ok(template !== undefined, `${id}/${messageId} is not a message of the registry`);
    assert.deepEqual(Object.keys(data).sort(), [...new Set(slots(template))].sort(), `${id}/${messageId}: data fills exactly the template's slots`);
    assert.equal(fill(template, data), text, `${id}/${messageId}`);
  }
});

/** The (rule, messageId) keys the registry has, the CEL rules' shared table counted once. */
function registryKeys(): string[] {
  const keys: string[] = [];
  for (const { meta } of rules) {
    if (meta.messages === celMessages) {
      if (meta.id === CEL_ROW_RULE) keys.push(...Object.keys(meta.messages).map((m) => `${meta.id}/${m}`));
      continue;
    }
    keys.push(...Object.keys(meta.messages).map((m) => `${meta.id}/${m}`));
  }
  return keys;
}

void test('the table covers every (rule, messageId) of the registry exactly once', () => {
  // Every cel-* rule shares the one celMessages table, so its row covers them all; any other table gets its own rows.
  for (const { meta } of rules) if (meta.origin === 'cel' && meta.id !== 'cel-not-checked') assert.equal(meta.messages, celMessages, `${meta.id} shares celMessages`);
  assert.ok(rules.some((r) => r.meta.id === CEL_ROW_RULE));
  const keys = rows.map(([id, messageId]) => `${id}/${messageId}`);
  const repeated = keys.filter((k, i) => keys.indexOf(k) !== i);
  assert.deepEqual(repeated, [], 'rows asserted twice');
  const expected = registryKeys();
  assert.deepEqual(expected.filter((k) => !keys.includes(k)), [], 'messages without a row');
  assert.deepEqual(keys.filter((k) => !expected.includes(k)), [], 'rows without a message');
  assert.equal(rows.length, expected.length);
});
