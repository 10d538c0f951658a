#!/usr/bin/env bash
# Durability benchmark (issue 11): SIGKILLs under load with acknowledged-versus-found counts and duplicate mails,
# and the p95 of officials' REST calls with a slow mail server versus a fast one (alternating runs, fresh data).
# Starts the packaged application as JVMs of its own on free local ports; see durability/CrashBenchmark.java.
#
# usage: bench/crash_bench.sh [--kills 3] [--postgres] [--latency-pairs 3] [--approvals 20] [--slow-ms 2000]
#        (--kills 0 or --latency-pairs 0 skips that part)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
exec java -Xmx256m -cp "target/test-classes:target/classes:$(cat target/bench.cp)" \
  org.publicservice.procurement.durability.CrashBenchmark "$@"
