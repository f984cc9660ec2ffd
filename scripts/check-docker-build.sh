#!/usr/bin/env bash
# Runs the Dockerfile's steps without Docker, for machines that cannot build the image (no daemon,
# no access to Docker Hub). In a scratch directory from mktemp, on a clean clone of the committed
# branch:
#   1. build stage: its COPY and RUN lines in order (all but the apt-get ones): the production
#      install, then the build of dist/; checks that no dev-only package of the lockfile got installed;
#   2. runtime stage: copies exactly what the final stage's COPY lines name, plus node_modules;
#   3. starts the Dockerfile's CMD the way compose does (no .env file in the image; the variables of
#      .env.example as env_file, DATABASE_PATH and PORT from compose.yaml's `environment`), as a
#      non-root user when run as root, in console mode: `ayuda` must print the help and exit 0;
#   4. `npm run backup` into the data folder, as compose.yaml's example does;
#   5. Slack HTTP mode against a fake Slack API: the Dockerfile's HEALTHCHECK command must pass, and
#      SIGTERM must stop the bot cleanly (exit 0);
#   6. restore: the backup copied over the database, stale -wal/-shm removed, the bot starts again.
# It deletes only its own mktemp directory. Usage: scripts/check-docker-build.sh [git-ref]
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
ref=${1:-HEAD}
tmp=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT

fail() {
  echo "FALLO: $*" >&2
  exit 1
}
step() { printf '\n== %s\n' "$*"; }

src=$tmp/src build=$tmp/build app=$tmp/app data=$tmp/data home=$tmp/home
step "clean clone of $ref"
git clone --quiet "$repo" "$src"
git -C "$src" checkout --quiet --detach "$ref"
git -C "$src" log --oneline -1
dockerfile=$src/Dockerfile
[ -f "$dockerfile" ] || fail "no Dockerfile in $ref"

# The final stage: the lines after the last FROM. The build stage: from the first FROM to the next,
# with continued lines (ending in a backslash) joined and comments left out.
runtime_stage=$(awk '/^FROM /{buf=""} {buf=buf $0 "\n"} END{printf "%s", buf}' "$dockerfile")
build_stage=$(awk '/^FROM /{n++} n==1 && !/^ *#/' "$dockerfile" | sed -e ':a' -e '/\\$/{N;s/\\\n */ /;ba' -e '}')

step "build stage: production dependencies, then the build"
mkdir -p "$build"
grep -qE '^RUN npm (ci|install)' <<<"$build_stage" || fail "the build stage has no 'RUN npm ci/install' line"
while read -r line; do
  case $line in
  COPY\ *)
    read -r -a words <<<"$line"
    dest=${words[-1]}
    for source in "${words[@]:1:${#words[@]}-2}"; do
      if [ -d "$src/$source" ]; then
        mkdir -p "$build/$dest" && cp -R "$src/$source/." "$build/$dest/"
      else
        mkdir -p "$build/$dest" && cp "$src/$source" "$build/$dest"
      fi
    done
    echo "+ $line"
    ;;
  RUN\ *apt-get*) echo "(skipped: ${line:0:60}...)" ;;
  RUN\ *)
    # Not this machine's own npm cache: it stays.
    command=${line#RUN }
    command=${command/&& npm cache clean --force/}
    echo "+ $command"
    (cd "$build" && bash -c "$command") || fail "the build stage's '$command' failed"
    ;;
  esac
done <<<"$build_stage"
[ -f "$build/dist/bot/main.js" ] || fail "the build stage wrote no dist/bot/main.js"
node -e '
  const { existsSync } = require("node:fs");
  const lock = require(process.argv[1] + "/package-lock.json");
  const devOnly = Object.entries(lock.packages).filter(([path, p]) => path && p.dev);
  const installed = devOnly.filter(([path]) => existsSync(process.argv[1] + "/" + path));
  if (installed.length) { console.error("dev-only packages installed: " + installed.map(([p]) => p).join(", ")); process.exit(1); }
  console.log("none of the " + devOnly.length + " dev-only packages of the lockfile is installed");
' "$build" || fail "--omit=dev installed dev-only packages"

step "runtime stage: the final stage's COPY lines"
mkdir -p "$app"
while read -r -a words; do
  [ "${words[0]:-}" = COPY ] || continue
  args=("${words[@]:1}")
  from=$src
  if [[ ${args[0]} == --from=build ]]; then
    from=$build
    args=("${args[@]:1}")
  fi
  [[ ${args[0]} != --* ]] || fail "unexpected COPY flag: ${args[0]}"
  dest=${args[-1]}
  dest=$app/${dest#/app/}
  for source in "${args[@]:0:${#args[@]}-1}"; do
    source=$from/${source#/app/}
    if [ -d "$source" ]; then
      mkdir -p "$dest" && cp -R "$source/." "$dest/"
    elif [[ $dest == */ ]]; then
      mkdir -p "$dest" && cp "$source" "$dest"
    else
      mkdir -p "$(dirname "$dest")" && cp "$source" "$dest"
    fi
  done
  echo "+ ${words[*]}"
done <<<"$runtime_stage"
[ -d "$app/node_modules/tsx" ] || fail "the runtime stage has no node_modules/tsx"
mkdir -p "$app/exports" "$data" "$home"

# As root, run as "nobody" with the code owned by root, like the image's `USER node`.
as_user=()
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
  chmod 755 "$tmp"
  chown nobody "$app/exports" "$data" "$home"
  as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
  echo "running as nobody; only exports/, the data folder and HOME are writable"
fi

# The CMD of the Dockerfile, as a bash array.
mapfile -t cmd < <(grep -m1 '^CMD \[' <<<"$runtime_stage" | sed -E 's/^CMD //' | node -e 'for (const w of JSON.parse(require("fs").readFileSync(0, "utf8"))) console.log(w)')
[ "${#cmd[@]}" -gt 0 ] || fail "the runtime stage has no CMD [...]"
healthcheck=$(grep -A1 '^HEALTHCHECK' <<<"$runtime_stage" | grep -E '^ *CMD \[' | sed -E 's/^ *CMD //')
[ -n "$healthcheck" ] || fail "the runtime stage has no HEALTHCHECK CMD [...]"
mapfile -t health_cmd < <(node -e 'for (const w of JSON.parse(process.argv[1])) console.log(w)' "$healthcheck")

# compose: env_file .env (here .env.example, as `cp .env.example .env` leaves it) under the values
# of `environment`; no .env file in the working directory (.dockerignore keeps it out of the image).
base_env=(PATH="$PATH" HOME="$home" NODE_ENV=production DATABASE_PATH="$data/rendicion.db")
container() {
  (cd "$app" && exec env -i "${base_env[@]}" "$@")
}
node_env_file=(--env-file="$src/.env.example")
start=("${cmd[0]}" "${node_env_file[@]}" "${cmd[@]:1}")

step "console mode: printf 'ayuda\\n' | ${cmd[*]}"
printf 'ayuda\n' | container PORT=3000 "${as_user[@]}" "${start[@]}" >"$tmp/ayuda.out" 2>"$tmp/ayuda.err" ||
  { cat "$tmp/ayuda.err" >&2; fail "the bot exited with an error"; }
head -1 "$tmp/ayuda.out"
grep -q '^Comandos de /rendicion' "$tmp/ayuda.out" || fail "no help title in the output"
[ -f "$data/rendicion.db" ] || fail "the database is not at DATABASE_PATH ($data/rendicion.db)"
echo "exit 0, help printed, database created at DATABASE_PATH"

step "backup: npm run backup -- <data>/respaldo.db"
container "${as_user[@]}" npm run --silent backup -- "$data/respaldo.db" || fail "npm run backup failed"
[ -f "$data/respaldo.db" ] || fail "no backup file"

step "Slack HTTP mode against a fake Slack API: HEALTHCHECK and SIGTERM"
node -e '
  const server = require("node:http").createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1", channel: "C1", ts: "1.1", members: [], channels: [] }));
    });
  });
  server.listen(0, "127.0.0.1", () => console.log(server.address().port));
