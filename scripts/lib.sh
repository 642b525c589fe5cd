# Shared by the scripts in this folder (sourced, not run).

# Karaf 4.4 runs on Java 17; pick it when JAVA_HOME is not set.
if [ -z "${JAVA_HOME:-}" ]; then
    for candidate in /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk-arm64 /usr/lib/jvm/java-17-openjdk; do
        if [ -x "$candidate/bin/java" ]; then export JAVA_HOME="$candidate"; break; fi
    done
fi
if [ -z "${JAVA_HOME:-}" ]; then
    JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    export JAVA_HOME
fi
if ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -q 'version "17'; then
    echo "e-charge gateway needs Java 17 (Karaf 4.4); set JAVA_HOME to a Java 17 JDK" >&2
    exit 1
fi

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Unpacks the built distribution into $1 (emptied first) and adds the demo site configuration.
unpack_demo() {
    local target="$1" dist
    dist="$(ls "$ROOT"/karaf-assembly/target/karaf-assembly-*.tar.gz 2>/dev/null | head -n 1)"
    if [ -z "$dist" ]; then
        echo "no distribution in karaf-assembly/target: build first (mvn -B install -DskipTests)" >&2
        exit 1
    fi
    rm -rf "$target"
    mkdir -p "$target"
    tar -xzf "$dist" -C "$target" --strip-components=1
    cp "$target"/demo/etc/*.cfg "$target"/etc/
}

# Waits until the gateway reports ready (HTTP 200 on /echarge/api/health); $1 = timeout in s.
wait_ready() {
    local deadline=$((SECONDS + $1))
    until curl -sf -o /dev/null "http://127.0.0.1:${HTTP_PORT:-8181}/echarge/api/health"; do
        if [ $SECONDS -ge $deadline ]; then return 1; fi
        sleep 0.1
    done
}

# Ready, and still ready 3 s later without a break: on the first start the web server restarts
# once when the HTTPS certificate it made comes into use, just after the first "ready".
wait_settled() {
    local deadline=$((SECONDS + $1)) since
    wait_ready "$1" || return 1
    since=$SECONDS
    while [ $((SECONDS - since)) -lt 3 ]; do
        if [ $SECONDS -ge $deadline ]; then return 1; fi
        curl -sf -o /dev/null "http://127.0.0.1:${HTTP_PORT:-8181}/echarge/api/health" || since=$SECONDS
        sleep 0.2
    done
}
