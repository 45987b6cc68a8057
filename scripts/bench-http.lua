-- wrk script for scripts/bench-http.sh: POSTs batches of JSONL records to the grading service.
-- Arguments (after --): the JSONL file, the records per request, the path (default /v1/audit; /healthz is a GET
-- with no body: the ceiling of requests a second the HTTP stack itself allows).
-- Each thread walks the file's records from its own offset, `batch` consecutive records a request, so the
-- requests cover the same records the CLI baseline audits. done() prints one line of figures for the script.

local threads = {}
local counter = 0

function setup(thread)
   thread:set("id", counter)
   counter = counter + 1
   table.insert(threads, thread)
end

function init(args)
   local path, batch = args[1], tonumber(args[2] or "1")
   endpoint = args[3] or "/v1/audit"
   local lines = {}
   for line in io.lines(path) do
      if #line > 0 then table.insert(lines, line) end
   end
   bodies = {}
   for i = 1, #lines - batch + 1, batch do
      local chunk = {}
      for j = i, i + batch - 1 do table.insert(chunk, lines[j]) end
      table.insert(bodies, table.concat(chunk, "\n") .. "\n")
   end
   next_body = (id * 97) % #bodies + 1
   headers = { ["Content-Type"] = "application/x-ndjson" }
   non200 = 0
end

function request()
   local body = bodies[next_body]
   next_body = next_body % #bodies + 1
   if endpoint == "/healthz" then return wrk.format("GET", endpoint) end
   return wrk.format("POST", endpoint, headers, body)
end

function response(status, headers, body)
   if status ~= 200 then non200 = non200 + 1 end
end

function done(summary, latency, requests)
   local bad = 0
   for _, thread in ipairs(threads) do bad = bad + (thread:get("non200") or 0) end
   local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
   io.write(string.format(
      "FIGURES requests=%d seconds=%.3f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f non200=%d socket_errors=%d\n",
      summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, bad + summary.errors.status, errors))
end
