# Shared by the scripts: where things are, and how to find Java and Maven from a bare environment
# (MCP clients start scripts/run with almost no PATH).
# scripts/run is on the cold-start path: every process forked there is time an MCP client waits, so what it
# uses takes none (cd is a built-in; the folder is made absolute as the start-up cache recorded the jar's path).
_lib_dir="${BASH_SOURCE[0]%/*}"
[ "$_lib_dir" != "${BASH_SOURCE[0]}" ] || _lib_dir=.
CDPATH='' cd -- "$_lib_dir/.."
ROOT="$PWD"
cd -- "$OLDPWD"
JAR="$ROOT/target/replicas-mcp.jar"
CDS="$ROOT/target/replicas-mcp.jsa"
AOT="$ROOT/target/replicas-mcp-aot.jsa"
# The java scripts/build chose, and its version, a line each (see pick_java).
JAVA_RECORD="$ROOT/target/java"
export PATH="$PATH:/usr/local/bin:/usr/bin:/bin:/opt/homebrew/bin"

# Sets MAJOR to the feature version of the JDK a java binary belongs to, read from the JDK's `release` file
# (no JVM started); 0 when it cannot be told. Shell built-ins only, bar readlink for a symlink.
read_major() {
  local path="$1" line
  MAJOR=0
  if [ -L "$path" ]; then path="$(readlink -f "$path")"; fi
  if [ -r "${path%/bin/java}/release" ]; then
    while IFS= read -r line; do
      case "$line" in
        JAVA_VERSION=\"[0-9]*)
          line="${line#JAVA_VERSION=\"}"
          MAJOR="${line%%[!0-9]*}"
          return ;;
      esac
    done < "${path%/bin/java}/release"
  fi
}

# The same, printed.
java_major() {
  read_major "$1"
  echo "$MAJOR"
}

# JAVA_HOME wins. Otherwise a Java 25 or newer when one is installed (its AOT-linked archive starts the server in
# less time and memory than Java 17's class-data archive; see README "Performance"), else `java` on the
# PATH, else any JDK in the usual folders. Java 17 is the minimum.
find_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then echo "$JAVA_HOME/bin/java"; return; fi
  local candidate best="" best_major=0
  for candidate in "$(command -v java 2>/dev/null)" /usr/lib/jvm/*/bin/java \
      /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    read_major "$candidate"
    if [ -z "$best" ] || { [ "$MAJOR" -ge 25 ] && [ "$MAJOR" -gt "$best_major" ]; }; then
      best="$candidate"; best_major="$MAJOR"
    fi
  done
  if [ -n "$best" ]; then echo "$best"; return; fi
  echo "replicas-mcp: no Java found. Install Java 17 (or 25, which starts faster) or set JAVA_HOME." >&2
  exit 1
}

# Sets JAVA to the java scripts/run starts and JAVA_MAJOR to its version. JAVA_HOME wins; otherwise the java
# scripts/build chose and recorded (JAVA_RECORD) while it is still there, which spares a start the search
# (~5 ms with its subshells, measured); otherwise find_java's choice. A Java installed
# later is chosen at the next build (`scripts/build --force`).
pick_java() {
  if [ -z "${JAVA_HOME:-}" ] && [ -f "$JAVA_RECORD" ] \
      && { IFS= read -r JAVA && IFS= read -r JAVA_MAJOR; } < "$JAVA_RECORD" && [ -x "$JAVA" ]; then
    return
  fi
  JAVA="$(find_java)"
  read_major "$JAVA"
  JAVA_MAJOR="$MAJOR"
}

# Whether the jar is missing or older than the sources (scripts/build then packages it).
jar_stale() {
  [ ! -f "$JAR" ] && return 0
  [ -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$JAR" -print -quit 2>/dev/null)" ]
}

# Whether the AOT-linked archive is there and was made for this java (scripts/cds-train records which one).
aot_made_for() {
  local made=""
  [ -f "$AOT" ] && [ -f "$AOT.java" ] && IFS= read -r made < "$AOT.java"
  [ -n "$made" ] && [ "$made" = "$1" ]
}

# Whether the start-up cache scripts/build trains is there, newer than the jar and made for this java ($1,
# whose version is $2).
cache_current() {
  if [ "$2" -ge 25 ]; then
    aot_made_for "$1" && [ ! "$JAR" -nt "$AOT" ]
  else
    [ -f "$CDS" ] && [ ! "$JAR" -nt "$CDS" ]
  fi
}

find_mvn() {
  if command -v mvn >/dev/null 2>&1; then command -v mvn; return; fi
  echo "replicas-mcp: Maven (mvn) is needed to build. Install Maven 3.8+." >&2
  exit 1
}

# Sets FLAGS to the JVM flags of a server process started by java ($1, of version $2) with the server's
# arguments after them: JVM warnings to stderr, never stdout; a small resident
# process (Serial GC, a bounded heap that gives memory back, C1 only, compiling a method after a quarter
# of the default calls: with the default, the first ~3,500 calls of a session ran partly interpreted and
# cost 1.6-2x the CPU of later ones, measured; the start was no slower); and the start-up cache that
# scripts/build trained for this Java: the AOT-linked archive on Java 25 and newer, else the class-data
# archive. The AOT-linked archive is left out when the server's arguments (after the java) include --http: a long-running
# server, where it made every call dearer (measured over HTTP: ~640 against ~575 µs of CPU per call) and
# its faster start (about 2.4 against 4 s) matters little. The JDK's own root locale data stands in for
# CLDR's (java.locale.providers=SPI: no provider is installed, so the JDK falls back to its root data): the
# first date format (slf4j's, Jackson's) set CLDR up, ~20 ms of CPU before the handshake's answer
# (measured); the server writes nothing whose form depends on a locale. REPLICAS_JAVA_OPTIONS (split on
# spaces) comes last, so it can override any of them.
set_flags() {
  local java="$1" major="$2" arg http=0
  shift 2
  for arg in "$@"; do [ "$arg" != --http ] || http=1; done
  FLAGS=(-Xlog:disable -Xlog:all=warning:stderr -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.25
    -XX:+UseSerialGC
    -Xms8m -Xmx256m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:ReservedCodeCacheSize=48m
    -Djava.locale.providers=SPI)
  # HTTP mode: a young generation of 16 MiB. Left to itself it is a third of a heap that stays near 20 MiB,
  # and 32 sessions calling back to back made a collection every ~7 ms (2,870 in 20 s, ~9% of the time);
  # with it, 5% more calls/s (A/B, 5 rounds, 12 s each) for 3 MiB more RSS. 32 MiB was no better.
  [ "$http" = 0 ] || FLAGS+=(-Xmn16m)
  if [ "$major" -ge 25 ]; then
    if [ "$http" = 0 ] && aot_made_for "$java"; then FLAGS+=("-XX:SharedArchiveFile=$AOT"); fi
  else
    FLAGS+=(-Xshare:auto)
    if [ -f "$CDS" ]; then FLAGS+=("-XX:SharedArchiveFile=$CDS"); fi
  fi
  # shellcheck disable=SC2206 # split on purpose: a list of JVM options
  [ -z "${REPLICAS_JAVA_OPTIONS:-}" ] || FLAGS+=(${REPLICAS_JAVA_OPTIONS})
}

# The same flags, one a line, for the java given (else find_java's) and the server's arguments after it.
java_flags() {
  local java="${1:-$(find_java)}"
  shift || true
  read_major "$java"
  set_flags "$java" "$MAJOR" "$@"
  printf '%s\n' "${FLAGS[@]}"
}
