#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for tests and benchmarks.
#
#   scripts/pg-cluster.sh start <dir>   create (or restart) a cluster in <dir>; prints one line on
#                                       stdout: postgres://postgres@127.0.0.1:<port>/glassbox
#   scripts/pg-cluster.sh stop <dir>    stop it (fast) and remove <dir>
#
# It listens on 127.0.0.1 only, keeps its unix socket in <dir>, trusts every local connection and
# runs with fsync and synchronous_commit off: never point anything you care about at it. The server
# runs as the `postgres` user (created if missing) when this script runs as root. Uses the machine's
# initdb/pg_ctl, or /usr/lib/postgresql/*/bin, or installs Debian's `postgresql` package.
# Everything but the URL goes to stderr.
set -euo pipefail

FIRST_PORT=54329
LAST_PORT=54429
DB_NAME=glassbox
MARKER=.glassbox-pg-cluster

say() { printf 'pg-cluster: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

usage() {
  echo "usage: $0 start <dir> | stop <dir>" >&2
  exit 2
}

# The directory holding initdb, pg_ctl and psql, installing PostgreSQL when there is none.
find_bin() {
  local dir
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    # /usr/local/bin/initdb is often a symlink into /usr/lib/postgresql/N/bin: use the real folder,
    # where psql of the same version lives too.
    dir=$(dirname "$(readlink -f "$(command -v initdb)")")
    if [[ -x $dir/pg_ctl && -x $dir/psql ]]; then echo "$dir"; return; fi
  fi
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n $dir && -x $dir/initdb ]]; then echo "$dir"; return; fi

  [[ $(id -u) -eq 0 ]] || die "no initdb/pg_ctl found and not root: install PostgreSQL (Debian: apt-get install postgresql)"
  say "no PostgreSQL server found: installing Debian's postgresql package"
  apt-get update >&2 || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >&2 \
    || die "apt-get install postgresql failed"
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [[ -n $dir && -x $dir/initdb ]] || die "postgresql installed but no /usr/lib/postgresql/*/bin/initdb"
  echo "$dir"
}

# Runs a command as the cluster's owner: postgres when we are root (initdb refuses root), else us.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    if command -v runuser >/dev/null 2>&1; then
      runuser -u postgres -- "$@"
    else
      su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
    fi
  else
    "$@"
  fi
}

ensure_postgres_user() {
  [[ $(id -u) -eq 0 ]] || return 0
  if ! id postgres >/dev/null 2>&1; then
    say "creating the postgres system user"
    useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash postgres \
      || die "could not create the postgres user"
  fi
}

port_in_use() {
  # A successful connect means something listens there.
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

is_running() {
  local bin=$1 data=$2
  [[ -f $data/postmaster.pid ]] && as_owner "$bin/pg_ctl" status -D "$data" >/dev/null 2>&1
}

url_for() { echo "postgres://postgres@127.0.0.1:$1/$DB_NAME"; }

create_database() {
  local bin=$1 port=$2
  local exists
  exists=$(as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -XAtq \
    -c "select 1 from pg_database where datname = '$DB_NAME'") || die "cannot connect to the cluster on port $port"
  if [[ $exists != 1 ]]; then
    as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -Xq -v ON_ERROR_STOP=1 \
      -c "create database $DB_NAME" >&2 || die "could not create database $DB_NAME"
  fi
}

cmd_start() {
  local dir=$1
  ensure_postgres_user
  local bin
  bin=$(find_bin)

  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd -P)
  local data=$dir/data log=$dir/postgres.log

  if [[ -e $dir/$MARKER ]]; then
    local old_port
    old_port=$(cat "$dir/port" 2>/dev/null || true)
    if [[ -n $old_port ]] && is_running "$bin" "$data" \
        && "$bin/pg_isready" -q -h 127.0.0.1 -p "$old_port" -t 5; then
      say "already running in $dir on port $old_port"
      create_database "$bin" "$old_port"
      url_for "$old_port"
      return
    fi
  elif [[ -n $(ls -A "$dir") ]]; then
    die "$dir is not empty and holds no cluster made by this script: refusing to use it"
  fi

  if [[ $(id -u) -eq 0 ]]; then
    chown -R postgres:postgres "$dir"
    chmod 700 "$dir"
    as_owner test -w "$dir" || die "the postgres user cannot reach $dir (a parent folder is not searchable by others?)"
  fi
  # The tools complain when started in a folder their user cannot read (e.g. /root).
  cd "$dir"

  if [[ ! -f $data/PG_VERSION ]]; then
    touch "$dir/$MARKER"
    if [[ $(id -u) -eq 0 ]]; then chown postgres:postgres "$dir/$MARKER"; fi
    say "initdb in $data ($("$bin/postgres" --version))"
    if ! as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
        >"$dir/initdb.log" 2>&1; then
      cat "$dir/initdb.log" >&2
      die "initdb failed"
    fi
  fi

  # A unix socket path longer than 107 bytes cannot be bound: then TCP only.
  local socket_dir=$dir
  if (( ${#dir} + 20 > 107 )); then
    say "warning: $dir is too long for a unix socket; the cluster listens on TCP only"
    socket_dir=''
  fi

  local port started=''
  for ((port = FIRST_PORT; port <= LAST_PORT; port++)); do
    port_in_use "$port" && continue
    # Our settings live in their own file, included from postgresql.conf, so a restart keeps them.
    cat >"$data/throwaway.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$socket_dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
shared_buffers = 128MB
EOF
    grep -q "^include_if_exists = 'throwaway.conf'" "$data/postgresql.conf" \
      || echo "include_if_exists = 'throwaway.conf'" >>"$data/postgresql.conf"
    rm -f "$log" # so that the checks below read this attempt only
    if as_owner "$bin/pg_ctl" start -D "$data" -l "$log" -w -t 60 >&2; then
      started=$port
      break
    fi
    # Lost a race for the port, or something worse: the log tells which.
    if grep -q 'could not bind\|could not create any TCP/IP sockets' "$log" 2>/dev/null; then
      say "port $port was taken meanwhile, trying the next one"
      continue
    fi
    tail -n 30 "$log" >&2 || true
    die "pg_ctl start failed (log: $log)"
  done
  [[ -n $started ]] || die "no free port between $FIRST_PORT and $LAST_PORT"
  echo "$started" >"$dir/port"

  create_database "$bin" "$started"
  say "running in $dir on 127.0.0.1:$started"
  url_for "$started"
}

cmd_stop() {
  local dir=$1
  if [[ ! -e $dir ]]; then
    say "nothing at $dir: already stopped"
    return
  fi
  dir=$(cd "$dir" && pwd -P)
  if [[ ! -e $dir/$MARKER ]]; then
    if [[ -z $(ls -A "$dir") ]]; then rmdir "$dir"; return; fi
    die "$dir holds no cluster made by this script: not removing it"
  fi
  local data=$dir/data
  if [[ -f $data/postmaster.pid ]]; then
    local bin
    bin=$(find_bin)
    cd "$dir"
    if is_running "$bin" "$data"; then
      if ! as_owner "$bin/pg_ctl" stop -D "$data" -m fast -w -t 60 >&2; then
        # A postmaster that died on its own can still look alive for a moment.
        sleep 1
        if is_running "$bin" "$data"; then die "pg_ctl stop failed (log: $dir/postgres.log)"; fi
      fi
    fi
    cd /
  fi
  rm -rf "$dir"
  say "stopped and removed $dir"
}

[[ $# -eq 2 && -n $2 ]] || usage
case $1 in
  start) cmd_start "$2" ;;
  stop) cmd_stop "$2" ;;
  *) usage ;;
esac
