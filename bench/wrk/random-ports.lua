-- wrk script: each request asks for the page of a random port, 0-65535, accepting gzip as
-- browsers do, or, with "plain" after "--", without Accept-Encoding (as curl and many bots ask).
-- Usage: wrk -t2 -c64 -d20s -s bench/wrk/random-ports.lua http://127.0.0.1:8080 [-- plain]
local threads = 0

function setup(thread)
  thread:set("seed", 7919 * (threads + 1))
  threads = threads + 1
end

function init(args)
  math.randomseed(seed)
  if args[1] == "plain" then
    headers = {}
  else
    headers = { ["Accept-Encoding"] = "gzip" }
  end
end

function request()
  return wrk.format("GET", "/ports/" .. math.random(0, 65535), headers)
end
