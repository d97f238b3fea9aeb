#!/usr/bin/env bash
# Start a private Dovecot IMAP server on loopback for protocol testing.
# Used by tests/tests/interop_dovecot.rs (which picks a free port and a
# fresh DOVECOT_DIR, and stops the server with dovecot-down.sh).
#
#   DOVECOT_PORT=1143  DOVECOT_DIR=/tmp/imap-peer-dovecot-1143  ./dovecot-up.sh
#
# Environment (all optional):
#   DOVECOT_PORT     TCP port on 127.0.0.1 (default 1143)
#   DOVECOT_DIR      state dir: config, logs, pid, mail (default ${TMPDIR:-/tmp}/imap-peer-dovecot-$PORT)
#   DOVECOT_STORAGE  maildir | sdbox | mdbox (default maildir); only used when the dir is first set up
#   DOVECOT_DEBUG    1 = mail_debug/auth_debug in the log
#   DOVECOT_WAIT     seconds to wait for the greeting (default 20)
#   DOVECOT_TLS_CERT, DOVECOT_TLS_KEY  PEM files: TLS on (STARTTLS on the
#                    plain port); the test makes them (default: no TLS)
#   DOVECOT_IMAPS_PORT  implicit-TLS port on 127.0.0.1, with TLS on (default: none)
#
# Users (passwd-file, plaintext allowed with or without TLS):  test/test  and  test2/test2
# Idempotent: if this instance is already up and answering it just prints the port.
# On success prints "PORT=<port>" and "DIR=<dir>" and exits 0, server left running.
# Stop it with dovecot-down.sh (same DOVECOT_PORT / DOVECOT_DIR).
set -euo pipefail

PORT="${DOVECOT_PORT:-1143}"
DIR="${DOVECOT_DIR:-${TMPDIR:-/tmp}/imap-peer-dovecot-$PORT}"
STORAGE="${DOVECOT_STORAGE:-maildir}"
WAIT="${DOVECOT_WAIT:-20}"
DEBUG="${DOVECOT_DEBUG:-0}"

case "$PORT" in ''|*[!0-9]*) echo "dovecot-up: bad DOVECOT_PORT '$PORT'" >&2; exit 2;; esac
case "$STORAGE" in maildir|sdbox|mdbox) ;; *) echo "dovecot-up: bad DOVECOT_STORAGE '$STORAGE'" >&2; exit 2;; esac
if [ "$(id -u)" != 0 ]; then echo "dovecot-up: must run as root" >&2; exit 2; fi

log() { echo "dovecot-up: $*" >&2; }

# --- install if missing -----------------------------------------------------
if ! command -v dovecot >/dev/null 2>&1 || [ ! -x /usr/lib/dovecot/imap ]; then
  log "installing dovecot-core dovecot-imapd"
  export DEBIAN_FRONTEND=noninteractive
  # Keep the package's own init script from starting a system-wide Dovecot
  # on *:143: only add a policy-rc.d if there is none, and remove it after.
  made_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d; made_policy=1
  fi
  inst() { apt-get install -y -qq --no-install-recommends dovecot-core dovecot-imapd >/dev/null; }
  rc=0
  if ! apt-cache show dovecot-imapd >/dev/null 2>&1; then apt-get update -qq || true; fi
  inst || { apt-get update -qq && inst; } || rc=$?
  if [ "$made_policy" = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
  if [ "$rc" != 0 ]; then log "apt-get install failed"; exit 1; fi
fi

CONF="$DIR/dovecot.conf"
PIDFILE="$DIR/run/master.pid"

# --- helpers -----------------------------------------------------------------
greeting() {  # prints the server greeting line if something answers on PORT
  ( exec 3<>"/dev/tcp/127.0.0.1/$PORT" || exit 1
    line=""
    IFS= read -r -t 2 line <&3 || true
    [ -n "$line" ] && printf '%s\n' "${line%$'\r'}" ) 2>/dev/null
}
running_pid() {  # pid of this instance's master if alive
  [ -f "$PIDFILE" ] || return 1
  local pid; pid="$(cat "$PIDFILE" 2>/dev/null || true)"
  case "$pid" in ''|*[!0-9]*) return 1;; esac
  kill -0 "$pid" 2>/dev/null || return 1
  # make sure the pid really is a dovecot master using our config
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$CONF" || return 1
  echo "$pid"
}

# --- already up? --------------------------------------------------------------
if pid="$(running_pid)"; then
  if g="$(greeting)"; then
    log "already running (pid $pid): $g"
    echo "PORT=$PORT"; echo "DIR=$DIR"; exit 0
  fi
  log "pid $pid alive but port $PORT silent; stopping it first"
  doveadm -c "$CONF" stop >/dev/null 2>&1 || kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
fi
if greeting >/dev/null; then
  log "port $PORT on 127.0.0.1 is taken by some other process"; exit 1
fi

# --- lay out the state dir ----------------------------------------------------
mkdir -p "$DIR"
chmod 755 "$DIR"                               # mail processes run as nobody
mkdir -p "$DIR/run" "$DIR/state" "$DIR/log" "$DIR/home" "$DIR/public"
chown nobody:nogroup "$DIR/home" "$DIR/public"
rm -f "$PIDFILE"

case "$STORAGE" in
  maildir) LOC='maildir:~/Maildir:LAYOUT=fs'; PUBLOC="maildir:$DIR/public:LAYOUT=fs:INDEX=~/public-index" ;;
  sdbox)   LOC='sdbox:~/sdbox';                PUBLOC="sdbox:$DIR/public:INDEX=~/public-index" ;;
  mdbox)   LOC='mdbox:~/mdbox';                PUBLOC="mdbox:$DIR/public:INDEX=~/public-index" ;;
