#!/usr/bin/env bash
# Installs code-server (VS Code's web build, from npm) into test/e2e/.cache/code-server, plus the
# Debian packages the end-to-end tests need (Chromium, and what code-server's native modules
# compile against). Does nothing when all of it is already there. Works as root without a TTY.
# Why each npm_config_* is set: see shared/recipes/real-vscode-e2e.md ("five traps").
#
# Env: CODE_SERVER_VERSION (default 4.100.3, the last release whose engines.node is 20)
#      E2E_CACHE (default test/e2e/.cache)   SKIP_APT=1 (do not touch apt)
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
VERSION=${CODE_SERVER_VERSION:-4.100.3}
CACHE=${E2E_CACHE:-$HERE/.cache}
DEST=$CACHE/code-server
MARK=$DEST/.installed-$VERSION

# ---- Debian packages (checked every time: Chromium is needed at run time), installed only when missing
PKGS="chromium fonts-dejavu-core ripgrep libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config build-essential python3"
MISSING=$(for p in $PKGS; do dpkg -s "$p" >/dev/null 2>&1 || echo "$p"; done | tr '\n' ' ')
if [ -n "${MISSING// /}" ] && [ -z "${SKIP_APT:-}" ]; then
  echo "apt-get install $MISSING"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -qq --no-install-recommends $MISSING >/dev/null
fi

if [ -f "$MARK" ] && [ -x "$DEST/node_modules/.bin/code-server" ]; then
  echo "code-server $VERSION already in $DEST"; exit 0
fi

# ---- npm install; the marker file is written only when everything succeeded
rm -rf "$DEST"; mkdir -p "$DEST/tmp"
export TMPDIR=$DEST/tmp                    # node-pty builds and the ripgrep download cache live here
export npm_config_unsafe_perm=true         # trap 1: postinstall refuses to run as root otherwise
export npm_config_yes=true                 # trap 4: node-pty's postinstall runs `npx node-gyp`
export npm_config_nodedir=${npm_config_nodedir:-/usr}  # trap 5: local Node headers, no download
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

cd "$DEST"
echo '{ "name": "e2e-code-server", "private": true }' > package.json

# trap 3: @vscode/ripgrep's postinstall downloads rg from GitHub; seed its cache with Debian's rg.
# Cache folder and file names depend on the @vscode/ripgrep version that code-server pins.
npm pack "code-server@$VERSION" --pack-destination "$TMPDIR" >/dev/null 2>&1
tar -xzf "$TMPDIR/code-server-$VERSION.tgz" -C "$TMPDIR" package/lib/vscode/npm-shrinkwrap.json
RG_PKG=$(node -e 'console.log(require(process.argv[1]).packages["node_modules/@vscode/ripgrep"].version)' \
  "$TMPDIR/package/lib/vscode/npm-shrinkwrap.json")
npm pack "@vscode/ripgrep@$RG_PKG" --pack-destination "$TMPDIR" >/dev/null 2>&1
RG_BIN=$(tar -xzOf "$TMPDIR/vscode-ripgrep-$RG_PKG.tgz" package/lib/postinstall.js | sed -n "s/^const VERSION = '\(.*\)';/\1/p")
case "$(uname -m)" in aarch64|arm64) TARGET=aarch64-unknown-linux-musl ;; *) TARGET=x86_64-unknown-linux-musl ;; esac
mkdir -p "$TMPDIR/rg" "$TMPDIR/vscode-ripgrep-cache-$RG_PKG"
cp "$(command -v rg)" "$TMPDIR/rg/rg"
tar -czf "$TMPDIR/vscode-ripgrep-cache-$RG_PKG/ripgrep-$RG_BIN-$TARGET.tar.gz" -C "$TMPDIR/rg" rg

echo "npm install code-server@$VERSION (native modules compile; takes a minute or two)"
if ! npm install "code-server@$VERSION" --foreground-scripts > "$DEST/install.log" 2>&1; then
  tail -40 "$DEST/install.log"; exit 1
fi
rm -rf "$TMPDIR"
# code-server writes config.yaml (with a password) into the user's config dir when it runs: keep it here.
V=$(HOME="$DEST/home" XDG_CONFIG_HOME="$DEST/home/.config" XDG_DATA_HOME="$DEST/home/.local/share" \
  "$DEST/node_modules/.bin/code-server" --version | tail -1)
touch "$MARK"
echo "installed: code-server $V"
