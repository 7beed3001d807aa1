#!/usr/bin/env bash
# What a user of the npm packages gets. Versions a copy of the checkout as a release would (the pending
# changesets applied) and publishes every package of it to a throwaway local registry (verdaccio), then,
# from that registry only:
#   1. installs @chokepoint/cli and @chokepoint/server globally (into a temporary prefix), runs
#      `chokepoint serve` on a free port and assesses a transfer over HTTP;
#   2. installs @chokepoint/mcp and calls its assess_transfer tool from an MCP client over stdio;
#   3. installs the SDK packages, bundles a small program with esbuild and runs the bundle where no
#      node_modules can be found;
#   4. follows docs/writing-a-plugin.md by hand from an empty folder (its npm commands, the files it
#      shows, npm test, npm run build), loads the plugin into the CLI and the server through
#      CHOKEPOINT_PLUGINS, publishes it and loads it by name from another project; then starts a plugin
#      with `npm init @chokepoint/plugin@latest xx`, tests, builds and loads it into the CLI and the server.
# Every process it starts is stopped on every exit path (success, failure, Ctrl-C). It downloads
# verdaccio and the packages' dependencies from the configured npm registry. `pnpm check:publish`
# builds first. REHEARSAL_PIDS_FILE, when set, receives the IDs of the processes it started, so a
# caller can check that none outlives it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
pids=()

cleanup() {
  local pid
  # Each background process leads its own process group (setsid), so its children stop with it.
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start LOG CMD...: runs CMD in its own process group, logging to LOG.
start() {
  local log="$1"; shift
  setsid "$@" >"$log" 2>&1 < /dev/null &
  pids+=("$!")
  if [[ -n "${REHEARSAL_PIDS_FILE:-}" ]]; then echo "$!" >> "$REHEARSAL_PIDS_FILE"; fi
}
free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
wait_for() { # URL WHAT LOG
  for _ in $(seq 1 240); do curl -sf "$1" >/dev/null && return 0; sleep 0.5; done
  echo "publish rehearsal: $2 did not answer at $1; its log:" >&2; cat "$3" >&2; return 1
}
npm_quiet() { npm --no-audit --no-fund --loglevel=error "$@" >/dev/null; }

# --- the registry --------------------------------------------------------------------------------
mkdir -p "$work/registry" "$work/prefix" "$work/serve" "$work/mcp" "$work/sdk" "$work/bundle" "$work/author" "$work/project" "$work/init"
cd "$work/registry"
# verdaccio 6.9+ needs Node 22; its audit plugin asks for a node-fetch dist-tag some mirrors lack.
printf '{"name":"registry","private":true,"overrides":{"node-fetch":"2.7.0"}}\n' > package.json
npm_quiet install verdaccio@6.8
port="$(free_port)"
cat > config.yaml <<YAML
storage: ./storage
listen: 127.0.0.1:${port}
auth: { htpasswd: { file: ./htpasswd, max_users: 100 } }
uplinks: {}
packages:
  '@chokepoint/*': { access: \$all, publish: \$anonymous \$authenticated }
  '@acme/*': { access: \$all, publish: \$anonymous \$authenticated }
log: { type: stdout, format: pretty, level: warn }
YAML
start "$work/verdaccio.log" node node_modules/verdaccio/bin/verdaccio --config ./config.yaml
registry="http://127.0.0.1:${port}/"
wait_for "${registry}-/ping" verdaccio "$work/verdaccio.log"

# The user config keeps the machine's settings (nodedir for native builds) and adds the registry token.
{ cat "${HOME}/.npmrc" 2>/dev/null || true; printf '//127.0.0.1:%s/:_authToken=anonymous\n' "$port"; } > "$work/npmrc"
export NPM_CONFIG_USERCONFIG="$work/npmrc"

# --- the release: a copy of this checkout versioned as `pnpm release:version` does ------------------
# Users install a versioned release, not the working tree's versions: the pending changesets are applied
# to a copy (versions, changelogs, the docs' worked examples) and the copy is published, so a break that
# only a version bump shows (a plugin whose core range refuses the new core) fails here, not after release.
mkdir -p "$work/release"
(cd "$root" && git ls-files -z --cached --others --exclude-standard | tar --null --ignore-failed-read -T - -cf -) | tar -xf - -C "$work/release"
cd "$work/release"
{ pnpm install --frozen-lockfile --prefer-offline && pnpm release:version; } >"$work/release.log" 2>&1 || { cat "$work/release.log" >&2; exit 1; }
echo "ok  versioned as a release (pnpm release:version): @chokepoint/core $(node -p "require('./packages/core/package.json').version"), @chokepoint/cli $(node -p "require('./packages/cli/package.json').version")"
pnpm -r --filter './packages/*' --filter './apps/*' publish --registry "$registry" --no-git-checks --access public >"$work/publish.log" 2>&1 \
  || { cat "$work/publish.log" >&2; exit 1; }
scope=(--@chokepoint:registry="$registry")

# --- 1. the CLI and the server, installed globally -----------------------------------------------
npm_quiet install -g --prefix "$work/prefix" "${scope[@]}" @chokepoint/cli @chokepoint/server
export PATH="$work/prefix/bin:$PATH"
cd "$work/serve"
export CHOKEPOINT_SQLITE_PATH="$work/serve/chokepoint.db"
[[ "$(chokepoint-server keys list --json)" == "[]" ]] || { echo 'publish rehearsal: chokepoint-server keys list failed' >&2; exit 1; }
server_port="$(free_port)"
start "$work/server.log" chokepoint serve --port "$server_port" --host 127.0.0.1
wait_for "http://127.0.0.1:${server_port}/healthz" 'chokepoint serve' "$work/server.log"
curl -sf -H 'content-type: application/json' \
  -d '{"item":{"id":"dysprosium/oxide"},"from":"CN","to":"US","date":"2025-06-01","endUse":"civil"}' \
  "http://127.0.0.1:${server_port}/v1/assessments" > answer.json
node -e "
const a = JSON.parse(require('fs').readFileSync('answer.json', 'utf8'));
// Every default plugin answers, Japan's included.
const regimes = a.jurisdictions.map((j) => j.jurisdiction).sort().join(',');
if (a.verdict !== 'license_required' || regimes !== 'CN,EU,JP,US') { console.error(a); process.exit(1); }
console.log('ok  npm install -g @chokepoint/cli @chokepoint/server; chokepoint serve; POST /v1/assessments:', a.verdict, 'from', a.jurisdictions.map((j) => j.jurisdiction).join(', '));"
# The installed server serves the web application from its own dist/web, with the script it names.
curl -sf "http://127.0.0.1:${server_port}/" > index.html
grep -q '<div id="app"></div>' index.html || { echo 'publish rehearsal: GET / is not the web application' >&2; exit 1; }
asset="$(grep -o '/assets/[^"]*\.js' index.html | head -1)"
curl -sf -o /dev/null "http://127.0.0.1:${server_port}${asset}" || { echo "publish rehearsal: ${asset} is missing from the installed server" >&2; exit 1; }
echo "ok  GET / serves the web application and ${asset}"

