#!/usr/bin/env bash
# Throughput and latency of `hindsight serve` over loopback: builds Release, starts the server on a fresh data
# directory (durable writes as always), runs the load generator (benchmarks/Hindsight.Load) against it, stops it.
#   benchmarks/service-load.sh [--connections 16] [--seconds 10] [--warmup 4] [--json]
set -euo pipefail
cd "$(dirname "$0")/.."
port="${HINDSIGHT_LOAD_PORT:-5089}"
data="$(mktemp -d)"
key="load-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
dotnet build src/Hindsight.Cli -c Release -v q -nologo >/dev/null
dotnet build benchmarks/Hindsight.Load -c Release -v q -nologo >/dev/null
dotnet src/Hindsight.Cli/bin/Release/net10.0/Hindsight.Cli.dll serve --urls "http://127.0.0.1:$port" --data "$data" --admin-key "$key" >/dev/null &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  sleep 0.1
done
HINDSIGHT_ADMIN_KEY="$key" dotnet benchmarks/Hindsight.Load/bin/Release/net10.0/Hindsight.Load.dll --url "http://127.0.0.1:$port" "$@"
