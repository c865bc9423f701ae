// The decision of limiter.ts as a Redis Lua script, for `simulate --redis`: the same order, the
// same refill arithmetic on doubles (Lua numbers are IEEE doubles, and Redis stores a number
// argument with round-trip precision), the same all-or-nothing rule. The clock is the trace's
// (ARGV[1], integer microseconds) rather than Redis TIME, so key expiry is simulated too: the
// virtual expiry is kept in the field `expires_at`; a real PEXPIRE only cleans up abandoned runs.
//
// KEYS: the applicable buckets, in order. ARGV: now, cleanupMillis, then per key: maxTokens,
// rate (the `%.6f` text), ttlSeconds. Returns {rejectIndex (1-based, 0 = allowed), level after
// the call per key as %.17g text}.
export const SIMULATE_LUA = `
local now = tonumber(ARGV[1])
local cleanup = tonumber(ARGV[2])
local levels = {}
local reject = 0
for i = 1, #KEYS do
  local base = 2 + (i - 1) * 3
  local capacity = tonumber(ARGV[base + 1])
  local rate = tonumber(ARGV[base + 2])
  local state = redis.call('HMGET', KEYS[i], 'tokens', 'last_refill', 'expires_at')
  local tokens = capacity
  if state[1] and state[2] and state[3] and now <= tonumber(state[3]) then
    local elapsed = math.max(0, (now - tonumber(state[2])) / 1e6)
    tokens = math.min(capacity, tonumber(state[1]) + elapsed * rate)
  end
  levels[i] = tokens
  if tokens < 1 and reject == 0 then
    reject = i
  end
end
local out = { reject }
for i = 1, #KEYS do
  local base = 2 + (i - 1) * 3
  local ttl = tonumber(ARGV[base + 3])
  local after = levels[i]
  if reject == 0 then
    after = after - 1
  end
  redis.call('HSET', KEYS[i], 'tokens', after, 'last_refill', now, 'expires_at', now + ttl * 1e6)
  redis.call('PEXPIRE', KEYS[i], cleanup)
  out[i + 1] = string.format('%.17g', after)
end
return out
`;
