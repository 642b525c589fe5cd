#!/bin/sh
#
# Tests of bin/echarge-supervisor with small fake firmwares (a bin/karaf that serves
# /echarge/api/health on 127.0.0.1 with python3's http.server, never gets ready, or exits):
#   1. a good new firmware is installed, configuration and data carried over, committed;
#   2. a firmware that never gets ready and 3. one that stops at once are rolled back by the
#      supervisor itself (state/restored, state/last-result RESTORED, the previous slot runs);
#   4. a power loss (the whole process group killed) at every step of the switch and of the
#      rollback: the next start always brings up a valid slot and ends in a consistent state;
#   5. a staged firmware whose archive was damaged after verification is not installed.
# Usage: supervisor-test.sh <supervisor script> <work directory>
#
set -u
SUPERVISOR="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
WORK="$2"
rm -rf "$WORK"; mkdir -p "$WORK"
WORK="$(cd "$WORK" && pwd)"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export ECHARGE_TEST_PORT="$PORT"
FAILURES=0
SUPERVISOR_PID=""

fail() {
    echo "FAIL: $*" >&2
    FAILURES=$((FAILURES + 1))
}

# A fake distribution <version> whose bin/karaf does <mode>: good | never | exit.
make_dist() { # <version> <mode>
    dir="$WORK/dist/fake-$1"
    rm -rf "$dir"; mkdir -p "$dir/bin" "$dir/etc" "$dir/www/echarge/api"
    printf 'echarge.version = %s\n' "$1" > "$dir/etc/system.properties"
    printf '%s\n' "$2" > "$dir/etc/mode"
    printf '{"ready": true, "version": "%s"}\n' "$1" > "$dir/www/echarge/api/health"
    cat > "$dir/bin/karaf" <<'EOF'
#!/bin/sh
base="$(cd "$(dirname "$0")/.." && pwd)"
case "$(cat "$base/etc/mode")" in
    exit) exit 3 ;;
    never) exec sleep 600 ;;
esac
exec python3 -m http.server --bind 127.0.0.1 "$ECHARGE_TEST_PORT" --directory "$base/www" >/dev/null 2>&1
EOF
    chmod +x "$dir/bin/karaf"
    tar -czf "$WORK/dist/fake-$1.tar.gz" -C "$WORK/dist" "fake-$1"
    echo "$WORK/dist/fake-$1.tar.gz"
}

# As org.echarge.updater stages a verified firmware.
stage() { # <root> <archive> <version>
    mkdir -p "$1/state/staged"
    cp "$2" "$1/state/staged/firmware.tar.gz"
    printf 'version=%s\nsha256=%s\nfrom=x\n' "$3" "$(sha256sum "$2" | cut -d' ' -f1)" \
        > "$1/state/staged/staged.properties"
}

# A fresh installation of 1.0.0 with configuration and data, and <archive> <version> staged.
fresh() { # <name> <archive> <version>
    root="$WORK/$1"
    "$SUPERVISOR" install "$root" "$V1" 2>/dev/null || fail "$1: install"
    printf 'TRIAL_SECONDS=%s\nHEALTH_URL=http://127.0.0.1:%s/echarge/api/health\nSTOP_SECONDS=2\nRESTART_DELAY=0\n' \
        "${TRIAL:-5}" "$PORT" > "$root/supervisor.conf"
    printf 'number = 1\n' > "$root/slots/A/etc/org.echarge.point-one.cfg"
    mkdir -p "$root/slots/A/data/echarge/sessions"
    printf 'session data\n' > "$root/slots/A/data/echarge/sessions/point-1"
    stage "$root" "$2" "$3"
    echo "$root"
}

# In a session of its own (setsid), so that stopping it, or the crash hook, takes its gateway along.
start() { # <root> [crash step]
    rm -f "$1/supervisor.pid"
    ECHARGE_SUPERVISOR_CRASH_AT="${2:-}" setsid sh -c 'echo $$ > "$1/supervisor.pid"; exec "$0" run "$1"' \
        "$SUPERVISOR" "$1" 2>>"$1/supervisor.log" &
    wait_for 5 test -s "$1/supervisor.pid" || fail "the supervisor did not start"
    SUPERVISOR_PID="$(cat "$1/supervisor.pid")"
}

stop() {
    if [ -n "$SUPERVISOR_PID" ]; then
        kill -TERM "-$SUPERVISOR_PID" 2>/dev/null
        wait_for 10 gone "$SUPERVISOR_PID" || kill -KILL "-$SUPERVISOR_PID" 2>/dev/null
        SUPERVISOR_PID=""
    fi
    wait_for 5 port_free || fail "port $PORT still served after the stop"
}

trap 'stop' EXIT
trap 'exit 2' INT TERM

