#!/usr/bin/env bash
# `npm run scale:local` (issue 14 #4, README → Scaling): on this machine, the multi-machine set-up for real —
#   PostgreSQL primary (the local server, :5432) ──WAL stream──▶ replica (.data/scale/replica, :5433)
#   nginx :8088 ──▶ two `next start` processes (:3231, :3232), each writing to the primary and reading
#   dashboards and public pages from the replica (DATABASE_REPLICA_URL → Drizzle withReplicas).
# Then a demo: a public page through nginx served alternately by both processes, a sign-in through nginx, the
# session used on each process directly, a write and the write read back on the other process.
#   npm run scale:local            start (idempotent) and show the demo
#   npm run scale:local -- demo    the demo again
#   npm run scale:local:stop       stop nginx, both processes and the replica (the replica's files stay)
#   npm run scale:local -- clean   stop, then delete the replica's files (a replica stopped for long may no
#                                  longer find the WAL it needs on the primary: clean and start again)
# Needs: `npm run build` done; Debian packages postgresql and nginx; run as root or as a user that may `runuser`
# to postgres. The only change to the primary's configuration: one pg_hba line letting loopback connect for
# replication (`host replication all 127.0.0.1/32 trust`, added once, then a reload — no restart).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DIR="$ROOT/.data/scale"
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)}
PRIMARY_HOST=127.0.0.1 PRIMARY_PORT=${SCALE_PRIMARY_PORT:-5432} REPLICA_PORT=${SCALE_REPLICA_PORT:-5433}
APP_DB=${SCALE_DB:-qjt_scale}
APP_PORTS=(${SCALE_APP_PORTS:-3231 3232})
NGINX_PORT=${SCALE_NGINX_PORT:-8088}
PRIMARY_URL="postgres://postgres@$PRIMARY_HOST:$PRIMARY_PORT/$APP_DB"
REPLICA_URL="postgres://postgres@127.0.0.1:$REPLICA_PORT/$APP_DB"
BASE="http://127.0.0.1:$NGINX_PORT"
psqlp() { psql -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -v ON_ERROR_STOP=1 -Atq "$@"; }
psqlr() { psql -h 127.0.0.1 -p "$REPLICA_PORT" -U postgres -v ON_ERROR_STOP=1 -Atq "$@"; }
as_postgres() { if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi; }
say() { printf '\n== %s ==\n' "$*"; }