# --- 2. the MCP server, from an MCP client --------------------------------------------------------
cd "$work/mcp"
printf '{"name":"mcp-consumer","private":true,"type":"module"}\n' > package.json
npm_quiet install "${scope[@]}" @chokepoint/mcp
cp "$root/scripts/rehearsal/mcp-client.mjs" .
node mcp-client.mjs

# --- 3. an SDK program, bundled ---------------------------------------------------------------------
cd "$work/sdk"
printf '{"name":"sdk-consumer","private":true,"type":"module"}\n' > package.json
npm_quiet install "${scope[@]}" @chokepoint/core @chokepoint/taxonomy @chokepoint/plugin-cn-mofcom @chokepoint/plugin-eu-dual-use @chokepoint/plugin-us-ear @chokepoint/plugin-jp-meti esbuild@0.25
# The JSON Schema files ship with core: the answer's fields are the ones its schema names.
node -e "
const schema = require('@chokepoint/core/schemas/assessment-response.schema.json');
const fields = Object.keys(schema.properties);
if (!['verdict', 'jurisdictions', 'data'].every((f) => fields.includes(f))) { console.error(schema); process.exit(1); }
console.log('ok  @chokepoint/core/schemas/assessment-response.schema.json:', fields.join(', '));"
cp "$root/packages/cli/test/fixtures/sdk-program.mjs" .
npx esbuild sdk-program.mjs --bundle --platform=node --format=esm --target=node20 --log-level=warning --outfile="$work/bundle/sdk.mjs"
cd "$work/bundle"
node sdk.mjs > answer.json
node -e "
const a = JSON.parse(require('fs').readFileSync('answer.json', 'utf8'));
if (a.plugins.length !== 4 || !a.verdict || a.hs !== '811292') { console.error(a); process.exit(1); }
console.log('ok  SDK program bundled with esbuild runs without node_modules:', a.verdict, a.jurisdictions.join(', '));"
# --- 4. the plugin author's path (docs/writing-a-plugin.md), by hand -----------------------------
# The author's npm knows the registry from their user config, as it would know the public one.
printf '@chokepoint:registry=%s\n@acme:registry=%s\n' "$registry" "$registry" >> "$work/npmrc"
node "$root/scripts/rehearsal/plugin-guide.mjs" "$root/docs/writing-a-plugin.md" "$work/guide"
cd "$work/author"
bash "$work/guide/setup.sh" >"$work/author-setup.log" 2>&1 || { cat "$work/author-setup.log" >&2; exit 1; }
cp -r "$work/guide/files/." .
# The first local run writes the measure pages; a second one under CI checks they are current.
env -u CI npm test >"$work/author-test.log" 2>&1 && CI=1 npm test >>"$work/author-test.log" 2>&1 \
  || { cat "$work/author-test.log" >&2; exit 1; }
