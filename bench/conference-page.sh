#!/usr/bin/env bash
# Server time of the first response of a conference page holding N questions (default 1,000).
# Starts the portal on its own embedded cluster (demo data), adds N questions to the demo conference that is open for
# questions, then times GET /hoi-nghi/{id} with curl (time to first byte), ten times. Usage: bench/conference-page.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
data=$(mktemp -d /tmp/portal-bench-XXXXXX)
chmod 755 "$data"   # the postgres OS user must reach the cluster folder
port=${PORTAL_BENCH_PORT:-5190}   # another free port when several portals run on one machine
export Database__EmbeddedDataDirectory="$data/postgres" Email__PickupDirectory="$data/mail" Jobs__RunInWeb=false
dotnet run -c Release --project Portal.Web --urls "http://127.0.0.1:$port" > "$data/portal.log" 2>&1 &
portal=$!
trap 'kill $portal 2>/dev/null; wait $portal 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf "http://127.0.0.1:$port/health/ready" > /dev/null; do sleep 2; done
pg_port=$(sed -n 4p "$data/postgres/postmaster.pid")
psql() { command psql -h 127.0.0.1 -p "$pg_port" -U portal -d portal -qAt "$@"; }
conference=$(psql -c "SELECT id FROM conferences WHERE state = 3 ORDER BY id LIMIT 1")
psql <<SQL
INSERT INTO questions (conference_id, village_id, topic, body, visibility, author_id, client_request_id, state, support_count, received_at, times_reopened)
SELECT $conference, q.village_id, q.topic, 'Ý kiến thử số ' || g || ': đề nghị sửa đường, lắp đèn và nạo vét kênh mương ở thôn.', 1,
       q.author_id, gen_random_uuid(), 1, g % 37, now() - g * interval '1 minute', 0
FROM generate_series(1, $n) g, (SELECT village_id, topic, author_id FROM questions WHERE conference_id = $conference LIMIT 1) q;
ANALYZE;
SQL
url="http://127.0.0.1:$port/hoi-nghi/$conference"
curl -s -o /dev/null "$url"   # warm-up: JIT, query compilation
echo "| Request | Time to first byte | Total | Size |"
echo "|---|---|---|---|"
for i in $(seq 1 10); do
    curl -s -o /dev/null -w "| GET /hoi-nghi/$conference ($((n + 3)) questions) | %{time_starttransfer} s | %{time_total} s | %{size_download} B |\n" "$url"
done
