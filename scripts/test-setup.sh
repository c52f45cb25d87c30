#!/usr/bin/env bash
# Installs what the tests need, when it is missing, on a Debian machine. Called by the build (pom.xml,
# exec-maven-plugin), so that `./mvnw verify` sets itself up on a fresh machine:
#   scripts/test-setup.sh tools    before the unit tests (phase process-test-classes): Node.js and npm (Debian
#                                  packages nodejs, npm), then the pinned npm packages of tools/model-lint
#                                  (bpmnlint) with `npm ci` into target/model-lint/node_modules
#   scripts/test-setup.sh browser  before the end-to-end tests (phase pre-integration-test): Debian's chromium and
#                                  chromium-driver for the browser test (ticketing.TasklistBrowserIT)
# Debian packages are installed with apt-get when the user may (root, or password-less sudo); otherwise the script
# stops the build with the command to run. Nothing is installed when the tests are skipped (-DskipTests,
# -Dmaven.test.skip, and for the browser -DskipITs or -Dit.test naming other classes), or with PKSO_TEST_SETUP=off.
set -euo pipefail
cd "$(dirname "$0")/.."

what="${1:?usage: scripts/test-setup.sh tools|browser}"
say() { printf 'test-setup: %s\n' "$*" >&2; }
fail() { printf '\ntest-setup: ERROR: %s\n\n' "$*" >&2; exit 1; }
# Maven passes an unset property as its literal expression
set_to() { [[ -n "${1:-}" && "$1" != '${'* ]]; }
is_true() { set_to "${1:-}" && [[ "$1" != false ]]; }

if [[ "${PKSO_TEST_SETUP:-on}" == off ]] || is_true "${PKSO_SKIP_TESTS:-}" || is_true "${PKSO_TEST_SKIP:-}"; then
  exit 0
fi

# apt_install PACKAGE... [-- APT-GET OPTIONS]: installs the Debian packages or fails naming them
apt_install() {
  local packages=() options=()
  while (($#)); do [[ "$1" == -- ]] && { shift; options=("$@"); break; }; packages+=("$1"); shift; done
  local sudo=()
  if [[ "$(id -u)" != 0 ]]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      sudo=(sudo -n)
    else
      fail "the tests need the Debian packages: ${packages[*]}. Install them as root:
    apt-get update && apt-get install -y ${packages[*]}
  then run the build again (or skip the tests that need them: see README, Tests)."
    fi
  fi
  if ! command -v apt-get >/dev/null; then
    fail "the tests need: ${packages[*]} (Debian package names); this machine has no apt-get: install them with its package manager."
  fi
  say "installing the Debian packages ${packages[*]} with apt-get (once; takes a minute or two)"
  local started=$SECONDS
  if ! { "${sudo[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq \
      "${options[@]}" "${packages[@]}" >/dev/null; }; then
    fail "apt-get could not install ${packages[*]}: see its messages above; install them by hand and run the build again."
  fi
  say "installed ${packages[*]} in $((SECONDS - started)) s"
}

tools() {
  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    local missing=()
    command -v node >/dev/null || missing+=(nodejs)
    command -v npm >/dev/null || missing+=(npm)
    apt_install "${missing[@]}" -- --no-install-recommends
  fi
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  ((major >= 18)) || fail "Node.js $(node --version) is too old for the model lint (bpmnlint): install Node.js 18 or newer (Debian 12: apt-get install nodejs npm)."

  local src=tools/model-lint dir=target/model-lint
  if [[ -x "$dir/node_modules/.bin/bpmnlint" ]] && cmp -s "$src/package-lock.json" "$dir/package-lock.json"; then
    return 0
  fi
  say "installing the pinned npm packages of $src (bpmnlint) into $dir with npm ci"
  mkdir -p "$dir"
  cp "$src/package.json" "$src/package-lock.json" "$dir/"
  if ! (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >&2); then
    rm -f "$dir/package-lock.json"
    fail "npm ci in $dir failed (messages above): the first build needs the npm registry; check the network or npm's proxy settings (npm config get registry)."
  fi
  "$dir/node_modules/.bin/bpmnlint" --version >/dev/null 2>&1 || fail "bpmnlint does not run after npm ci in $dir"
}

browser() {
  if is_true "${PKSO_SKIP_ITS:-}"; then
    return 0
  fi
  if set_to "${PKSO_IT_TEST:-}" && [[ "${PKSO_IT_TEST}" != *Browser* ]]; then
    return 0
  fi
  local chromium=/usr/bin/chromium driver=/usr/bin/chromedriver
  set_to "${PKSO_CHROMIUM:-}" && chromium="$PKSO_CHROMIUM"
  set_to "${PKSO_CHROMEDRIVER:-}" && driver="$PKSO_CHROMEDRIVER"
  if [[ -x "$chromium" && -x "$driver" ]]; then
    return 0
  fi
  if [[ "$chromium" != /usr/bin/chromium || "$driver" != /usr/bin/chromedriver ]]; then
    fail "the browser test is set to use $chromium and $driver (-Dpkso.browser-test.*), which are not executable files."
  fi
  apt_install chromium chromium-driver
}

case "$what" in
  tools) tools ;;
  browser) browser ;;
  *) fail "unknown step '$what' (tools or browser)" ;;
esac
