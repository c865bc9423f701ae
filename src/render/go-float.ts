// Go strconv.FormatFloat(f, 'g', -1, 64) as yaml.v3 prints float64: shortest round-trip digits,
// exponent form when the decimal exponent is < -4 or >= 6 (shortest 'g' uses precision 6 for that),
// exponent written with a sign and at least two digits; ±Inf/NaN become .inf/-.inf/.nan.

function special(f: number): string | undefined {
  if (Number.isNaN(f)) return '.nan';
  if (!Number.isFinite(f)) return f > 0 ? '.inf' : '-.inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  return undefined;
}

function exponentForm(digits: string, exp: number): string {
  const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
  return `${digits[0]}${frac}e${exp < 0 ? '-' : '+'}${Math.abs(exp).toString().padStart(2, '0')}`;
}

function decimalForm(digits: string, exp: number): string {
  if (exp < 0) return `0.${'0'.repeat(-exp - 1)}${digits}`;
  const fracPart = digits.slice(exp + 1);
  return `${digits.slice(0, exp + 1).padEnd(exp + 1, '0')}${fracPart === '' ? '' : `.${fracPart}`}`;
}

export function formatGoFloat(f: number): string {
  const fixed = special(f);
  if (fixed !== undefined) return fixed;
  // toExponential() without an argument yields the shortest round-trip digits, like Go's -1 precision.
  const [mantissa, expText] = Math.abs(f).toExponential().split('e') as [string, string];
  const exp = Number(expText);
  const digits = mantissa.replace('.', '');
  const body = exp < -4 || exp >= 6 ? exponentForm(digits, exp) : decimalForm(digits, exp);
  return f < 0 ? `-${body}` : body;
}
