#!/usr/bin/env bash
# Runs the Spark scoring job on this machine, with Spark from the build's own dependencies (no
# Spark installation): the same assembly jar a cluster gets, submitted through Spark's own
# SparkSubmit class in local mode. Build first: mvn -B -q -pl rules-spark -am package -DskipTests
#
#   scripts/spark-score.sh --master 'local[2]' --input FILE --output DIR [--rules DIR] [job options]
#
# Every option but --master goes to the job (java -jar rules-spark/target/claimrules-spark.jar --help
# lists them). CLAIMRULES_SPARK_JAVA_OPTS adds JVM options (default -Xmx2g). Spark's scratch
# files go under rules-spark/target/spark-work; the driver binds to 127.0.0.1 and the web UI is off.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/rules-spark/target/claimrules-spark.jar"
classpath_file="$root/rules-spark/target/spark-classpath.txt"
if [[ ! -f "$jar" || ! -f "$classpath_file" ]]; then
    echo "spark-score.sh: $jar or $classpath_file is missing; build with: mvn -B -q -pl rules-spark -am package -DskipTests" >&2
    exit 2
fi
master='local[*]'
job_args=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --master) master="$2"; shift 2 ;;
        --master=*) master="${1#--master=}"; shift ;;
        *) job_args+=("$1"); shift ;;
    esac
done
work="$root/rules-spark/target/spark-work"
mkdir -p "$work/local" "$work/tmp"
export SPARK_LOCAL_DIRS="$work/local"
# What spark-submit adds on Java 17 (JavaModuleOptions); the same list as spark.java.options in rules-spark/pom.xml.
module_options=(-XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector
    --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
    --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
    --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
    --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
    --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
    --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
    --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED
    -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true)
export SPARK_LOCAL_IP=127.0.0.1
# shellcheck disable=SC2086 # CLAIMRULES_SPARK_JAVA_OPTS is a list of options
exec java ${CLAIMRULES_SPARK_JAVA_OPTS:--Xmx2g} "${module_options[@]}" \
    -Djava.io.tmpdir="$work/tmp" -Dlogback.configurationFile="$root/rules-spark/conf/logback.xml" \
    -cp "$(cat "$classpath_file")" org.apache.spark.deploy.SparkSubmit \
    --master "$master" --class org.claimrules.spark.SparkScore \
    --conf spark.driver.bindAddress=127.0.0.1 --conf spark.driver.host=127.0.0.1 \
    --conf spark.ui.enabled=false \
    --conf spark.sql.warehouse.dir="$work/warehouse" \
    "$jar" "${job_args[@]}"
