-- wrk script: rotate over BENCH_PATHS (space-separated) and report p50/p95/p99 latency.
local paths = {}
for p in string.gmatch(os.getenv("BENCH_PATHS") or "/", "%S+") do paths[#paths + 1] = p end
-- BENCH_COOKIE (optional): a Cookie header on every request, e.g. a session cookie, so the
-- pages are rendered for a visitor with a session (never from the anonymous page cache).
local cookie = os.getenv("BENCH_COOKIE") or ""
local headers = {}
if cookie ~= "" then headers["Cookie"] = cookie end
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], headers)
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.3f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors))
end
