// The timestamps yaml.v3 resolves (so a string that looks like one must be quoted): Go time.Parse
// with layouts 2006-1-2T15:4:5.999999999Z07:00 (T or t), "2006-1-2 15:4:5.999999999" and 2006-1-2,
// including Go's range checks (month 1-12, day within the month, hour < 24, minute/second < 60).

const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const ZONED = /^(\d{4})-(\d{1,2})-(\d{1,2})[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})([.,]\d+)?(Z|[+-]\d{2}:\d{2})$/;
const SPACED = /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})([.,]\d+)?$/;

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function validFields(m: RegExpExecArray): boolean {
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) return false;
  if (m[4] === undefined) return true;
  return Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6]) < 60;
}

export function isTimestamp(s: string): boolean {
  if (!/^\d{4}-/.test(s)) return false;
  const m = DATE.exec(s) ?? ZONED.exec(s) ?? SPACED.exec(s);
  return m !== null && validFields(m);
}
