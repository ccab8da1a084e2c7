#!/usr/bin/env bash
# The cluster test (issue 21): Vòng Tay as a province runs it. Debian's PostgreSQL as the primary with a streaming
# replica and a WAL archive, two application instances from the built jar behind HAProxy, and the checks:
#   1. instances share everything (sessions, the public form's secret and rate limit, jobs, events, the calendar,
#      import previews);
#   2. dashboards, indicator pages, exports and annexes read from the replica, and from the primary when it lags or
#      is down, which health says; their response times under write load, with and without the replica;
#   3. a base backup and the WAL archive restore the database to a point in time (every table's row count and a
#      checksum of the personal data equal) (the embedded default's backups are operations.Backups and the jar's
#      `restore` command, proved by their own tests: README, *Backup and restore*);
#   4. kill -9 of an instance in the middle of an import's commit, a case step, an indicator refresh and a report's
#      submission leaves no partial write, every event is delivered and the tallies equal a full recount; kill -9 of
#      PostgreSQL under load, and the instances recover by themselves;
#   5. a rolling upgrade: the previous release's jar (built from the previous landed commit of main) keeps working
#      against the schema the new release migrated (docs/decisions/0015-clusters-and-rolling-upgrades.md).
#
# Usage: tools/cluster-test.sh [--quick]
#   --quick  no rolling upgrade (it builds a second jar) and no measurement
# Environment: VONGTAY_JAR (a built jar, else `mvn -B -q package -DskipTests`), VONGTAY_PREVIOUS_COMMIT (else the
# previous landed commit of main: the newest merge commit before HEAD on the first-parent line), KEEP=1 (keep the work
# folder). Waits on conditions with generous timeouts, never on fixed sleeps alone: the machine may be busy.
# Installs Debian's postgresql and haproxy when missing; stops everything it started when it exits.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)

QUICK=0
[ "${1:-}" = "--quick" ] && QUICK=1

PASSED=0
FAILED=0
FAILURES=()
log() { printf '\n[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
pass() { PASSED=$((PASSED + 1)); printf '  ok    %s\n' "$*"; }
fail() { FAILED=$((FAILED + 1)); FAILURES+=("$*"); printf '  FAIL  %s\n' "$*"; }
die() { printf '\nfatal: %s\n' "$*" >&2; exit 2; }
# check NAME COMMAND...: a check passes when the command succeeds
check() { local name=$1; shift; if "$@"; then pass "$name"; else fail "$name"; fi; }
# wait_until TIMEOUT_SECONDS COMMAND...: polls every second; false after the timeout
wait_until() {
  local timeout=$1; shift
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -ge $deadline ] && return 1
    sleep 1
  done
}

