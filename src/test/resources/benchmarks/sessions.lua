-- wrk script of the benchmark harness: every request is signed in as one of the sessions the harness opened, in turn,
-- with a path that session may read (its commune's cases), so that each request is an authenticated page render
-- through the jurisdiction and need-to-know filters and the audit log. The file of "cookie path" lines is the first
-- argument after "--". Responses other than 2xx (a 302 to the sign-in page included, which wrk itself does not count)
-- are counted per thread and summed in done(), which prints one JSON line for the harness. An optional second and third
-- argument give a think time in milliseconds (each connection waits between lo and hi before its next request): a
-- connection is then an official reading one page after another, not a client sending requests back to back.

local entries = {}
local counter = 0
errors = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local think_lo = 0
local think_hi = 0

function init(args)
  think_lo = tonumber(args[2] or "0")
  think_hi = tonumber(args[3] or args[2] or "0")
  math.randomseed((id or 0) * 7919 + 17)
  for line in io.lines(args[1]) do
    local cookie, path = line:match("^(%S+)%s+(%S+)$")
    if cookie then
      table.insert(entries, { cookie, path })
    end
  end
  -- threads start at different places of the list, so that they do not ask for the same page at the same time
  counter = (id or 0) * math.floor(#entries / 2)
end

function request()
  counter = counter + 1
  local entry = entries[(counter % #entries) + 1]
  return wrk.format("GET", entry[2], { ["Cookie"] = "SESSION=" .. entry[1] })
end

function delay()
  if think_hi > 0 then
    return math.random(think_lo, think_hi)
  end
  return 0
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  local non2xx = 0
  for _, thread in ipairs(threads) do
    non2xx = non2xx + (thread:get("errors") or 0)
  end
  io.write(string.format(
    'HARNESS-JSON {"requests":%d,"duration_us":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d,"non2xx":%d,' ..
    '"p50":%d,"p95":%d,"p99":%d}\n',
    summary.requests, summary.duration, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.timeout, non2xx, latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
