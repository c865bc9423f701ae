// String formats a kube-apiserver enforces on custom resources, with its checks (kube-openapi
// strfmt). Choice, documented: for CRDs the apiserver keeps only the formats in apiextensions'
// supported list (validation/formats.go) and strips the rest; `int32`/`int64`/`float`/`double` are
// stripped by kube-apiserver <= 1.35, so they are NOT enforced here (the runtime-parity rules
// handle int32 overflow). Of the supported list we implement the ones below; the others
// (uri, email, hostname, ipv6, cidr, mac, isbn*, creditcard, ssn, hexcolor, rgbcolor,
// bsonobjectid, duration) are accepted unchecked. This CRD only uses `date-time`.
// Each function is self-contained: scripts/generate-schemas.ts inlines its source into the
// precompiled validators, so it must not reference anything outside its own body.

export type FormatCheck = (value: string) => boolean;

/** strfmt.IsDateTime: a `time.Parse("2006-01-02")` date, `t`, then hh:mm:ss[.frac](z|±hh:mm), case-insensitive. */
function isDateTime(str: string): boolean {
  const parts = str.toLowerCase().split('t');
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(parts[0]));
  // Go compares the two-digit groups as strings (<= "23", <= "59"); the ranges below say the same.
  const time = /^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([^\n][0-9]+)?(z|[+-][0-9]{2}:[0-9]{2})$/.test(String(parts[1]));
  if (date === null || !time) return false;
  const y = Number(date[1]);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][Number(date[2]) - 1] ?? 0;
  const d = Number(date[3]);
  return d >= 1 && d <= days;
}

/** strfmt.IsDate: Go `time.Parse("2006-01-02", s)`. */
function isDate(str: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(str);
  if (m === null) return false;
  const y = Number(m[1]);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][Number(m[2]) - 1];
  return days !== undefined && Number(m[3]) >= 1 && Number(m[3]) <= days;
}

function isUuid(str: string): boolean {
  return /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(str);
}

function isUuid3(str: string): boolean {
  return /^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(str);
}

function isUuid4(str: string): boolean {
  return /^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i.test(str);
}

function isUuid5(str: string): boolean {
  return /^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$/i.test(str);
}

/** Go base64.StdEncoding.DecodeString succeeds (padding required). */
function isByte(str: string): boolean {
  return str.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(str) && !/=[^=]/.test(str);
}

/** net.ParseIP for a dotted quad: four decimal octets 0-255, no leading zeros beyond one digit. */
function isIpv4(str: string): boolean {
  return /^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$/.test(str);
}

function isPassword(_str: string): boolean {
  return true;
}

/** Keyed by the normalized name (dashes removed), as kube-openapi's registry looks formats up. */
const checks: Readonly<Record<string, FormatCheck>> = {
  datetime: isDateTime,
  date: isDate,
  uuid: isUuid,
  uuid3: isUuid3,
  uuid4: isUuid4,
  uuid5: isUuid5,
  byte: isByte,
  ipv4: isIpv4,
  password: isPassword,
};

/** The check for a CRD `format`, or undefined when the apiserver does not enforce it (or we do not). */
export function formatCheck(format: string): FormatCheck | undefined {
  return checks[format.replace(/-/g, '')];
}