esac
# storage format is fixed once mail exists; keep whatever was used first
if [ -f "$DIR/storage" ]; then
  prev="$(cat "$DIR/storage")"
  [ "$prev" != "$STORAGE" ] && log "note: $DIR already holds $prev mail; keeping $prev" && STORAGE="$prev"
  case "$STORAGE" in
    maildir) LOC='maildir:~/Maildir:LAYOUT=fs'; PUBLOC="maildir:$DIR/public:LAYOUT=fs:INDEX=~/public-index" ;;
    sdbox)   LOC='sdbox:~/sdbox';                PUBLOC="sdbox:$DIR/public:INDEX=~/public-index" ;;
    mdbox)   LOC='mdbox:~/mdbox';                PUBLOC="mdbox:$DIR/public:INDEX=~/public-index" ;;
  esac
else
  echo "$STORAGE" > "$DIR/storage"
fi

cat > "$DIR/users" <<'EOF'
test:{PLAIN}test::::::
test2:{PLAIN}test2::::::
EOF
chmod 644 "$DIR/users"

# global ACL: owners keep full rights on their own mailboxes (default); the
# public namespace is open to every authenticated user.
cat > "$DIR/acl.global" <<'EOF'
Public/* anyone lrwstipekxa
Public anyone lrwstipekxa
EOF
chmod 644 "$DIR/acl.global"

if [ "$DEBUG" = 1 ]; then DBG=yes; else DBG=no; fi

TLS_CERT="${DOVECOT_TLS_CERT:-}"
TLS_KEY="${DOVECOT_TLS_KEY:-}"
IMAPS_PORT="${DOVECOT_IMAPS_PORT:-0}"
case "$IMAPS_PORT" in *[!0-9]*) echo "dovecot-up: bad DOVECOT_IMAPS_PORT '$IMAPS_PORT'" >&2; exit 2;; esac
if [ -n "$TLS_CERT" ] || [ -n "$TLS_KEY" ]; then
  if [ ! -r "$TLS_CERT" ] || [ ! -r "$TLS_KEY" ]; then
    echo "dovecot-up: DOVECOT_TLS_CERT and DOVECOT_TLS_KEY must both name readable files" >&2; exit 2
  fi
  SSL_CONF="ssl = yes
ssl_cert = <$TLS_CERT
ssl_key = <$TLS_KEY"
else
  SSL_CONF="ssl = no"
  IMAPS_PORT=0
fi
if [ "$IMAPS_PORT" = 0 ]; then IMAPS_LISTEN="port = 0"; else IMAPS_LISTEN="address = 127.0.0.1
    port = $IMAPS_PORT"; fi

cat > "$CONF" <<EOF
# generated by dovecot-up.sh -- private test instance, loopback only
instance_name = imap-peer-$PORT
base_dir = $DIR/run
state_dir = $DIR/state
log_path = $DIR/log/dovecot.log
info_log_path = $DIR/log/dovecot.log
debug_log_path = $DIR/log/dovecot.log
mail_debug = $DBG
auth_debug = $DBG
auth_verbose = yes
verbose_proctitle = yes

protocols = imap
listen = 127.0.0.1
$SSL_CONF
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
login_trusted_networks = 127.0.0.0/8
mail_max_userip_connections = 1000

default_internal_user = dovecot
default_login_user = dovenull

passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $DIR/users
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=$DIR/home/%u
}
first_valid_uid = 1
first_valid_gid = 1

mail_location = $LOC
mail_attribute_dict = file:%h/dovecot-attributes
imap_metadata = yes
imap_literal_minus = no
imap_id_send = name * version *
imap_idle_notify_interval = 30 secs

mail_plugins = \$mail_plugins acl quota zlib
protocol imap {
  mail_plugins = \$mail_plugins imap_acl imap_quota imap_zlib
  mail_max_userip_connections = 1000
}
plugin {
  acl = vfile:$DIR/acl.global
  quota = count:User quota
  quota_vsizes = yes
  quota_rule = *:storage=1G
}

namespace inbox {
  type = private
  separator = /
  prefix =
  inbox = yes
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
  mailbox Junk {
    special_use = \\Junk
    auto = create
  }
  mailbox Archive {
    special_use = \\Archive
    auto = no
  }
  mailbox "All Flagged" {
    special_use = \\Flagged
    auto = no
  }
}
namespace public {
  type = public
  separator = /
  prefix = Public/
  location = $PUBLOC
  subscriptions = no
  list = children
}

service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $PORT
  }
  inet_listener imaps {
    $IMAPS_LISTEN
  }
}
service imap {
  process_limit = 1024
}
EOF

doveconf -c "$CONF" -n >/dev/null 2>"$DIR/log/doveconf.err" || {
  log "config check failed:"; cat "$DIR/log/doveconf.err" >&2; exit 1; }

# --- start and wait for the greeting -----------------------------------------
# detached from our stdio, so that a caller reading our output (a CI step, a pipe) is not held open by the daemon
dovecot -c "$CONF" </dev/null >>"$DIR/log/dovecot.stdio" 2>&1
deadline=$(( $(date +%s) + WAIT ))
while :; do
  if g="$(greeting)"; then break; fi
  if [ "$(date +%s)" -ge "$deadline" ]; then
    log "no greeting on 127.0.0.1:$PORT after ${WAIT}s; log tail:"
    tail -n 20 "$DIR/log/dovecot.log" >&2 || true
    exit 1
  fi
  sleep 0.1
done
pid="$(running_pid || true)"
log "up (pid ${pid:-?}, dovecot $(dovecot --version | cut -d' ' -f1), $STORAGE): $g"
echo "PORT=$PORT"
echo "DIR=$DIR"
