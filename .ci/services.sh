# Sourced by .ci/run: makes sure the database servers the JDBC tests use are up, and points
# the tests at them. A server that cannot be had leaves its tests skipped, with a message.

start_postgres() {
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start 2>/dev/null || true
  fi
}

start_mariadb() {
  if [ -x /usr/sbin/mariadbd ] && ! pgrep -x mariadbd >/dev/null 2>&1; then
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd 2>/dev/null || true
    sleep 3
  fi
}

start_postgres
start_mariadb
export MISSED_CALLS_POSTGRES_URL="${MISSED_CALLS_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}"
export MISSED_CALLS_MARIADB_URL="${MISSED_CALLS_MARIADB_URL:-jdbc:mariadb://127.0.0.1:3306/test?user=root&password=&sslMode=disable}"
