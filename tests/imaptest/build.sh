#!/usr/bin/env bash
# Builds imaptest (Dovecot's IMAP server compliance and stress tester, MIT
# licensed, see COPYING inside the tarball) from imaptest-src.tar.gz
# against Debian 12's dovecot-dev.
#   build.sh [BUILD_DIR]        (default ${TMPDIR:-/tmp}/imaptest-build)
# Prints the path of the wrapper to run. Installs its build dependencies
# with apt-get when missing (needs root): dovecot-dev for the headers and
# dovecot-core for libdovecot.so (kept from starting a system-wide Dovecot).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-${TMPDIR:-/tmp}/imaptest-build}
if ! [ -e /usr/lib/dovecot/dovecot-config ] || ! [ -e /usr/lib/dovecot/libdovecot.so ] ||
  ! command -v autoreconf >/dev/null || ! command -v libtoolize >/dev/null ||
  ! command -v make >/dev/null || ! command -v gcc >/dev/null; then
  if [ "$(id -u)" != 0 ]; then
    echo "imaptest build: need root to apt-get install dovecot-dev dovecot-core autoconf automake libtool make gcc" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  made_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    made_policy=1
  fi
  trap '[ "$made_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d' EXIT
  inst() { apt-get install -y -qq --no-install-recommends dovecot-dev dovecot-core autoconf automake libtool make gcc pkg-config libc6-dev >/dev/null; }
  inst || { apt-get update -qq && inst; } >&2
fi
if [ ! -x "$out/imaptest/src/imaptest" ]; then
  rm -rf "$out"; mkdir -p "$out"
  tar -xzf "$here/imaptest-src.tar.gz" -C "$out"
  (cd "$out/imaptest" && autoreconf -i >"$out/autogen.log" 2>&1 && ./configure --with-dovecot=/usr/lib/dovecot >"$out/configure.log" 2>&1 && make -j2 >"$out/make.log" 2>&1) ||
    { echo "imaptest build failed; see $out/*.log" >&2; exit 1; }
fi
cat > "$out/imaptest.sh" <<RUN
#!/usr/bin/env bash
export LD_LIBRARY_PATH=/usr/lib/dovecot\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}
exec "$out/imaptest/src/imaptest" "\$@"
RUN
chmod +x "$out/imaptest.sh"
echo "$out/imaptest.sh"
