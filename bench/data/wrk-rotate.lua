-- wrk script of `r2p-bench serve`: every request is the next request path of a list (one
-- "/api/search?..." a line, the file given after `--`), each wrk thread starting at its own
-- place in it, so that connections do not ask the same query at the same moment. At the end
-- one line "r2p-wrk {json}" gives the counts and latency percentiles (microseconds) that
-- r2p-bench reads.

local paths = {}
local next_path = 1
local thread_count = 0

-- Runs in the main Lua state, once per thread, before the threads start: numbers them.
function setup(thread)
    thread:set("thread_index", thread_count)
    thread_count = thread_count + 1
end

function init(args)
    local file = assert(io.open(args[1], "r"), "cannot read the request list " .. tostring(args[1]))
    for line in file:lines() do
        if line ~= "" then paths[#paths + 1] = line end
    end
    file:close()
    assert(#paths > 0, "the request list " .. args[1] .. " is empty")
    -- thread_index is set by setup() above; a lone thread starts at the top.
    local index = tonumber(thread_index) or 0
    next_path = (index * 7919) % #paths + 1
end

function request()
    local path = paths[next_path]
    next_path = next_path % #paths + 1
    return wrk.format("GET", path)
end

function done(summary, latency, requests)
    local e = summary.errors
    io.write(string.format(
        "r2p-wrk {\"requests\":%d,\"duration_us\":%d,\"bytes\":%d,\"connect\":%d," ..
        "\"read\":%d,\"write\":%d,\"status\":%d,\"timeout\":%d,\"p50_us\":%d," ..
        "\"p90_us\":%d,\"p95_us\":%d,\"p99_us\":%d,\"max_us\":%d,\"mean_us\":%.1f}\n",
        summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status,
        e.timeout, latency:percentile(50), latency:percentile(90), latency:percentile(95),
        latency:percentile(99), latency.max, latency.mean))
end
