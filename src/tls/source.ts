// CONTRACT between the HTTPS server and whoever supplies its certificates: files in --cert-dir
// (webhook) or a Kubernetes Secret (kube). The server swaps contexts with setSecureContext.
export interface TlsMaterial {
  /** PEM serving certificate (leaf first, then any intermediates). */
  readonly cert: string;
  /** PEM private key of the leaf. */
  readonly key: string;
  /** PEM CA that signed the leaf, when known (logged as a path or exposed for readiness checks). */
  readonly ca?: string;
  /** Leaf notAfter, for the expiry gauge. */
  readonly notAfter: Date;
}

export interface TlsSource {
  /** Latest material, undefined until first loaded. */
  current(): TlsMaterial | undefined;
  /** Called on every change after the first load; returns an unsubscribe function. */
  subscribe(listener: (material: TlsMaterial) => void): () => void;
  /** True when the served certificate is usable (kube: chains to a CA in the live caBundle). */
  ready(): boolean;
  close(): Promise<void>;
}