# --- what this machine needs ------------------------------------------------------------------------------------------
install_missing() {
  local wanted=()
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || wanted+=(postgresql postgresql-contrib)
  command -v haproxy >/dev/null 2>&1 || wanted+=(haproxy)
  command -v python3 >/dev/null 2>&1 || wanted+=(python3)
  command -v curl >/dev/null 2>&1 || wanted+=(curl)
  if [ ${#wanted[@]} -gt 0 ]; then
    log "installing ${wanted[*]}"
    local sudo=""
    [ "$(id -u)" != 0 ] && sudo=sudo
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${wanted[@]}" >/dev/null
  fi
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  id postgres >/dev/null 2>&1 || die "Debian's postgres user is missing"
}

# --- the work folder and cleanup --------------------------------------------------------------------------------------
WORK=$(mktemp -d /tmp/vongtay-cluster.XXXXXX)
chmod 755 "$WORK"
chown postgres "$WORK" # PostgreSQL writes its logs and sockets here; root writes anywhere
PIDS=()            # processes this script started (application instances, haproxy, the mail sink, loads)
PGDATAS=()         # PostgreSQL data folders this script started
WORKTREE=""
cleanup() {
  local code=$?
  set +e
  for pid in "${PIDS[@]}"; do
    # only a process of ours that still runs: an ended one's number may have been given to another
    if [ "$(ps -o ppid= -p "$pid" 2>/dev/null | tr -d ' ')" = "$$" ]; then
      { kill -9 "$pid"; wait "$pid"; } 2>/dev/null
    fi
  done
  for data in "${PGDATAS[@]}"; do
    [ -f "$data/postmaster.pid" ] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1
  done
  if [ -n "$WORKTREE" ]; then git -C "$REPO" worktree remove --force "$WORKTREE" >/dev/null 2>&1; fi
  if [ $code -ne 0 ] || [ $FAILED -gt 0 ]; then
    mkdir -p "$REPO/target/cluster-test-logs"
    cp "$WORK"/*.log "$REPO/target/cluster-test-logs/" 2>/dev/null
    echo "logs kept in target/cluster-test-logs/"
  fi
  if [ "${KEEP:-0}" = 1 ]; then echo "work folder kept: $WORK"; else rm -rf "$WORK"; fi
  exit $code
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

# --- PostgreSQL -------------------------------------------------------------------------------------------------------
APP_PASSWORD=vongtay-cluster-$RANDOM$RANDOM
REPLICATION_PASSWORD=replication-$RANDOM$RANDOM
PRIMARY=$WORK/primary
REPLICA=$WORK/replica
ARCHIVE=$WORK/wal-archive
P_PORT=$(free_port)
R_PORT=$(free_port)

as_postgres() { runuser -u postgres -- "$@"; }
pg_start() { # DATA PORT
  as_postgres "$PGBIN/pg_ctl" -D "$1" -o "-p $2 -k $WORK" -l "$WORK/$(basename "$1").log" -w -t 300 start >/dev/null
}
pg_stop() { as_postgres "$PGBIN/pg_ctl" -D "$1" -m fast -w -t 300 stop >/dev/null; }
# psql as the superuser over the socket: PORT, then psql's arguments
sql_on() { local port=$1; shift; as_postgres psql -X -q -v ON_ERROR_STOP=1 -h "$WORK" -p "$port" -d vongtay -At "$@"; }
sqlp() { sql_on "$P_PORT" -c "$1"; }
sqlr() { sql_on "$R_PORT" -c "$1"; }

start_primary() {
  log "primary PostgreSQL ($(basename "$(dirname "$PGBIN")")) on port $P_PORT, WAL archived to $ARCHIVE"
  mkdir -p "$ARCHIVE"
  chown postgres "$ARCHIVE"
  as_postgres "$PGBIN/initdb" -D "$PRIMARY" -U postgres -E UTF8 --locale=C.UTF-8 --auth-local=trust \
    --auth-host=scram-sha-256 >"$WORK/initdb.log"
  cat >>"$PRIMARY/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
max_connections = 120
shared_buffers = 128MB
wal_level = replica
max_wal_senders = 5
wal_keep_size = 256MB
archive_mode = on
archive_command = 'test ! -f $ARCHIVE/%f && cp %p $ARCHIVE/%f'
hot_standby = on
hot_standby_feedback = on
EOF
  echo "host replication replicator 127.0.0.1/32 scram-sha-256" >>"$PRIMARY/pg_hba.conf"
  PGDATAS+=("$PRIMARY")
  pg_start "$PRIMARY" "$P_PORT"
  as_postgres psql -X -q -v ON_ERROR_STOP=1 -h "$WORK" -p "$P_PORT" -d postgres \
    -c "CREATE ROLE vongtay LOGIN PASSWORD '$APP_PASSWORD'" \
    -c "CREATE ROLE replicator REPLICATION LOGIN PASSWORD '$REPLICATION_PASSWORD'" \
    -c "CREATE DATABASE vongtay OWNER vongtay"
}

start_replica() {
  log "streaming replica on port $R_PORT"
  rm -rf "$REPLICA"
  as_postgres env PGPASSWORD="$REPLICATION_PASSWORD" "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$P_PORT" -U replicator \
    -D "$REPLICA" -R -X stream -c fast >/dev/null
  PGDATAS+=("$REPLICA")
  pg_start "$REPLICA" "$R_PORT"
  wait_until 120 replica_streaming || return 1
}
replica_streaming() { [ "$(sqlp "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")" -ge 1 ]; }

# --- the application --------------------------------------------------------------------------------------------------
JAR=${VONGTAY_JAR:-}
SMTP_PORT=$(free_port)
declare -A APP_PORT MGMT_PORT APP_PID APP_JAR

build_jar() {
  if [ -z "$JAR" ]; then
    log "building the jar (mvn -B -q package -DskipTests)"
    mvn -B -q package -DskipTests >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; die "the build failed"; }
    JAR=$(ls "$REPO"/target/vongtay-*.jar | grep -v original | head -1)
  fi
  [ -f "$JAR" ] || die "no jar at $JAR"
}

# app_start NAME JAR [extra arguments]: starts an instance against the primary (and the replica)
app_start() {
  local name=$1 jar=$2; shift 2
  APP_PORT[$name]=${APP_PORT[$name]:-$(free_port)}
  MGMT_PORT[$name]=${MGMT_PORT[$name]:-$(free_port)}
  APP_JAR[$name]=$jar
  java -Xmx640m -XX:+ExitOnOutOfMemoryError -jar "$jar" \
    --spring.profiles.active=demo \
    --server.port="${APP_PORT[$name]}" --server.address=127.0.0.1 \
    --management.server.port="${MGMT_PORT[$name]}" --management.server.address=127.0.0.1 \
    --management.endpoint.health.show-details=always \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:$P_PORT/vongtay" \
    --spring.datasource.username=vongtay --spring.datasource.password="$APP_PASSWORD" \
    --spring.datasource.replica.url="jdbc:postgresql://127.0.0.1:$R_PORT/vongtay" \
    --spring.datasource.hikari.connection-timeout=5000 \
    --vongtay.replica.max-lag=10s --vongtay.replica.check-interval=1s \
    --vongtay.events.stale-after=PT20S --vongtay.events.redelivery-interval=PT5S \
    --vongtay.events.redelivery-initial-delay=PT5S \
    --vongtay.casework.watch-interval=PT10S --vongtay.casework.watch-initial-delay=PT5S \
    --vongtay.reporting.remind-interval=PT15S --vongtay.reporting.remind-initial-delay=PT10S \
    --vongtay.notifications.mail-interval=PT5S \
    --vongtay.children.import.abandoned-after=PT30S --vongtay.children.import.abandoned-check=PT5S \
    --spring.mail.host=127.0.0.1 --spring.mail.port="$SMTP_PORT" \
    --vongtay.base-url=http://cluster.test \
    "$@" >>"$WORK/$name.log" 2>&1 &
  APP_PID[$name]=$!
  PIDS+=($!)
}
health_of() { curl -fsS --max-time 10 "http://127.0.0.1:${MGMT_PORT[$1]}/actuator/health" 2>/dev/null; }
status_of() { health_of "$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])' 2>/dev/null; }
serving() { local s; s=$(status_of "$1"); [ "$s" = UP ] || [ "$s" = DEGRADED ]; }
app_wait() { # NAME: until the instance serves; its log's tail when it does not within 15 minutes
  if ! wait_until 900 serving "$1"; then
    tail -40 "$WORK/$1.log"
    die "instance $1 did not start"
  fi
  log "instance $1 serves on port ${APP_PORT[$1]} (management ${MGMT_PORT[$1]}): $(status_of "$1")"
}
app_stop() { # NAME: a graceful stop
  kill "${APP_PID[$1]}" 2>/dev/null || true
  wait_until 120 bash -c "! kill -0 ${APP_PID[$1]} 2>/dev/null" || kill -9 "${APP_PID[$1]}" 2>/dev/null || true
}
app_kill() { kill -9 "${APP_PID[$1]}" 2>/dev/null || true; wait "${APP_PID[$1]}" 2>/dev/null || true; }
metric() { # NAME METRIC-LINE-PREFIX: the value of a Prometheus sample
  curl -fsS --max-time 10 "http://127.0.0.1:${MGMT_PORT[$1]}/actuator/prometheus" \
    | awk -v m="$2" 'index($0, m) == 1 { print $NF; exit }'
}

# --- HTTP as people and machines --------------------------------------------------------------------------------------
url() { echo "http://127.0.0.1:${APP_PORT[$1]}"; }
csrf_of() { python3 -c 'import re,sys; m=re.search(r"name=\"_csrf\"[^>]*value=\"([^\"]+)\"", sys.stdin.read()); print(m.group(1) if m else "")'; }
# sign_in BASE JAR USER: a session in the cookie jar; fails unless the sign-in lands on the home page
sign_in() {
  local base=$1 jar=$2 user=$3 csrf location
  csrf=$(curl -fsS -c "$jar" -b "$jar" "$base/login" | csrf_of)
  location=$(curl -sS -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "username=$user" \
    --data-urlencode "password=Demo@2026" --data-urlencode "_csrf=$csrf" "$base/login")
  [[ "$location" != *error* && "$location" != *locked* && -n "$location" ]]
}
token_for() { # BASE USER
  curl -fsS -H 'content-type: application/json' -d "{\"username\":\"$2\",\"password\":\"Demo@2026\"}" \
    "$1/api/v1/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}
api() { # BASE TOKEN METHOD PATH [curl arguments...]: prints the body; on an HTTP error says it and fails
  local base=$1 token=$2 method=$3 path=$4 out code; shift 4
  out=$(curl -sS --max-time 300 -X "$method" -H "Authorization: Bearer $token" -w '\n%{http_code}' "$@" "$base$path") || return 1
  code=${out##*$'\n'}
  out=${out%$'\n'*}
  if [[ $code != 2* ]]; then echo "  HTTP $code from $method $path: ${out:0:400}" >&2; return 1; fi
  printf '%s\n' "$out"
}
json_field() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval('d' + sys.argv[1]))" "$1" 2>/dev/null; }
http_code() { curl -s -o /dev/null -w '%{http_code}' --max-time 120 "$@"; }

# --- the state of the database ----------------------------------------------------------------------------------------
# every table's exact row count, one "schema.table count" a line
row_counts() { # PORT
  sql_on "$1" -F ' ' <<'EOF'
SELECT format('SELECT %L, count(*) FROM %I.%I', schemaname || '.' || relname, schemaname, relname)
FROM pg_stat_user_tables ORDER BY schemaname, relname
\gexec
EOF
}
# a checksum of the personal data: every row of the register, the cases and the support records, in a fixed order
personal_checksum() { # PORT
  sql_on "$1" <<'EOF'
SELECT md5(string_agg(part, '|' ORDER BY part)) FROM (
  SELECT table_schema || '.' || table_name || ':' || (xpath('/row/c/text()',
         query_to_xml(format('SELECT md5(coalesce(string_agg(t::text, %L ORDER BY t::text), %L)) AS c FROM %I.%I t',
                             E'\n', '', table_schema, table_name), false, true, '')))[1]::text AS part
  FROM information_schema.tables
  WHERE table_schema IN ('children', 'casework', 'prostitution', 'identity') AND table_type = 'BASE TABLE'
    AND table_name NOT IN ('spring_session', 'spring_session_attributes')) parts;
EOF
}
# the figures (a refresh may leave a zero where a recount writes no row)
tally_digest() { sqlp "SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM indicators.tally t WHERE value <> 0"; }
undelivered() { sqlp "SELECT count(*) FROM event_publication WHERE completion_date IS NULL"; }
no_undelivered() { [ "$(undelivered)" = 0 ]; }

# --- the load balancer and a mail sink --------------------------------------------------------------------------------
LB_PORT=$(free_port)
LB=http://127.0.0.1:$LB_PORT
start_haproxy() {
  log "HAProxy on port $LB_PORT, health checks on the instances' management ports"
  cat >"$WORK/haproxy.cfg" <<EOF2
global
  maxconn 256
defaults
  mode http
  timeout connect 5s
  timeout client 300s
  timeout server 300s
  retries 2
  option redispatch
frontend vongtay
  bind 127.0.0.1:$LB_PORT
  # what the client sent about itself is never trusted: the proxy says who connected
  http-request del-header X-Forwarded-For
  http-request del-header Forwarded
  http-request del-header X-Forwarded-Host
  http-request del-header X-Forwarded-Port
  http-request set-header X-Forwarded-Proto http
  option forwardfor
  default_backend instances
backend instances
  balance roundrobin
  option httpchk GET /actuator/health
  http-check expect status 200
  http-response set-header X-Served-By %[srv_name]
  server a1 127.0.0.1:${APP_PORT[a1]} check port ${MGMT_PORT[a1]} inter 2s fall 2 rise 2
  server a2 127.0.0.1:${APP_PORT[a2]} check port ${MGMT_PORT[a2]} inter 2s fall 2 rise 2
EOF2
  haproxy -c -f "$WORK/haproxy.cfg" >/dev/null || die "the HAProxy configuration is invalid"
  haproxy -db -f "$WORK/haproxy.cfg" >"$WORK/haproxy.log" 2>&1 &
  PIDS+=($!)
  wait_until 120 curl -fsS "$LB/login" || die "HAProxy does not answer"
}

MAIL=$WORK/mail
start_mail_sink() {
  mkdir -p "$MAIL"
  cat >"$WORK/mail_sink.py" <<'EOF2'
import asyncore, itertools, os, sys, warnings
warnings.simplefilter("ignore")
import smtpd
class Sink(smtpd.SMTPServer):
    numbers = itertools.count()
    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        with open(os.path.join(sys.argv[2], "%06d.eml" % next(self.numbers)), "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode())
Sink(("127.0.0.1", int(sys.argv[1])), None, decode_data=False)
asyncore.loop()
EOF2
  python3 "$WORK/mail_sink.py" "$SMTP_PORT" "$MAIL" >"$WORK/mail.log" 2>&1 &
  PIDS+=($!)
}

# register_file ROWS YEAR FILE: a commune's register file of children no register holds (names made of rare syllables,
# all born in YEAR in Xã Tuần Giáo), each with a group of special circumstances
register_file() {
  python3 - "$@" <<'EOF2'
import itertools, sys
rows, year, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
family = ["Mùa", "Sùng", "Giàng", "Vàng", "Thào", "Hạng", "Chá", "Mào"]
middle = ["A", "Seo", "Xuân", "Thị", "Văn", "Bả", "Sáy", "Nhè", "Chỉn", "Páo"]
given = ["Dình", "Chứ", "Lử", "Tủa", "Xò", "Dế", "Chờ", "Sính", "Khứ", "Nù", "Pó", "Sở", "Ky", "Gà", "Lầu", "Sử"]
names = itertools.product(family, middle, middle, given)
with open(path, "w", encoding="utf-8") as f:
    f.write("Họ và tên,Ngày sinh,Giới tính,Mã xã,Thôn/ấp,Họ tên người chăm sóc,Quan hệ,Nhóm hoàn cảnh đặc biệt\n")
    for i in range(rows):
        name = " ".join(next(names))
        f.write("%s,%02d/%02d/%d,%s,03253,Bản Cụm Thử,Mẹ Của %s,Mẹ,a\n" % (name, i % 28 + 1, i % 12 + 1, year,
                "Nam" if i % 2 else "Nữ", name.split()[-1]))
EOF2
}

# --- 1. several instances share everything ----------------------------------------------------------------------------
point_1() {
  log "1. several instances behind the load balancer"
  local jar=$WORK/session.jar
  # a session made on one instance is the same session on the other (Spring Session in PostgreSQL)
  check "signing in on instance a1" sign_in "$(url a1)" "$jar" xa.a
  signed_in_on_a2() { curl -fsS -b "$jar" "$(url a2)/" | grep -c 'Xã Tuần Giáo' >/dev/null; }
  check "the session of a1 is signed in on a2" signed_in_on_a2
  local served=""
  for _ in 1 2 3 4 5 6; do
    served+=$(curl -sS -o /dev/null -b "$jar" -w '%{http_code}:%header{x-served-by} ' "$LB/children")
  done
  check "through the load balancer both instances serve the one session ($served)" \
    bash -c "[[ '$served' == *200:a1* && '$served' == *200:a2* && '$served' != *30[0-9]* ]]"

  # the public form: shown by a1, accepted by a2 (one signing secret); the limit per client is counted in the database
  local form csrf token body code reference
  local pub=$WORK/public.jar
  form=$(curl -fsS -c "$pub" -b "$pub" "$(url a1)/report?province=11")
  csrf=$(echo "$form" | csrf_of)
  token=$(echo "$form" | python3 -c 'import re,sys; print(re.search(r"name=\"token\" value=\"([^\"]+)\"", sys.stdin.read()).group(1))')
  sleep 4 # the form refuses what is sent within 3 s of being shown (robots)
  body=$(curl -sS -b "$pub" -c "$pub" --data-urlencode "_csrf=$csrf" --data-urlencode "token=$token" \
    --data-urlencode province=11 --data-urlencode commune=03253 --data-urlencode childSex=UNKNOWN \
    --data-urlencode "condition=Thử nghiệm cụm: trẻ bị bỏ mặc nhiều ngày." "$(url a2)/report")
  reference=$(echo "$body" | python3 -c 'import re,sys; m=re.search(r"id=\"reference\">([^<]+)<", sys.stdin.read()); print(m.group(1) if m else "")')
  check "the public form shown by a1 is accepted by a2 (reference ${reference:-none})" test -n "$reference"
  # four more through the load balancer, each pretending another address: the proxy overwrites X-Forwarded-For, so
  # they count for the one client, and the sixth within the hour is refused whichever instance gets it
  local codes=""
  local tokens=() csrfs=() jars=()
  for i in 2 3 4 5 6; do
    jars[$i]=$WORK/public$i.jar
    form=$(curl -fsS -c "${jars[$i]}" -b "${jars[$i]}" "$LB/report?province=11")
    csrfs[$i]=$(echo "$form" | csrf_of)
    tokens[$i]=$(echo "$form" | python3 -c 'import re,sys; print(re.search(r"name=\"token\" value=\"([^\"]+)\"", sys.stdin.read()).group(1))')
  done
  sleep 4
  for i in 2 3 4 5 6; do
    code=$(curl -sS -o /dev/null -w '%{http_code}' -b "${jars[$i]}" -H "X-Forwarded-For: 203.0.113.$i" \
      --data-urlencode "_csrf=${csrfs[$i]}" --data-urlencode "token=${tokens[$i]}" --data-urlencode province=11 \
      --data-urlencode commune=03253 --data-urlencode "condition=Thử nghiệm giới hạn $i" "$LB/report")
    codes+="$code "
  done
  check "the public form's limit (5 an hour) holds across instances and forged X-Forwarded-For ($codes)" \
    test "$codes" = "200 200 200 200 429 "

  # the calendar: a day off set on a1 reaches a2's copy within the recheck interval (30 s)
  local admin
  admin=$(token_for "$(url a1)" admin)
  local before after
  before=$(api "$(url a2)" "$admin" GET "/api/v1/calendar/working-days?from=08/03/2027&days=1" | json_field "['end']")
  api "$(url a1)" "$admin" POST /api/v1/calendar/overrides -H 'content-type: application/json' \
    -d '{"day":"09/03/2027","kind":"DAY_OFF","name":"Nghỉ thử nghiệm cụm","nameEn":"Cluster test day off","source":"tools/cluster-test.sh"}' >/dev/null
  calendar_moved() { [ "$(api "$(url a2)" "$admin" GET "/api/v1/calendar/working-days?from=08/03/2027&days=1" | json_field "['end']")" = 2027-03-10 ]; }
  check "a day off set on a1 moves a2's deadlines within a minute (was $before)" wait_until 120 calendar_moved

  # an import checked on a1 is committed on a2, which reads the stored file again
  local officer id committed
  officer=$(token_for "$(url a1)" xa.a)
  register_file 30 2016 "$WORK/import-small.csv"
  id=$(api "$(url a1)" "$officer" POST /api/v1/children/imports -F "file=@$WORK/import-small.csv" | json_field "['id']")
  committed=$(api "$(url a2)" "$officer" POST "/api/v1/children/imports/$id/commit" -H 'content-type: application/json' \
    -d '{}' | json_field "['committed']")
  check "an import checked on a1 commits on a2 ($committed of 30 rows)" test "$committed" = 30

  # scheduled jobs: both instances run them, each alert and reminder is made once, each notification mailed once
  sqlp "UPDATE identity.app_user SET email = username || '@cluster.test' WHERE email IS NULL"
  wait_until 180 bash -c "[ \"\$(ls '$MAIL' | wc -l)\" -gt 0 ]" || true
  sleep 20 # let both instances run the deadline watch, the reminders and the mail delivery a few more times
  local dup_notifications dup_alerts mailed mails
  dup_notifications=$(sqlp "SELECT count(*) FROM (SELECT 1 FROM notifications.notification
     WHERE message_key LIKE 'casework.notify.deadline-%' OR message_key LIKE 'reporting.notify.overdue%'
        OR message_key = 'reporting.notify.due-soon'
     GROUP BY user_id, link, message_key, arguments HAVING count(*) > 1) d")
  check "the deadline watch and the reminders told nobody the same thing twice ($(sqlp "SELECT count(*) FROM casework.deadline_alert") alerts)" \
    test "$dup_notifications" = 0
  dup_alerts=$(sqlp "SELECT count(*) FROM (SELECT 1 FROM reporting.obligation
     GROUP BY source, reporter_unit_id, recipient_unit_id, kind, period HAVING count(*) > 1) d")
  check "obligations were generated once although both instances generated them at start" test "$dup_alerts" = 0
  mailed=$(sqlp "SELECT count(*) FROM notifications.notification WHERE mailed_at IS NOT NULL")
  mails=$(ls "$MAIL" | wc -l)
  check "each notification was mailed once by one instance ($mailed marked mailed, $mails mails received)" \
    bash -c "[ $mailed -gt 0 ] && [ $mailed = $mails ]"

  # a restart of one instance delivers again nothing the other is processing: a2 restarts while a1 keeps publishing
  # events (children registered), so young publications are outstanding when a2 starts; none may be resubmitted
  # before it is stale (only a dead instance's work is taken over)
  app_stop a2
  local writer
  (
    for i in $(seq 1 2000); do
      api "$(url a1)" "$officer" POST /api/v1/children -H 'content-type: application/json' \
        -d "{\"fullName\":\"Chá A Cụm Khởi Động\",\"sex\":\"MALE\",\"birthDate\":\"2013-$(printf '%02d' $((i % 12 + 1)))-$(printf '%02d' $((i % 28 + 1)))\",\"communeCode\":\"03253\",\"birthDateEstimated\":false,\"outOfSchool\":false}" >/dev/null 2>&1
    done
  ) &
  writer=$!
  PIDS+=($writer)
  app_start a2 "${APP_JAR[a2]}"
  app_wait a2
  kill "$writer" 2>/dev/null; wait "$writer" 2>/dev/null || true
  local published early
  published=$(sqlp "SELECT count(*) FROM children.child WHERE full_name = 'Chá A Cụm Khởi Động'")
  early=$(sqlp "SELECT count(*) FROM event_publication WHERE last_resubmission_date > publication_date
                  AND last_resubmission_date < publication_date + interval '20 seconds'")
  check "a restart of a2 while a1 published ($published children registered meanwhile) resubmitted no publication before it was stale ($early)" \
    bash -c "[ $published -gt 0 ] && [ $early = 0 ]"
  check "every event published so far is delivered" wait_until 120 no_undelivered
}

# --- 2. reporting reads from the replica ------------------------------------------------------------------------------
DASHBOARDS=(
  "/api/v1/indicators/CHILDREN_UNDER_16/dashboard?unit=11&period=2025"
  "/api/v1/indicators/CHILDREN_SPECIAL_RATE/values?unit=11&period=2025"
  "/api/v1/indicators/ABUSED_CHILDREN/dashboard?unit=03253&period=2025"
  "/api/v1/reporting/completeness?period=2026-H1"
)
replica_state() { health_of "$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["components"]["replica"]["details"]["state"])' 2>/dev/null; }
replica_in() { [ "$(replica_state a1)" = "$1" ] && [ "$(replica_state a2)" = "$1" ]; }
both_health() { [ "$(status_of a1)" = "$1" ] && [ "$(status_of a2)" = "$1" ]; }
read_dashboards() { # BASE TOKEN: every dashboard answers 200
  local path
  for path in "${DASHBOARDS[@]}"; do
    api "$1" "$2" GET "$path" >/dev/null || return 1
  done
}
served_by() { metric "$1" "vongtay_replica_reads_total{served_by=\"$2\"" | cut -d. -f1; }
replica_transactions() { sqlr "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = 'vongtay'"; }

point_2() {
  log "2. dashboards, indicator pages, exports and annexes read from the replica"
  local token before_r before_p after_r after_p tx_before tx_after
  token=$(token_for "$LB" tinh.dienbien)
  check "both instances use the replica" wait_until 60 replica_in IN_USE
  check "health says UP while the replica serves" both_health UP
  before_r=$(( $(served_by a1 replica) + $(served_by a2 replica) ))
  tx_before=$(replica_transactions)
  check "the dashboards answer" read_dashboards "$LB" "$token"
  after_r=$(( $(served_by a1 replica) + $(served_by a2 replica) ))
  tx_after=$(replica_transactions)
  check "their reads went to the replica ($((after_r - before_r)) reads, $((tx_after - tx_before)) transactions on it)" \
    bash -c "[ $after_r -gt $before_r ] && [ $tx_after -gt $tx_before ]"
  local child
  child=$(api "$LB" "$(token_for "$LB" xa.a)" POST /api/v1/children -H 'content-type: application/json' \
    -d '{"fullName":"Lầu Thị Cụm Ghi","sex":"FEMALE","birthDate":"2019-04-02","communeCode":"03253","birthDateEstimated":false,"outOfSchool":false}' | json_field "['id']")
  check "a write goes to the primary while the replica serves reads (child $child)" test -n "$child"

  # lagging: replay paused while the primary writes
  sqlr "SELECT pg_wal_replay_pause()"
  sqlp "CREATE TABLE IF NOT EXISTS public.cluster_test_marker (at timestamptz)"
  sqlp "INSERT INTO public.cluster_test_marker VALUES (now())"
  lag_grows() { sqlp "INSERT INTO public.cluster_test_marker VALUES (now())" && replica_in LAGGING; }
  check "a replica more than 10 s behind is left for the primary" wait_until 120 lag_grows
  check "health says DEGRADED while the reads go to the primary" both_health DEGRADED
  before_p=$(( $(served_by a1 primary) + $(served_by a2 primary) ))
  check "the dashboards answer from the primary" read_dashboards "$LB" "$token"
  after_p=$(( $(served_by a1 primary) + $(served_by a2 primary) ))
  check "... and their reads were served by the primary ($((after_p - before_p)))" test "$after_p" -gt "$before_p"
  sqlr "SELECT pg_wal_replay_resume()"
  check "once it catches up the replica serves again" wait_until 120 replica_in IN_USE

  # down: the replica stopped
  pg_stop "$REPLICA"
  check "a replica that is down is left for the primary" wait_until 120 replica_in DOWN
  check "the dashboards answer while the replica is down" read_dashboards "$LB" "$token"
  check "health says DEGRADED while the replica is down" both_health DEGRADED
  pg_start "$REPLICA" "$R_PORT"
  check "the replica serves again once it is back" wait_until 180 replica_in IN_USE
  [ $QUICK = 1 ] || measure_dashboards "$token"
}

# measure_dashboards TOKEN: response times of the dashboards under a write load on the primary, with the replica
# serving them and with the replica stopped; written to target/cluster-measurements.txt, never judged
measure_dashboards() {
  local token=$1
  log "measuring the dashboards under write load (pgbench on the primary), with and without the replica"
  as_postgres psql -X -q -h "$WORK" -p "$P_PORT" -d postgres -c "CREATE DATABASE load" >/dev/null
  as_postgres pgbench -q -i -s 10 -h "$WORK" -p "$P_PORT" load >/dev/null 2>&1
  local out=$REPO/target/cluster-measurements.txt
  mkdir -p "$REPO/target"
  {
    echo "Dashboards under write load, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
    echo "write load: pgbench -c 4 -j 2 (TPC-B-like) on the primary; 20 rounds of ${#DASHBOARDS[@]} dashboard requests through HAProxy"
  } >"$out"
  local mode
  for mode in replica primary; do
    if [ $mode = primary ]; then pg_stop "$REPLICA"; wait_until 120 replica_in DOWN; fi
    as_postgres pgbench -n -c 4 -j 2 -T 600 -h "$WORK" -p "$P_PORT" load >"$WORK/pgbench-$mode.log" 2>&1 &
    local load=$!
    PIDS+=($load)
    sleep 3
    local times=() lag_max=0 round path t lag
    for round in $(seq 1 20); do
      for path in "${DASHBOARDS[@]}"; do
        t=$(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $token" "$LB$path")
        times+=("$t")
      done
      lag=$(health_of a1 | python3 -c 'import json,sys; print(json.load(sys.stdin)["components"]["replica"]["details"].get("lagMillis", 0))' 2>/dev/null || echo 0)
      [ "${lag:-0}" -gt "$lag_max" ] && lag_max=$lag
    done
    kill -INT "$load" 2>/dev/null; wait "$load" 2>/dev/null || true
    printf '%s\n' "${times[@]}" | python3 -c "
import statistics, sys
t = sorted(float(x) * 1000 for x in sys.stdin if x.strip())
p = lambda q: t[min(len(t) - 1, int(q * len(t)))]
print('reads from the %s: n=%d median %.0f ms, p95 %.0f ms, max %.0f ms; replica lag seen at most %s ms; pgbench %s'
      % ('$mode', len(t), statistics.median(t), p(0.95), t[-1], '$lag_max' if '$mode' == 'replica' else '-',
         open('$WORK/pgbench-$mode.log').read().split('tps = ')[-1].split(' ')[0] + ' tps' if 'tps = ' in open('$WORK/pgbench-$mode.log').read() else 'n/a'))
" | tee -a "$out"
  done
  pg_start "$REPLICA" "$R_PORT"
  wait_until 180 replica_in IN_USE || true
}

# --- 4. crashes lose nothing ------------------------------------------------------------------------------------------
LOCKER=""
# hold_lock TABLE: another session holds TABLE in SHARE mode (reads go on, writes wait) until release_lock
hold_lock() {
  as_postgres env PGAPPNAME=cluster-test-lock psql -X -q -h "$WORK" -p "$P_PORT" -d vongtay \
    -c "BEGIN; LOCK TABLE $1 IN SHARE MODE; SELECT pg_sleep(1800); COMMIT;" >/dev/null 2>&1 &
  LOCKER=$!
  PIDS+=($LOCKER)
  wait_until 60 bash -c "[ \"\$(runuser -u postgres -- psql -X -At -h '$WORK' -p $P_PORT -d vongtay -c \"SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a USING (pid) WHERE a.application_name = 'cluster-test-lock' AND l.granted AND l.relation = '$1'::regclass\")\" = 1 ]"
}
release_lock() {
  sqlp "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'cluster-test-lock'" >/dev/null
  wait "$LOCKER" 2>/dev/null || true
}
# waiting_on TABLE: a session of the application waits for the lock on TABLE, in the middle of its transaction
waiting_on() {
  [ "$(sqlp "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = '$1'::regclass")" -ge 1 ]
}
# crash_during NAME TABLE COMMAND...: runs COMMAND (a request to a2) while TABLE is held, kills a2 with -9 once a
# transaction of it waits on TABLE, then lets the database go on
crash_during() {
  local name=$1 table=$2; shift 2
  hold_lock "$table" || { fail "$name: could not hold $table"; return 1; }
  "$@" >"$WORK/crash-request.log" 2>&1 &
  local request=$!
  PIDS+=($request)
  if wait_until 600 waiting_on "$table"; then
    app_kill a2
    pass "$name: a2 killed with -9 while its transaction waited on $table"
  else
    fail "$name: a2 never reached $table ($(cat "$WORK/crash-request.log"))"
    app_kill a2
  fi
  release_lock
  wait "$request" 2>/dev/null || true
}
restart_a2() { app_start a2 "${APP_JAR[a2]}"; app_wait a2; }
import_status_is() { [ "$(sqlp "SELECT status FROM children.import_run WHERE id = $1")" = "$2" ]; }

point_4() {
  log "4. crashes lose nothing"
  local officer hotline id case_id version stage report obligation
  officer=$(token_for "$(url a2)" xa.a)

  # a register import killed in its commit: not one row of it stays
  register_file 3000 2017 "$WORK/import-large.csv"
  id=$(api "$(url a2)" "$officer" POST /api/v1/children/imports -F "file=@$WORK/import-large.csv" | json_field "['id']")
  local children_before
  children_before=$(row_counts "$P_PORT" | grep '^children\.')
  crash_during "import commit" children.circumstance \
    api "$(url a2)" "$officer" POST "/api/v1/children/imports/$id/commit" -H 'content-type: application/json' -d '{}'
  check "the import killed in its commit wrote no child" \
    test "$(sqlp "SELECT count(*) FROM children.child WHERE import_id = $id")" = 0
  check "... and no household, caregiver, residence or group either (every children table counts the same)" \
    test "$(row_counts "$P_PORT" | grep '^children\.' | grep -v '^children.import_run ')" = "$(echo "$children_before" | grep -v '^children.import_run ')"
  check "... and the other instance gives the import up (FAILED, the officer uploads it again)" \
    wait_until 120 import_status_is "$id" FAILED
  restart_a2

  # a case step killed before its step row is written: the case stays where it was
  hotline=$(token_for "$(url a1)" tongdai111)
  case_id=$(api "$(url a1)" "$hotline" POST /api/v1/reports -H 'content-type: application/json' -d "{\"channel\":\"HOTLINE_111\",
    \"receivedAt\":\"$(date +%Y-%m-%dT%H:%M:00)\",\"childName\":\"Mùa Thị Cụm Sự\",\"childSex\":\"FEMALE\",\"childAgeYears\":9,
    \"childUnitCode\":\"03253\",\"condition\":\"Thử nghiệm cụm: trẻ bị bỏ đói.\",\"suspectedForms\":[\"NEGLECT\"]}" | json_field "['caseId']")
  officer=$(token_for "$(url a2)" xa.a)
  version=$(api "$(url a2)" "$officer" GET "/api/v1/cases/$case_id" | json_field "['version']")
  crash_during "case step" casework.case_step \
    api "$(url a2)" "$officer" POST "/api/v1/cases/$case_id/verify" -H 'content-type: application/json' \
      -d "{\"version\":$version,\"text\":\"Thử nghiệm cụm: đã xác minh.\"}"
  check "the case step killed half-way left the case as it was (stage, version, no step)" \
    test "$(sqlp "SELECT stage || ' ' || version || ' ' || (SELECT count(*) FROM casework.case_step s WHERE s.case_id = c.id AND s.step = 'VERIFY') FROM casework.child_case c WHERE id = $case_id")" = "OPENED $version 0"
  restart_a2

  # an indicator refresh killed in the listener: the event is delivered again by the surviving instance
  officer=$(token_for "$(url a2)" xa.a)
  crash_during "indicator refresh" indicators.tally \
    api "$(url a2)" "$officer" POST /api/v1/children -H 'content-type: application/json' \
      -d '{"fullName":"Giàng Seo Cụm Đếm","sex":"MALE","birthDate":"2018-06-01","communeCode":"03253","birthDateEstimated":false,"outOfSchool":false}'
  check "the registration itself was committed before the refresh began" \
    test "$(sqlp "SELECT count(*) FROM children.child WHERE full_name = 'Giàng Seo Cụm Đếm'")" = 1
  check "the refresh left unfinished by a2 is delivered by a1 (stale after 20 s)" wait_until 300 no_undelivered
  restart_a2

  # a periodic report's submission killed before its recipients are told: still a draft
  officer=$(token_for "$(url a2)" xa.a)
  obligation=$(api "$(url a2)" "$officer" GET "/api/v1/reporting/obligations?unit=03253" | python3 -c '
import json, sys
owed = [o for o in json.load(sys.stdin) if o["source"] == "STANDING:COMMUNE_H2" and o["reportId"] is None]
print(owed[0]["id"] if owed else "")')
  report=$(api "$(url a2)" "$officer" POST "/api/v1/reporting/obligations/$obligation/report" -H 'content-type: application/json' -d '{}' | json_field "['id']")
  version=$(api "$(url a2)" "$officer" PUT "/api/v1/reporting/reports/$report" -H 'content-type: application/json' \
    -d '{"version":0,"sections":{"results":"Thử nghiệm cụm: kết quả 6 tháng."},"number":"01/BC-UBND","signerName":"Lò Văn Cụm","figures":{"FULL_VACCINATION_U1":96.4}}' \
    | json_field "['version']")
  crash_during "report submission" notifications.notification \
    api "$(url a2)" "$officer" POST "/api/v1/reporting/reports/$report/submit" -H 'content-type: application/json' \
      -d "{\"version\":$version}"
  check "the submission killed half-way left the report a draft, with no submission recorded" \
    test "$(sqlp "SELECT status || ' ' || (SELECT count(*) FROM reporting.report_event e WHERE e.report_id = r.id AND e.action = 'SUBMITTED') FROM reporting.report r WHERE id = $report")" = "DRAFT 0"
  restart_a2

  check "every event published before the crashes is delivered" wait_until 300 no_undelivered
  local before after admin_jar=$WORK/admin.jar csrf
  before=$(tally_digest)
  sign_in "$(url a1)" "$admin_jar" admin
  csrf=$(curl -fsS -b "$admin_jar" -c "$admin_jar" "$(url a1)/admin/indicators" | csrf_of)
  curl -fsS -o /dev/null -b "$admin_jar" -c "$admin_jar" --max-time 600 --data-urlencode "_csrf=$csrf" "$(url a1)/admin/indicators/recount"
  after=$(tally_digest)
  check "the tallies kept by events equal a full recount" test "$before" = "$after"

  # PostgreSQL killed with -9 under load; the instances recover by themselves when it is back
  log "kill -9 of the primary PostgreSQL under load"
  local token loader
  token=$(token_for "$LB" xa.a)
  # the commune's own dashboard (DASHBOARDS[2]) and registrations, as an officer of Xã Tuần Giáo works
  (
    for i in $(seq 1 400); do
      curl -s -o /dev/null -w '%{http_code}\n' --max-time 30 -H "Authorization: Bearer $token" "$LB${DASHBOARDS[2]}"
      curl -s -o /dev/null -w '%{http_code}\n' --max-time 30 -H "Authorization: Bearer $token" -H 'content-type: application/json' \
        -d "{\"fullName\":\"Vàng A Cụm Tải\",\"sex\":\"MALE\",\"birthDate\":\"2015-01-$(printf '%02d' $((i % 28 + 1)))\",\"communeCode\":\"03253\",\"birthDateEstimated\":false,\"outOfSchool\":false}" \
        "$LB/api/v1/children"
    done
  ) >"$WORK/load.log" 2>&1 &
  loader=$!
  PIDS+=($loader)
  wait_until 120 bash -c "[ \$(grep -c '^20' '$WORK/load.log') -ge 10 ]" || true
  local postmaster
  postmaster=$(head -1 "$PRIMARY/postmaster.pid")
  kill -9 "$postmaster" $(ps -o pid= --ppid "$postmaster") 2>/dev/null || true
  wait_until 60 bash -c "! kill -0 $postmaster 2>/dev/null" || true
  local down_codes
  sleep 5
  pg_start "$PRIMARY" "$P_PORT"
  check "PostgreSQL recovered from the crash by itself" test "$(sqlp 'SELECT 1')" = 1
  check "both instances serve again without a restart" wait_until 300 both_health_db_up
  check "the instances were not restarted" bash -c "kill -0 ${APP_PID[a1]} && kill -0 ${APP_PID[a2]}"
  write_after_crash() {
    api "$LB" "$token" POST /api/v1/children -H 'content-type: application/json' \
      -d '{"fullName":"Vàng A Cụm Sau","sex":"MALE","birthDate":"2015-02-02","communeCode":"03253","birthDateEstimated":false,"outOfSchool":false}' >/dev/null
  }
  check "a write through the load balancer succeeds after the crash" wait_until 120 write_after_crash
  kill "$loader" 2>/dev/null; wait "$loader" 2>/dev/null || true
  down_codes=$(sort "$WORK/load.log" | uniq -c | tr -s ' ' | tr '\n' ';')
  echo "  note  answers during the load: $down_codes"
  check "the replica follows the primary again" wait_until 300 replica_in IN_USE
  check "every event published before and during the crash is delivered" wait_until 300 no_undelivered
}
both_health_db_up() { serving a1 && serving a2 && curl -fsS -o /dev/null "$(url a1)/login" && curl -fsS -o /dev/null "$(url a2)/login"; }

# --- 3. backups restore -----------------------------------------------------------------------------------------------
point_3() {
  log "3. base backup + WAL archive, destroyed, restored to a point in time"
  local base=$WORK/base-backup token target segment
  as_postgres env PGPASSWORD="$REPLICATION_PASSWORD" "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$P_PORT" -U replicator \
    -D "$base" -Ft -z -X fetch -c fast
  check "an online base backup was taken while both instances served" test -s "$base/base.tar.gz"
  token=$(token_for "$LB" xa.a)
  api "$LB" "$token" POST /api/v1/children -H 'content-type: application/json' \
    -d '{"fullName":"Thào Thị Cụm Giữa","sex":"FEMALE","birthDate":"2016-03-03","communeCode":"03253","birthDateEstimated":false,"outOfSchool":false}' >/dev/null
  wait_until 300 no_undelivered || true
  app_stop a1
  app_stop a2
  row_counts "$P_PORT" >"$WORK/counts-at-target.txt"
  personal_checksum "$P_PORT" >"$WORK/checksum-at-target.txt"
  target=$(sqlp "SELECT now()")
  sleep 2 # commits after the target carry a later time
  sqlp "UPDATE children.child SET notes = 'sau mốc khôi phục' WHERE full_name = 'Thào Thị Cụm Giữa'"
  sqlp "CREATE TABLE IF NOT EXISTS public.cluster_test_marker (at timestamptz)"
  sqlp "INSERT INTO public.cluster_test_marker VALUES (now())"
  segment=$(sqlp "SELECT pg_walfile_name(pg_current_wal_lsn())")
  sqlp "SELECT pg_switch_wal()" >/dev/null
  check "the WAL up to after the target is archived" wait_until 120 test -f "$ARCHIVE/$segment"

  log "destroying the primary and its replica"
  as_postgres "$PGBIN/pg_ctl" -D "$REPLICA" -m immediate stop >/dev/null
  as_postgres "$PGBIN/pg_ctl" -D "$PRIMARY" -m immediate stop >/dev/null
  rm -rf "$PRIMARY"
  log "restoring the base backup and replaying the archive to $target"
  mkdir -p "$PRIMARY"
  tar -xzf "$base/base.tar.gz" -C "$PRIMARY"
  chown -R postgres "$PRIMARY"
  chmod 700 "$PRIMARY"
  touch "$PRIMARY/recovery.signal"
  cat >>"$PRIMARY/postgresql.auto.conf" <<EOF2
restore_command = 'cp $ARCHIVE/%f %p'
recovery_target_time = '$target'
recovery_target_action = 'promote'
EOF2
  chown postgres "$PRIMARY/recovery.signal" "$PRIMARY/postgresql.auto.conf"
  pg_start "$PRIMARY" "$P_PORT"
  promoted() { [ "$(sqlp 'SELECT pg_is_in_recovery()' 2>/dev/null)" = f ]; }
  check "the restored server reached the target and was promoted" wait_until 600 promoted
  row_counts "$P_PORT" >"$WORK/counts-restored.txt"
  personal_checksum "$P_PORT" >"$WORK/checksum-restored.txt"
  check "every table holds as many rows as at the target ($(wc -l <"$WORK/counts-at-target.txt") tables)" \
    diff -u "$WORK/counts-at-target.txt" "$WORK/counts-restored.txt"
  check "the personal data's checksum equals the target's ($(cat "$WORK/checksum-at-target.txt"))" \
    diff "$WORK/checksum-at-target.txt" "$WORK/checksum-restored.txt"
  check "nothing committed after the target came back" \
    test "$(sqlp "SELECT count(*) FROM children.child WHERE notes = 'sau mốc khôi phục'")/$(sqlp "SELECT to_regclass('public.cluster_test_marker') IS NULL OR NOT EXISTS (SELECT 1 FROM public.cluster_test_marker WHERE at > '$target')")" = "0/t"
  app_start a1 "$JAR"
  app_wait a1
  check "the application starts on the restored database and signs people in" sign_in "$(url a1)" "$WORK/restored.jar" xa.a
  found_before_target() {
    api "$(url a1)" "$(token_for "$(url a1)" xa.a)" GET "/api/v1/children?q=Thao%20Thi%20Cum%20Giua" | grep -q 'Cụm Giữa'
  }
  check "the child registered before the target is there" found_before_target
  app_stop a1
}

# --- 5. rolling upgrade -----------------------------------------------------------------------------------------------
PREVIOUS_JAR=""
# the previous release: the previous landed commit of main, built in a temporary worktree (cached by commit)
build_previous() {
  local commit=${VONGTAY_PREVIOUS_COMMIT:-}
  if [ -z "$commit" ]; then
    commit=$(git -C "$REPO" rev-list --first-parent --merges --max-count=1 HEAD~1 2>/dev/null || true)
  fi
  if [ -z "$commit" ]; then
    echo "  skip  no previous landed commit in this clone's history: no rolling upgrade check"
    return 1
  fi
  local cache=$REPO/target/previous-release
  PREVIOUS_JAR=$cache/vongtay-$commit.jar
  if [ ! -f "$PREVIOUS_JAR" ]; then
    log "building the previous release $(git -C "$REPO" log -1 --format='%h %s' "$commit" | cut -c1-90)"
    WORKTREE=$(mktemp -d /tmp/vongtay-previous.XXXXXX)
    rmdir "$WORKTREE"
    git -C "$REPO" worktree add --detach "$WORKTREE" "$commit" >/dev/null 2>&1
    (cd "$WORKTREE" && mvn -B -q package -DskipTests) >"$WORK/build-previous.log" 2>&1 \
      || { tail -20 "$WORK/build-previous.log"; die "the previous release does not build"; }
    mkdir -p "$cache"
    cp "$(ls "$WORKTREE"/target/vongtay-*.jar | grep -v original | head -1)" "$PREVIOUS_JAR"
    git -C "$REPO" worktree remove --force "$WORKTREE"
    WORKTREE=""
  fi
  log "previous release: $(git -C "$REPO" log -1 --format='%h %s' "$commit" | cut -c1-90)"
}

# point_5: the previous release, still running, serves against the schema the new release has just migrated (the
# window of a rolling upgrade); restarted, it either starts or, from the release that refuses a newer database
# (decision 0010, core.database.MigrationSafety), stops with that message: never a half start
point_5() {
  log "5. rolling upgrade: the previous release against the migrated schema"
  local jar=$WORK/old.jar old_token new_token id path
  check "the previous release still serves after the new release migrated the schema" serving old
  check "signing in on the previous release" sign_in "$(url old)" "$jar" xa.a
  for path in / /children /cases /reporting /indicators /plans /notifications; do
    check "the previous release shows $path" test "$(http_code -b "$jar" "$(url old)$path")" = 200
  done
  old_token=$(token_for "$(url old)" xa.a)
  new_token=$(token_for "$(url a1)" xa.a)
  id=$(api "$(url old)" "$old_token" POST /api/v1/children -H 'content-type: application/json' \
    -d '{"fullName":"Hạng A Bản Cũ","sex":"MALE","birthDate":"2014-07-07","communeCode":"03253","birthDateEstimated":false,"outOfSchool":false}' | json_field "['id']")
  check "the previous release writes a child the new release reads" \
    bash -c "curl -fsS -H 'Authorization: Bearer $new_token' '$(url a1)/api/v1/children/$id' | grep -q 'Hạng A Bản Cũ'"
  id=$(api "$(url a1)" "$new_token" POST /api/v1/children -H 'content-type: application/json' \
    -d '{"fullName":"Hạng A Bản Mới","sex":"MALE","birthDate":"2014-08-08","communeCode":"03253","birthDateEstimated":false,"outOfSchool":false}' | json_field "['id']")
  check "the new release writes a child the previous release reads" \
    bash -c "curl -fsS -H 'Authorization: Bearer $old_token' '$(url old)/api/v1/children/$id' | grep -q 'Hạng A Bản Mới'"
  check "the previous release answers the indicator dashboards" read_dashboards "$(url old)" "$(token_for "$(url old)" tinh.dienbien)"
  check "the previous release's log holds no error" bash -c "! grep -q ' ERROR ' '$WORK/old.log'"
  # an instance of the previous release restarted in the window
  app_stop old
  app_start old "$PREVIOUS_JAR"
  old_settled() { serving old || ! kill -0 "${APP_PID[old]}" 2>/dev/null; }
  wait_until 900 old_settled || true
  if serving old; then
    pass "the previous release, restarted, starts against the migrated schema"
  elif grep -q "upgraded by a newer version" "$WORK/old.log"; then
    pass "the previous release, restarted, refuses the newer database with the message of decision 0010"
  else
    fail "the previous release, restarted, neither starts nor refuses clearly (tail of old.log: $(tail -3 "$WORK/old.log" | tr '\n' ' ' | cut -c1-300))"
  fi
  app_stop old
}

# --- the run ----------------------------------------------------------------------------------------------------------
main() {
  install_missing
  build_jar
  start_primary
  start_replica || die "the replica does not stream"
  start_mail_sink
  local rolling=0
  if [ $QUICK = 0 ] && build_previous; then
    rolling=1
    log "the previous release migrates a new database and loads the demo"
    app_start old "$PREVIOUS_JAR"
    app_wait old
  fi
  log "the new release starts (and migrates the schema while the previous one serves)"
  app_start a1 "$JAR"
  app_wait a1
  if [ $rolling = 1 ]; then set +e; point_5; set -e; fi
  app_start a2 "$JAR"
  app_wait a2
  start_haproxy
  # from here a step that fails is a failed check, and the run goes on to the next
  set +e
  point_1
  point_2
  point_4
  point_3
  log "cluster test done"
  echo "$PASSED passed, $FAILED failed"
  if [ $FAILED -gt 0 ]; then
    printf '  failed: %s\n' "${FAILURES[@]}"
    exit 1
  fi
}
main
