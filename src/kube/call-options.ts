// Per-call options for @kubernetes/client-node's generated APIs: an abort signal, so a black-holed API
// server cannot hang a caller, and request headers (a patch's content type, a metadata-only Accept).
import { Observable, type ConfigurationOptions, type ObservableMiddleware } from '@kubernetes/client-node';

export function callOptions(timeoutMs: number, headers: Readonly<Record<string, string>> = {}): ConfigurationOptions {
  const middleware: ObservableMiddleware = {
    pre: (context) => {
      context.setSignal(AbortSignal.timeout(timeoutMs));
      for (const [name, value] of Object.entries(headers)) context.setHeaderParam(name, value);
      return new Observable(Promise.resolve(context));
    },
    post: (response) => new Observable(Promise.resolve(response)),
  };
  return { middleware: [middleware], middlewareMergeStrategy: 'append' };
}
