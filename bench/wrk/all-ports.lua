-- wrk script: walks every port page (thread i of n asks for ports i, i+n, i+2n, ... and then
-- starts over); used to fill the server's page cache before measuring. Pass the thread count
-- after "--", then "plain" to ask without Accept-Encoding ("gzip", the default, accepts it).
-- Usage: wrk -t2 -c8 -d120s -s bench/wrk/all-ports.lua http://127.0.0.1:8080 -- 2 [gzip|plain]
local created = 0

function setup(thread)
  thread:set("first", created)
  created = created + 1
end

function init(args)
  step = tonumber(args[1] or "1")
  port = first
  if args[2] == "plain" then
    headers = {}
  else
    headers = { ["Accept-Encoding"] = "gzip" }
  end
end

function request()
  local path = "/ports/" .. port
  port = port + step
  if port > 65535 then
    port = first
  end
  return wrk.format("GET", path, headers)
end
