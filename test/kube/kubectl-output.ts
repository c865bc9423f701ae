// What kubectl prints when a validating webhook denies a request, from the webhook's response
// status. Two steps, both from upstream behaviour:
//  1. the API server wraps the webhook's Status (webhookerrors.ToStatusErr): message prefixed with
//     `admission webhook "<name>" denied the request: `, code raised to at least 400, reason,
//     details and causes kept;
//  2. kubectl (cmdutil.CheckErr) prints a reason-Invalid status from its details as
//     `The <Kind> "<name>" is invalid: <field>: <message>` (one cause) or one `* ` line per cause,
//     and any other status as `Error from server (<Reason>): error when creating "<file>": <message>`.
export interface WebhookStatus {
  readonly code?: number;
  readonly reason?: string;
  readonly message?: string;
  readonly details?: { readonly name?: string; readonly kind?: string; readonly causes?: readonly { field?: string; message?: string }[] };
}

export function kubectlDenial(webhookName: string, status: WebhookStatus, file: string): string {
  const deniedBy = `admission webhook ${JSON.stringify(webhookName)} denied the request`;
  const message = status.message ? `${deniedBy}: ${status.message}` : status.reason ? `${deniedBy}: ${status.reason}` : `${deniedBy} without explanation`;
  if (status.reason === 'Invalid') return invalid(status.details);
  const reason = status.reason ? ` (${status.reason})` : '';
  return `Error from server${reason}: error when creating ${JSON.stringify(file)}: ${message}\n`;
}

function invalid(details: WebhookStatus['details']): string {
  if (details === undefined) return 'The request is invalid\n';
  const subject = `The ${details.kind ?? ''} ${JSON.stringify(details.name ?? '')} is invalid`;
  const lines = [...new Set((details.causes ?? []).map((c) => `${c.field ?? ''}: ${c.message ?? ''}`))];
  if (lines.length === 0) return `${subject}\n`;
  if (lines.length === 1) return `${subject}: ${lines[0]}\n`;
  return `${subject}: \n${lines.map((l) => `* ${l}\n`).join('')}`;
}