' >"$tmp/fake-slack.port" &
pids+=($!)
for _ in $(seq 50); do [ -s "$tmp/fake-slack.port" ] && break; sleep 0.1; done
slack_port=$(cat "$tmp/fake-slack.port")
bot_port=$(node -e 's=require("node:net").createServer().listen(0,()=>{console.log(s.address().port);s.close()})')
slack_env=(PORT="$bot_port" SLACK_BOT_TOKEN=xoxb-prueba SLACK_SIGNING_SECRET=secreto-de-prueba
  SLACK_API_URL="http://127.0.0.1:$slack_port/api/")
# Not through container(): $! must be the bot itself (the subshell execs env, setpriv, node).
(cd "$app" && exec env -i "${base_env[@]}" "${slack_env[@]}" "${as_user[@]}" "${start[@]}") \
  </dev/null >"$tmp/slack.out" 2>"$tmp/slack.err" &
bot=$!
pids+=("$bot")
healthy=
for _ in $(seq 60); do
  if container PORT="$bot_port" "${as_user[@]}" "${health_cmd[@]}"; then
    healthy=1
    break
  fi
  kill -0 "$bot" 2>/dev/null || break
  sleep 1
done
[ -n "$healthy" ] || { cat "$tmp/slack.err" >&2; fail "the HEALTHCHECK command never passed"; }
echo "HEALTHCHECK passed: $(curl -fsS "http://127.0.0.1:$bot_port/healthz" 2>/dev/null || echo '(curl missing)')"
kill -TERM "$bot"
status=0
wait "$bot" || status=$?
[ "$status" = 0 ] || { cat "$tmp/slack.err" >&2; fail "after SIGTERM the bot exited with $status"; }
grep -q 'shutting down' "$tmp/slack.err" || fail "no 'shutting down' log line after SIGTERM"
echo "SIGTERM: clean shutdown, exit 0"

step "restore: the backup over the database, without the old -wal/-shm"
cp "$data/respaldo.db" "$data/rendicion.db"
rm -f "$data/rendicion.db-wal" "$data/rendicion.db-shm"
printf 'ayuda\n' | container PORT=3000 "${as_user[@]}" "${start[@]}" >"$tmp/restored.out" 2>"$tmp/restored.err" ||
  { cat "$tmp/restored.err" >&2; fail "the bot did not start on the restored database"; }
grep -q '^Comandos de /rendicion' "$tmp/restored.out" || fail "no help title after the restore"
echo "the bot starts on the restored database"

printf '\nOK: the Dockerfile steps work outside Docker (the image itself was not built).\n'
