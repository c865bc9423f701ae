// The generated mutation values: every duration shape Go accepts or rejects (the list, VAP-FACTS §4 and the
// edges of the grammar and of int64), maxTokens around the int32 bounds, and misspelt spec.config keys.

/** Every duration shape Go accepts or rejects that the issue and VAP-FACTS §4 list, and the edges around them. */
export const durationShapes = [
  '1h30m', '1.5h', '90m', '.5s', '1.s', '1.h', '300ms', '1us', '1\u00b5s', '1\u03bcs', '1ns', '1h1h', '+1m', '-1m', '-0', '+0', '0', '0s', '-0s', '0.0s',
  '', '-', '+', '1d', '1H', '1M', '1', '1 m', ' 1m', '1m ', 'one minute', '00', '0.0', '1e3s', '1m30', '1h-1m', '.s', '.', '1.2.3s', '1..s', '1mx', '1mxyz', '1sm', '1hs',
  '1\u00b5d', '1\u03bcx', '2562048h', '-2562048h', '2562047h47m16.854775807s', '2562047h47m16.854775808s', '-2562047h47m16.854775808s', '-2562047h47m16.854775809s',
  '9223372036854775807ns', '9223372036854775808ns', '18446744073709551616ns', '99999999999999999999h', '1.0000000000000000001s', '-1ns', '-1.5\u00b5s', '-90m', '-61s',
  '-1h0m0.5s', '0.0000000001s', '-0.0000000001s', '1.9ns', '-300ms', '-1.5h', '-24h', 'a"b', '1\\s', 'tab\tm', '1m\n', '5m1m', '1h30m10.5s',
];

export const maxTokensShapes = [1, 2147483647, 2147483648, 4294967296, 9007199254740991];

export const typoKeys = ['ratelimiting', 'RATELIMITING', 'rateLimting', 'rateLimitingg', 'ateLimiting', 'sessionStorag', 'Telemetry', 'optimiser', 'audi', 'foo', 'x'];

