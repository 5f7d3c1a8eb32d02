-- The benchmark's requests, for wrk. Arguments (after --): <mode> <keys file> <run id> [delay ms]
--   ping          GET /api/ping, the framework's floor
--   status        GET /api/pos/status with the first key
--   transactions  POST /api/pos/transactions, keys taken in turn, a fresh reference each time
--   mixed         status 40 %, heartbeat 20 %, transactions 30 %, usage 10 %, keys taken in turn
-- With a delay, each connection waits between requests a random time averaging that long (the steady rates), as
-- independent tills do: a fixed pause would keep the connections in step once a batch answered them together.
-- done() prints one JSON line the benchmark reads.

local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_id", #threads)
end

local mode, keys, run, pause, counter = "ping", {}, "run", 0, 0

function init(args)
  mode = args[1] or "ping"
  if args[2] and args[2] ~= "-" then
    for line in io.lines(args[2]) do keys[#keys + 1] = line end
  end
  run = (args[3] or "run") .. "-" .. tostring(thread_id)
  pause = tonumber(args[4] or "0")
  math.randomseed(os.time() + thread_id)
end

local function auth(key, extra)
  local headers = { ["Authorization"] = "Bearer " .. key }
  if extra then headers["Content-Type"] = "application/json" end
  return headers
end

local function transaction(key)
  local body = '{"amount":1250,"currency":"USD","type":"sale","reference":"' .. run .. "-" .. counter .. '"}'
  return wrk.format("POST", "/api/pos/transactions", auth(key, true), body)
end

function request()
  counter = counter + 1
  if mode == "ping" then return wrk.format("GET", "/api/ping") end
  if mode == "status" then return wrk.format("GET", "/api/pos/status", auth(keys[1])) end
  local key = keys[(counter % #keys) + 1]
  if mode == "transactions" then return transaction(key) end
  local pick = counter % 10
  if pick < 4 then return wrk.format("GET", "/api/pos/status", auth(key)) end
  if pick < 6 then
    return wrk.format("POST", "/api/pos/heartbeat", auth(key, true), '{"terminalId":"till-' .. (counter % 3) .. '"}')
  end
  if pick < 9 then return transaction(key) end
  return wrk.format("GET", "/api/v1/usage", auth(key))
end

-- Exponential, the gaps between independent arrivals; capped at ten times the mean.
function delay()
  if pause == 0 then return 0 end
  return math.min(math.floor(-pause * math.log(1 - math.random())), 10 * pause)
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,"maxUs":%d,"non2xx":%d,"socketErrors":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
