# Shared by the scripts: where things are, and how to find Java and Maven from a bare environment
# (MCP clients start scripts/run with almost no PATH).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/target/replicas-mcp.jar"
CDS="$ROOT/target/replicas-mcp.jsa"
export PATH="$PATH:/usr/local/bin:/usr/bin:/bin:/opt/homebrew/bin"

find_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then echo "$JAVA_HOME/bin/java"; return; fi
  if command -v java >/dev/null 2>&1; then command -v java; return; fi
  for candidate in /usr/lib/jvm/*/bin/java /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java; do
    if [ -x "$candidate" ]; then echo "$candidate"; return; fi
  done
  echo "replicas-mcp: no Java found. Install Java 17 or set JAVA_HOME." >&2
  exit 1
}

find_mvn() {
  if command -v mvn >/dev/null 2>&1; then command -v mvn; return; fi
  echo "replicas-mcp: Maven (mvn) is needed to build. Install Maven 3.8+." >&2
  exit 1
}

# Flags for a protocol process: JVM warnings to stderr, never stdout; C1 only and the class-data
# archive for a short cold start.
java_flags() {
  local flags=(-Xlog:disable -Xlog:all=warning:stderr -XX:TieredStopAtLevel=1 -Xshare:auto)
  if [ -f "$CDS" ]; then flags+=("-XX:SharedArchiveFile=$CDS"); fi
  printf '%s\n' "${flags[@]}"
}