port_free() { ! curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/"; }

served_version() {
    curl -sf --max-time 1 "http://127.0.0.1:$PORT/echarge/api/health" | sed -n 's/.*"version": "\([^"]*\)".*/\1/p'
}

wait_for() { # <seconds> <command...>
    limit=$(($(date +%s) + $1)); shift
    until "$@"; do
        [ "$(date +%s)" -lt "$limit" ] || return 1
        sleep 0.2
    done
}

result_is() { grep -q "^result=$2$" "$1/state/last-result" 2>/dev/null; }
serves() { [ "$(served_version)" = "$1" ]; }
gone() { ! kill -0 "$1" 2>/dev/null; }

V1="$(make_dist 1.0.0 good)"
V2="$(make_dist 2.0.0 good)"
NEVER="$(make_dist 2.0.0-never never)"
EXITS="$(make_dist 2.0.0-exits exit)"

echo "1. a good new firmware is installed and committed"
root="$(fresh good "$V2" 2.0.0)"
start "$root"
wait_for 20 result_is "$root" UPDATED || fail "good: no UPDATED result"
wait_for 5 serves 2.0.0 || fail "good: 2.0.0 does not serve health"
[ "$(readlink "$root/current")" = slots/B ] || fail "good: current is not slots/B"
[ "$(readlink "$root/previous")" = slots/A ] || fail "good: previous is not slots/A"
[ -x "$root/echarge-supervisor" ] || fail "good: install did not copy the supervisor out of the slots"
grep -q 'number = 1' "$root/slots/B/etc/org.echarge.point-one.cfg" 2>/dev/null || fail "good: configuration not carried over"
grep -q 'session data' "$root/slots/B/data/echarge/sessions/point-1" 2>/dev/null || fail "good: data not carried over"
grep -qx '1.0.0' "$root/slots/B/etc/echarge-application.version" 2>/dev/null || fail "good: application version not kept"
[ ! -e "$root/state/staged" ] && [ ! -e "$root/state/trial" ] && [ ! -e "$root/state/restored" ] \
    || fail "good: state left behind: $(ls "$root/state")"
stop

echo "2. a firmware that never gets ready is rolled back by the supervisor"
root="$(TRIAL=3 fresh never "$NEVER" 2.0.0-never)"
start "$root"
wait_for 25 result_is "$root" RESTORED || fail "never: no RESTORED result"
wait_for 10 serves 1.0.0 || fail "never: 1.0.0 does not serve health after the rollback"
[ "$(readlink "$root/current")" = slots/A ] || fail "never: current is not slots/A"
grep -q 'not ready within 3 s' "$root/state/restored" 2>/dev/null || fail "never: restored marker without the reason"
grep -q '^reason=it was not ready within 3 s' "$root/state/last-result" || fail "never: last-result without the reason"
stop
"$SUPERVISOR" status "$root" | grep -q '^restored: firmware 2.0.0-never failed' || fail "never: status does not say restored"

echo "3. a firmware that stops at once is rolled back"
root="$(TRIAL=10 fresh exits "$EXITS" 2.0.0-exits)"
start "$root"
wait_for 20 result_is "$root" RESTORED || fail "exits: no RESTORED result"
grep -q 'stopped (exit code 3) before it was ready' "$root/state/last-result" || fail "exits: reason missing"
wait_for 10 serves 1.0.0 || fail "exits: 1.0.0 does not serve health"
stop

echo "4. power loss at every step of the switch"
for at in after-previous-link after-unpack after-carry-over after-slot after-trial after-switch after-staged-removed after-start; do
    root="$(fresh "crash-$at" "$V2" 2.0.0)"
    start "$root" "$at"
    wait_for 20 gone "$SUPERVISOR_PID" || fail "crash $at: the hook did not fire"
    SUPERVISOR_PID=""
    start "$root"
    wait_for 25 result_is "$root" UPDATED || fail "crash $at: no UPDATED after the restart"
    wait_for 5 serves 2.0.0 || fail "crash $at: 2.0.0 does not serve health"
    [ "$(readlink "$root/current")" = slots/B ] && [ -f "$root/slots/B/.echarge-slot" ] || fail "crash $at: current not slots/B"
    [ ! -e "$root/slots/B.new" ] && [ ! -e "$root/state/staged" ] || fail "crash $at: leftovers"
    stop
done
echo "   and at every step of the rollback"
for at in after-restored-marker after-rollback-switch; do
    root="$(TRIAL=3 fresh "crash-$at" "$NEVER" 2.0.0-never)"
    start "$root" "$at"
    wait_for 25 gone "$SUPERVISOR_PID" || fail "crash $at: the hook did not fire"
    SUPERVISOR_PID=""
    start "$root"
    wait_for 25 serves 1.0.0 || fail "crash $at: 1.0.0 does not serve health after the restart"
    wait_for 5 result_is "$root" RESTORED || fail "crash $at: no RESTORED result"
    [ "$(readlink "$root/current")" = slots/A ] || fail "crash $at: current is not slots/A"
    [ -f "$root/state/restored" ] && [ ! -e "$root/state/trial" ] || fail "crash $at: state $(ls "$root/state")"
    stop
done

echo "5. a staged firmware damaged after verification is not installed"
root="$(fresh damaged "$V2" 2.0.0)"
printf 'x' >> "$root/state/staged/firmware.tar.gz"
start "$root"
wait_for 20 serves 1.0.0 || fail "damaged: 1.0.0 does not run"
result_is "$root" FAILED && grep -q 'damaged' "$root/state/last-result" || fail "damaged: no FAILED result"
[ "$(readlink "$root/current")" = slots/A ] && [ ! -e "$root/state/staged" ] || fail "damaged: state"
stop

if [ "$FAILURES" -ne 0 ]; then
    echo "supervisor tests: $FAILURES failure(s); logs in $WORK/*/supervisor.log" >&2
    exit 1
fi
echo "supervisor tests: all passed"