npm run build >"$work/author-build.log" 2>&1 || { cat "$work/author-build.log" >&2; exit 1; }
[[ -f docs/measures/xx-2025-1.md && -f dist/index.js && -f dist/index.d.ts ]] || { echo 'publish rehearsal: the guide did not give docs/measures and dist' >&2; exit 1; }
status="$(CHOKEPOINT_PLUGINS=./dist/index.js chokepoint data status)"
grep -q '^@acme/plugin-xx ' <<<"$status" || { echo "publish rehearsal: the CLI did not load the guide plugin: $status" >&2; exit 1; }
listed="$(CHOKEPOINT_PLUGINS=./dist/index.js chokepoint measures --jurisdiction XX --as-of 2025-02-01)"
grep -Eq '^XX +xx-2025-1 +in_force' <<<"$listed" || { echo "publish rehearsal: the CLI does not list the guide plugin measure: $listed" >&2; exit 1; }
author_port="$(free_port)"
start "$work/author-server.log" env CHOKEPOINT_SQLITE_PATH="$work/author.db" CHOKEPOINT_PLUGINS=./dist/index.js chokepoint serve --port "$author_port" --host 127.0.0.1
wait_for "http://127.0.0.1:${author_port}/healthz" 'chokepoint serve with the guide plugin' "$work/author-server.log"
served="$(curl -sf "http://127.0.0.1:${author_port}/v1/measures?jurisdiction=XX")"
grep -q '"id":"xx-2025-1"' <<<"$served" || { echo "publish rehearsal: the server did not load the guide plugin: $served" >&2; cat "$work/author-server.log" >&2; exit 1; }
npm_quiet publish
cd "$work/project"
npm init -y >/dev/null
npm_quiet install @acme/plugin-xx
listed="$(CHOKEPOINT_PLUGINS=@acme/plugin-xx chokepoint measures --jurisdiction XX)"
grep -q 'xx-2025-1' <<<"$listed" || { echo "publish rehearsal: the CLI did not load @acme/plugin-xx installed in a project: $listed" >&2; exit 1; }
# The guide's other start: the initializer.
cd "$work/init"
# As the guide says: @latest, or npm reuses an initializer an earlier run left in its cache (of an older release).
npm init -y @chokepoint/plugin@latest xx >"$work/init.log" 2>&1 || { cat "$work/init.log" >&2; exit 1; }
cd xx
{ npm install --no-audit --no-fund --loglevel=error && npm test && npm run build; } >>"$work/init.log" 2>&1 || { cat "$work/init.log" >&2; exit 1; }
listed="$(CHOKEPOINT_PLUGINS=./dist/index.js chokepoint measures --jurisdiction XX)"
grep -q 'xx-notice-1' <<<"$listed" || { echo "publish rehearsal: the CLI did not load the plugin npm init @chokepoint/plugin wrote: $listed" >&2; exit 1; }
init_port="$(free_port)"
start "$work/init-server.log" env CHOKEPOINT_SQLITE_PATH="$work/init.db" CHOKEPOINT_PLUGINS=./dist/index.js chokepoint serve --port "$init_port" --host 127.0.0.1
wait_for "http://127.0.0.1:${init_port}/healthz" 'chokepoint serve with the npm init plugin' "$work/init-server.log"
served="$(curl -sf "http://127.0.0.1:${init_port}/v1/measures?jurisdiction=XX")"
grep -q '"id":"xx-notice-1"' <<<"$served" || { echo "publish rehearsal: the server did not load the plugin npm init @chokepoint/plugin wrote: $served" >&2; cat "$work/init-server.log" >&2; exit 1; }
echo 'ok  docs/writing-a-plugin.md by hand and by npm init @chokepoint/plugin: npm test, npm run build, each loaded by path into the CLI and the server; the guide plugin by name once published'

echo 'publish rehearsal ok'
