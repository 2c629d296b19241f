-- One request per call, to a random line of the file $REQUESTS (request paths written by `mutual-bench sample`).
-- $METHOD (default GET) and $BODY (JSON) shape it; $TOKEN is the bearer token. done() prints one RESULT line
-- that bench/run.sh turns into a table row: latencies in milliseconds, errors = socket errors + non-2xx.
-- $BODIES (a file, one JSON body per line) gives each request a random body of its own instead of $BODY.
local paths = {}
for line in io.lines(os.getenv("REQUESTS")) do paths[#paths + 1] = line end
local method = os.getenv("METHOD") or "GET"
local body = os.getenv("BODY")
local bodies = nil
if os.getenv("BODIES") and os.getenv("BODIES") ~= "" then
  bodies = {}
  for line in io.lines(os.getenv("BODIES")) do bodies[#bodies + 1] = line end
  body = bodies[1]
end
local token = os.getenv("TOKEN")
if token and token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end
if body then wrk.headers["Content-Type"] = "application/json" end

local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
  thread:set("seed", #threads)
end

failures = {}
function response(status, headers, body)
  if status >= 300 then failures[status] = (failures[status] or 0) + 1 end
end

function init(args)
  math.randomseed(seed or 1)
end

function request()
  if bodies then return wrk.format(method, paths[math.random(#paths)], nil, bodies[math.random(#bodies)]) end
  return wrk.format(method, paths[math.random(#paths)], nil, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d rps=%.0f p50=%.2f p95=%.2f p99=%.2f errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.status + e.timeout))
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("failures")) do io.write(string.format("STATUS %d x%d\n", status, n)) end
  end
end
