-- Load for bench/api-bench.sh, one scenario per run of wrk, chosen by environment variables:
--   BENCH_SCENARIO  list: GET /api/v1/products/{product}/pages?limit=50 at a random position of
--                         the listing (a cursor from BENCH_FILE; the empty one is the first page)
--                   read: GET /api/v1/pages/{id}?include=comments for a random id from BENCH_FILE
--   BENCH_TOKEN     the API token (sent as "Authorization: Bearer ...")
--   BENCH_FILE      one cursor or page id a line, written by bench/Seed.java
--   BENCH_PRODUCT   the product's slug (list)
-- done() prints one machine-readable line starting with "BENCH " that the script parses.

local scenario = os.getenv("BENCH_SCENARIO")
local token = os.getenv("BENCH_TOKEN")
local file = os.getenv("BENCH_FILE")
local product = os.getenv("BENCH_PRODUCT")

local paths = {}
local headers = { ["Authorization"] = "Bearer " .. (token or ""), ["Accept"] = "application/json" }

function init(args)
  if scenario ~= "list" and scenario ~= "read" then
    error("BENCH_SCENARIO must be list or read")
  end
  local f = assert(io.open(file, "r"), "cannot read " .. tostring(file))
  for line in f:lines() do
    if scenario == "read" then
      if line ~= "" then
        paths[#paths + 1] = "/api/v1/pages/" .. line .. "?include=comments"
      end
    elseif line == "" then
      paths[#paths + 1] = "/api/v1/products/" .. product .. "/pages?limit=50"
    else
      paths[#paths + 1] = "/api/v1/products/" .. product .. "/pages?limit=50&cursor=" .. line
    end
  end
  f:close()
  assert(#paths > 0, "no paths in " .. file)
  -- Each wrk thread has its own Lua state; seed them differently.
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
end

function request()
  return wrk.format("GET", paths[math.random(#paths)], headers)
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "BENCH scenario=%s requests=%d seconds=%.2f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f"
      .. " max_ms=%.3f non2xx=%d socket_errors=%d\n",
    scenario, summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
