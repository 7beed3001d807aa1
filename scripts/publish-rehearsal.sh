#!/usr/bin/env bash
# Publishes every package to a throwaway local registry (verdaccio), installs @chokepoint/cli from it in
# an empty folder, and runs one assessment: what a user of the npm packages would get. Not part of CI
# (it downloads verdaccio); run it before a release with `pnpm check:publish`.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
port="${VERDACCIO_PORT:-4873}"
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

mkdir -p "$work/registry" "$work/consumer"
cd "$work/registry"
# verdaccio 6.9+ needs Node 22; its audit plugin asks for a node-fetch dist-tag some mirrors lack.
printf '{"name":"registry","private":true,"overrides":{"node-fetch":"2.7.0"}}\n' > package.json
npm install --silent --no-audit --no-fund verdaccio@6.8 >/dev/null
cat > config.yaml <<YAML
storage: ./storage
listen: 127.0.0.1:${port}
auth: { htpasswd: { file: ./htpasswd, max_users: 100 } }
uplinks: { npmjs: { url: $(npm config get registry) } }
packages:
  '@chokepoint/*': { access: \$all, publish: \$anonymous \$authenticated }
  '**': { access: \$all, proxy: npmjs }
log: { type: stdout, format: pretty, level: warn }
YAML
npx verdaccio --config ./config.yaml > verdaccio.log 2>&1 &
pid=$!
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:${port}/-/ping" >/dev/null && break; sleep 0.5; done

registry="http://127.0.0.1:${port}/"
printf '//127.0.0.1:%s/:_authToken=anonymous\n' "$port" > "$work/npmrc"
cd "$root"
NPM_CONFIG_USERCONFIG="$work/npmrc" pnpm -r --filter './packages/*' publish --registry "$registry" --no-git-checks --access public

cd "$work/consumer"
printf '{"name":"consumer","private":true,"type":"module"}\n' > package.json
printf '@chokepoint:registry=%s\n' "$registry" > .npmrc
npm install --silent --no-audit --no-fund @chokepoint/cli >/dev/null
npx chokepoint assess --id dysprosium/oxide --from CN --to US --date 2025-06-01 --end-use civil --json > answer.json
node -e "const a = JSON.parse(require('fs').readFileSync('answer.json','utf8')); if (a.verdict !== 'license_required' || a.jurisdictions.length !== 3) { console.error(a); process.exit(1) } console.log('publish rehearsal ok: installed @chokepoint/cli from the local registry; verdict', a.verdict, 'from', a.jurisdictions.map(j => j.jurisdiction).join(', '))"