stop() {
  if [ -f "$DIR/nginx.pid" ] && kill -0 "$(cat "$DIR/nginx.pid")" 2>/dev/null; then
    nginx -c "$DIR/nginx.conf" -p "$DIR/" -s quit 2>/dev/null || true
    echo "nginx stopped"
  fi
  for port in "${APP_PORTS[@]}"; do
    f="$DIR/app-$port.pid"
    if [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null; then
      kill -- -"$(cat "$f")" 2>/dev/null || kill "$(cat "$f")"
      echo "app :$port stopped"
    fi
    rm -f "$f"
  done
  if [ -f "$DIR/replica/postmaster.pid" ]; then
    as_postgres "$PGBIN/pg_ctl" -D "$DIR/replica" -m fast -w stop && echo "replica stopped"
  fi
}

start_replica() {
  say "primary: replication allowed from loopback"
  [ "$(psqlp -d postgres -c 'show wal_level')" != minimal ] || { echo "wal_level=minimal: a replica needs replica (the default); change it and restart PostgreSQL"; exit 1; }
  HBA=$(psqlp -d postgres -c 'show hba_file')
  if ! grep -Eq '^host[[:space:]]+replication[[:space:]]+all[[:space:]]+127\.0\.0\.1/32' "$HBA"; then
    printf '\n# qjt scale:local — streaming replica on this machine (README → Scaling)\nhost replication all 127.0.0.1/32 trust\n' >> "$HBA"
    psqlp -d postgres -c 'select pg_reload_conf()' >/dev/null
    echo "added to $HBA: host replication all 127.0.0.1/32 trust (reloaded)"
  else echo "already in $HBA"; fi

  if [ ! -f "$DIR/replica/PG_VERSION" ]; then
    say "replica: pg_basebackup -R of the primary into $DIR/replica"
    install -d -o postgres -g postgres -m 700 "$DIR/replica"
    t0=$(date +%s)
    as_postgres pg_basebackup -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -D "$DIR/replica" -R -X stream -c fast
    echo "base backup: $(du -sh "$DIR/replica" | cut -f1) in $(( $(date +%s) - t0 )) s"
    # Debian keeps the configuration outside the data directory: the replica gets its own, minimal one.
    as_postgres tee "$DIR/replica/postgresql.conf" >/dev/null <<EOF
port = $REPLICA_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '/tmp'
hot_standby = on
max_connections = 100
shared_buffers = 128MB
EOF
    as_postgres tee "$DIR/replica/pg_hba.conf" >/dev/null <<EOF
local all all trust
host all all 127.0.0.1/32 trust
EOF
    as_postgres touch "$DIR/replica/pg_ident.conf"
  fi
  if ! pg_isready -h 127.0.0.1 -p "$REPLICA_PORT" -q; then
    say "replica: start on :$REPLICA_PORT"
    [ -f "$DIR/replica.log" ] || install -o postgres -g postgres -m 640 /dev/null "$DIR/replica.log"
    as_postgres "$PGBIN/pg_ctl" -D "$DIR/replica" -l "$DIR/replica.log" -w start >/dev/null
  fi
  echo "replica in recovery (read-only standby): $(psqlr -d postgres -c 'select pg_is_in_recovery()')"
  psqlp -d postgres -c "select 'primary sees the WAL sender: ' || state || ', ' || coalesce(replay_lag::text, 'no lag') from pg_stat_replication where client_addr = '127.0.0.1' limit 1"
}

start_apps() {
  [ -f .next/BUILD_ID ] && [ -f .next/qjt/public-lookups.mjs ] || { echo "no production build: run \`npm run build\` first"; exit 1; }
  [ -f "$DIR/secret" ] || (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '\n/+=' > "$DIR/secret")
  for port in "${APP_PORTS[@]}"; do
    f="$DIR/app-$port.pid"
    if [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null; then continue; fi
    say "app: next start on :$port (primary :$PRIMARY_PORT, replica :$REPLICA_PORT)"
    # Same secret on both (a session made by one is valid on the other); one shared data directory.
    setsid env PORT="$port" HOST=127.0.0.1 DATABASE_URL="$PRIMARY_URL" DATABASE_REPLICA_URL="$REPLICA_URL" \
      NEXTAUTH_SECRET="$(cat "$DIR/secret")" NEXTAUTH_URL="$BASE" APP_URL="$BASE" TRUST_PROXY=loopback SEED_DEMO=0 \
      DATA_DIR="$DIR/data" NODE_ENV=production node --max-old-space-size=1536 server.mjs > "$DIR/app-$port.log" 2>&1 < /dev/null &
    echo $! > "$f"
  done
  for port in "${APP_PORTS[@]}"; do
    for _ in $(seq 1 60); do curl -fs -o /dev/null "http://127.0.0.1:$port/" && break; sleep 1; done
    curl -fs -o /dev/null "http://127.0.0.1:$port/" || { echo "app :$port did not start, see $DIR/app-$port.log"; tail -20 "$DIR/app-$port.log"; exit 1; }
  done
}

start_nginx() {
  mkdir -p "$DIR/nginx-tmp"
  {
    echo "worker_processes 1;"
    echo "pid $DIR/nginx.pid;"
    echo "error_log $DIR/nginx-error.log;"
    echo "events { worker_connections 1024; }"
    echo "http {"
    echo "  access_log $DIR/nginx-access.log;"
    for t in client_body proxy fastcgi uwsgi scgi; do echo "  ${t}_temp_path $DIR/nginx-tmp/$t;"; done
    echo "  upstream qjt {"
    for port in "${APP_PORTS[@]}"; do echo "    server 127.0.0.1:$port;"; done
    echo "    keepalive 32;"
    # nginx closes a keep-alive connection after 1,000 requests by default; a load test's connection that is
    # closed with a request on its way counts as an error (one in ~30,000 through nginx).
    echo "    keepalive_requests 100000;"
    echo "  }"
    echo "  server {"
    echo "    listen 127.0.0.1:$NGINX_PORT;"
    echo "    keepalive_requests 100000;"
    echo "    client_max_body_size 60m;"
    echo "    location / {"
    echo "      proxy_pass http://qjt;"
    echo "      proxy_http_version 1.1;"
    echo "      proxy_set_header Connection \"\";"
    echo "      proxy_set_header Host \$host:\$server_port;"
    echo "      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;"
    echo "      proxy_set_header X-Forwarded-Proto \$scheme;"
    echo "      add_header X-Upstream \$upstream_addr always;"
    echo "    }"
    echo "  }"
    echo "}"
  } > "$DIR/nginx.conf"
  nginx -t -q -c "$DIR/nginx.conf" -p "$DIR/"
  if [ -f "$DIR/nginx.pid" ] && kill -0 "$(cat "$DIR/nginx.pid")" 2>/dev/null; then
    nginx -c "$DIR/nginx.conf" -p "$DIR/" -s reload
  else
    say "nginx on :$NGINX_PORT → ${APP_PORTS[*]}"
    nginx -c "$DIR/nginx.conf" -p "$DIR/"
  fi
}

demo() {
  say "demo: a public page (/v/{token}) through nginx, four times"
  TOKEN=$(psqlp -d "$APP_DB" -c "select token from certificates where state = 'issued' order by id desc limit 1")
  for _ in 1 2 3 4; do
    curl -s -o /dev/null -D - "$BASE/v/$TOKEN" | awk -v t="$TOKEN" 'NR==1{s=$2} tolower($1)=="x-upstream:"{u=$2} END{printf "GET /v/%s… → %s, served by %s\n", substr(t,1,8), s, u}' | tr -d '\r'
  done
  say "demo: sign in through nginx (gzscjg), then use the session on each process directly"
  JAR=$(mktemp)
  CSRF=$(curl -s -c "$JAR" "$BASE/api/auth/csrf" | sed -E 's/.*"csrfToken":"([^"]+)".*/\1/')
  curl -s -b "$JAR" -c "$JAR" -o /dev/null -D - -X POST "$BASE/api/auth/callback/credentials" \
    --data-urlencode "csrfToken=$CSRF" --data-urlencode username=gzscjg --data-urlencode 'password=Demo@2026' --data-urlencode json=true \
    | awk 'NR==1{s=$2} tolower($1)=="x-upstream:"{u=$2} END{printf "sign-in → %s, served by %s\n", s, u}' | tr -d '\r'
  for port in "${APP_PORTS[@]}"; do
    name=$(curl -s -b "$JAR" "http://127.0.0.1:$port/api/trpc/profile.get" | sed -E 's/.*"displayName":"([^"]*)".*/\1/')
    echo "profile on :$port → $name"
  done
  say "demo: a write through nginx, read back on each process"
  NEW="广州监管演示$(date +%H%M%S)"
  curl -s -b "$JAR" -c "$JAR" -o /dev/null -D - -X POST "$BASE/api/trpc/profile.updateContact" -H 'content-type: application/json' -H "origin: $BASE" \
    --data "{\"json\":{\"displayName\":\"$NEW\",\"phone\":\"13800138000\",\"email\":\"gzscjg@example.com\"}}" \
    | awk 'NR==1{s=$2} tolower($1)=="x-upstream:"{u=$2} tolower($1)=="set-cookie:" && $2 ~ /^qjt_primary/ {c=" (read-your-writes cookie set)"} END{printf "updateContact → %s, served by %s%s\n", s, u, c}' | tr -d '\r'
  for port in "${APP_PORTS[@]}"; do
    name=$(curl -s -b "$JAR" "http://127.0.0.1:$port/api/trpc/profile.get" | sed -E 's/.*"displayName":"([^"]*)".*/\1/')
    echo "profile on :$port → $name"
  done
  echo "on the replica, a moment later: $(sleep 1; psqlr -d "$APP_DB" -c "select display_name from users where username = 'gzscjg'")"
  say "demo: the regulator dashboard, read from the replica on both processes"
  for port in "${APP_PORTS[@]}"; do
    JAR2=$(mktemp); cp "$JAR" "$JAR2"; sed -i '/qjt_primary/d' "$JAR2"
    code=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR2" "http://127.0.0.1:$port/api/trpc/statistics.dashboard?input=%7B%22json%22%3A%7B%22period%22%3A%22year%22%7D%7D")
    echo "statistics.dashboard on :$port → $code"; rm -f "$JAR2"
  done
  echo "replica sessions from the apps: $(psqlr -d postgres -c "select count(*) from pg_stat_activity where datname = '$APP_DB'")"
  rm -f "$JAR"
  echo
  echo "stop with: npm run scale:local:stop"
}

case "${1:-start}" in
  stop) stop ;;
  clean) stop; rm -rf "$DIR/replica" "$DIR/replica.log"; echo "replica files deleted" ;;
  demo) demo ;;
  start)
    mkdir -p "$DIR"
    if [ "$(psqlp -d postgres -c "select count(*) from pg_database where datname = '$APP_DB'")" = 0 ]; then
      say "application database $APP_DB: generated data set (${SCALE_INSTRUMENTS:-20000} instruments, demo accounts)"
      npx tsx --conditions=react-server scripts/gen.ts --instruments "${SCALE_INSTRUMENTS:-20000}" --database "$PRIMARY_URL"
    fi
    start_replica
    for _ in $(seq 1 30); do [ "$(psqlr -d postgres -c "select count(*) from pg_database where datname = '$APP_DB'")" = 1 ] && break; sleep 1; done
    start_apps
    start_nginx
    demo
    ;;
  *) echo "usage: $0 [start|demo|stop|clean]"; exit 2 ;;
esac
