// The slice of a pino logger that src/kube uses (a pino Logger satisfies it); structured fields
// first, message second, like pino.
export interface KubeLogger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}
