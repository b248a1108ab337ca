#!/usr/bin/env bash
# A real FreeScout helpdesk (PHP/Laravel + MariaDB) on 127.0.0.1, for Rapport's end-to-end tests.
# FreeScout's source is not part of this repository: it comes from freescout-1.8.145.tar.gz found
# at $FREESCOUT_TARBALL, else ../shared/real-helpdesks/ beside the checkout.
#
#   scripts/freescout.sh start   # install missing Debian packages, unpack, install, seed, serve
#   scripts/freescout.sh stop    # stop the two servers this script started
#   scripts/freescout.sh check   # exit 0 when PHP and MariaDB are installed (or can be, as root/sudo)
#
# Environment: FS_PORT (8080), DB_PORT (3307), FREESCOUT_ROOT (/tmp/rapport-freescout-$FS_PORT).
# Prints `ready <base url> <seed json>` as its last line. Sign in as agent@example.test /
# agent-pass-123. Everything listens on 127.0.0.1 only.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
FS_PORT=${FS_PORT:-8080}
DB_PORT=${DB_PORT:-3307}
ROOT=${FREESCOUT_ROOT:-${TMPDIR:-/tmp}/rapport-freescout-$FS_PORT}
TARBALL=${FREESCOUT_TARBALL:-}
if [[ -z $TARBALL ]]; then # beside the checkout (or beside the folder holding it, for worktrees)
  for dir in "$REPO/.." "$REPO/../.."; do
    [[ -f $dir/shared/real-helpdesks/freescout-1.8.145.tar.gz ]] && { TARBALL=$(cd "$dir/shared/real-helpdesks" && pwd)/freescout-1.8.145.tar.gz; break; }
  done
  TARBALL=${TARBALL:-$REPO/../shared/real-helpdesks/freescout-1.8.145.tar.gz}
fi
APP="$ROOT/freescout"
DATA="$ROOT/db"
RUN="$ROOT/run"
SOCK="$RUN/mysqld.sock"
BASE="http://127.0.0.1:$FS_PORT"
PKGS=(php8.2-cli php8.2-mysql php8.2-mbstring php8.2-xml php8.2-imap php8.2-zip php8.2-gd php8.2-curl php8.2-intl mariadb-server)
T0=$(date +%s)
step() { printf '[%3ss] %s\n' "$(($(date +%s) - T0))" "$*" >&2; }
as_root() { if [[ $(id -u) == 0 ]]; then "$@"; else sudo -n "$@"; fi; }

# Stops the process group started with setsid (php -S workers outlive a killed parent), by its id.
stop_pid() {
  local f=$1 pid
  [[ -f $f ]] || return 0
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  fi
  rm -f "$f"
}
stop_all() { stop_pid "$RUN/php-server.pid"; stop_pid "$RUN/mysqld.pid"; }

missing_packages() {
  local p
  for p in "${PKGS[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"; done
}

install_packages() {
  command -v dpkg-query >/dev/null || { command -v php >/dev/null && command -v mariadbd >/dev/null && return 0; echo "no PHP/MariaDB and no apt here" >&2; return 1; }
  local missing
  mapfile -t missing < <(missing_packages)
  ((${#missing[@]})) || return 0
  step "apt: ${missing[*]}"
  as_root apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q --no-install-recommends "${missing[@]}" >"$ROOT/apt-install.log" 2>&1
}

case ${1:-} in
  stop) stop_all; echo stopped; exit 0 ;;
  check)
    [[ -f $TARBALL ]] || { echo "no FreeScout source at $TARBALL (set FREESCOUT_TARBALL)"; exit 1; }
    if [[ -z $(missing_packages 2>/dev/null) ]] && command -v php >/dev/null; then echo ok; exit 0; fi
    if [[ $(id -u) == 0 ]] || sudo -n true 2>/dev/null; then echo "ok (packages will be installed)"; exit 0; fi
    echo "PHP 8.2 and MariaDB are not installed and cannot be installed without root"; exit 1 ;;
  start) ;;
  *) echo "usage: $0 start|stop|check" >&2; exit 2 ;;
esac

[[ -f $TARBALL ]] || { echo "no FreeScout source at $TARBALL (set FREESCOUT_TARBALL)" >&2; exit 1; }
mkdir -p "$ROOT" "$RUN"
stop_all
install_packages

step "unpack $(basename "$TARBALL")"
rm -rf "$APP" && mkdir -p "$APP"
tar -xzf "$TARBALL" -C "$APP" --strip-components=1

step "MariaDB: own datadir, 127.0.0.1:$DB_PORT"
rm -rf "$DATA" && mkdir -p "$DATA"
user_args=()
if [[ $(id -u) == 0 ]]; then chown mysql:mysql "$DATA" "$RUN"; user_args=(--user=mysql); fi
mariadb-install-db "${user_args[@]}" --datadir="$DATA" --auth-root-authentication-method=socket >"$ROOT/db-install.log" 2>&1
setsid mariadbd --no-defaults "${user_args[@]}" --datadir="$DATA" --socket="$SOCK" --pid-file="$RUN/mysqld.real.pid" \
  --bind-address=127.0.0.1 --port="$DB_PORT" --skip-name-resolve --log-error="$RUN/mariadb.err" </dev/null >/dev/null 2>&1 &
echo $! >"$RUN/mysqld.pid"
for _ in $(seq 150); do mariadb --socket="$SOCK" -e 'select 1' >/dev/null 2>&1 && break; sleep 0.2; done
mariadb --socket="$SOCK" -e "select 1" >/dev/null 2>&1 || { echo "MariaDB did not start (see $RUN/mariadb.err)" >&2; exit 1; }
mariadb --socket="$SOCK" -e "CREATE DATABASE freescout CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
  CREATE USER 'freescout'@'127.0.0.1' IDENTIFIED BY 'fs-local-pw'; GRANT ALL ON freescout.* TO 'freescout'@'127.0.0.1';"

step "FreeScout: .env, key, migrations, agent"
cd "$APP"
cat >.env <<EOF
APP_URL=$BASE
APP_TIMEZONE=UTC
DB_CONNECTION=mysql
DB_HOST=127.0.0.1
DB_PORT=$DB_PORT
DB_DATABASE=freescout
DB_USERNAME=freescout
DB_PASSWORD=fs-local-pw
APP_KEY=
EOF
php artisan key:generate --force >/dev/null
php artisan migrate --force >"$ROOT/migrate.log" 2>&1
php artisan freescout:create-user --role=admin --firstName=Alice --lastName=Agent \
  --email=agent@example.test --password='agent-pass-123' --no-interaction >/dev/null
php artisan storage:link >/dev/null
php artisan freescout:clear-cache >/dev/null

step "seed customers and conversations"
SEED=$(php "$HERE/freescout/seed.php" | tail -n 1)

step "serve $BASE"
PHP_CLI_SERVER_WORKERS=4 setsid php -S "127.0.0.1:$FS_PORT" -t public server.php </dev/null >"$ROOT/php-server.log" 2>&1 &
echo $! >"$RUN/php-server.pid"
for _ in $(seq 150); do [[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE/login") == 200 ]] && break; sleep 0.2; done
[[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE/login") == 200 ]] || { echo "FreeScout did not answer at $BASE/login (see $ROOT/php-server.log)" >&2; exit 1; }
step "up"
echo "ready $BASE $SEED"
