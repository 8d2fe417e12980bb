# syntax=docker/dockerfile:1
# One Dockerfile for the demo stack, built from the source tree: `docker compose up --build` builds the jars once in
# the build stage, then one small runtime image per app, and an image for running Gatling simulations.

# Pinned tags: a rebuild next year measures the same JDK as today.
ARG JDK_IMAGE=eclipse-temurin:21.0.5_11-jdk-jammy
ARG JRE_IMAGE=eclipse-temurin:21.0.5_11-jre-jammy

FROM ${JDK_IMAGE} AS build
WORKDIR /workspace
# The wrapper and the poms first, so that dependencies are downloaded in a layer of their own.
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY workload/pom.xml workload/
COPY postgres-server/pom.xml postgres-server/
COPY contract-tests/pom.xml contract-tests/
COPY app-support/pom.xml app-support/
COPY servlet-app/pom.xml servlet-app/
COPY reactive-app/pom.xml reactive-app/
COPY gatling/pom.xml gatling/
# The comparison runs on a machine, not in an image: only its pom, which the reactor reads.
COPY comparison/pom.xml comparison/
COPY workload/src workload/src
COPY postgres-server/src postgres-server/src
COPY contract-tests/src contract-tests/src
COPY app-support/src app-support/src
COPY servlet-app/src servlet-app/src
COPY reactive-app/src reactive-app/src
COPY gatling/src gatling/src
# Tests run in CI (./mvnw verify); the image build only packages. gatling.skip still resolves Gatling's plugin, so
# the gatling image has it at hand.
RUN ./mvnw -B -ntp -DskipTests -Dgatling.skip=true -Psimulate -pl servlet-app,reactive-app,gatling -am verify

# The runtime images: a JRE, a non-root user, and JVM options that read the container's limits rather than the
# host's (container support is on by default since JDK 10; the percentage sets the heap from the memory limit).
FROM ${JRE_IMAGE} AS runtime
RUN groupadd --system --gid 10001 stackbench && useradd --system --uid 10001 --gid stackbench --no-create-home stackbench
WORKDIR /app
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError"
# The CGI programs, where both apps look by default (cgi-bin under the working directory). They are shell scripts
# run directly (no shell in between), and the JRE image's /bin/sh and coreutils are all they need. Owned by root
# and not writable by the app's user, so that no request can change what runs.
COPY cgi-bin /app/cgi-bin
USER 10001

FROM runtime AS servlet-app
COPY --from=build --chown=10001:10001 /workspace/servlet-app/target/servlet-app-*.jar /app/app.jar
EXPOSE 8080 9080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]

FROM runtime AS reactive-app
COPY --from=build --chown=10001:10001 /workspace/reactive-app/target/reactive-app-*.jar /app/app.jar
EXPOSE 8081 9081
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-jar", "/app/app.jar"]

# Runs one simulation with the wrapper against an app on the compose network, from the dependencies the build
# stage downloaded; the report is written to /workspace/gatling/target/gatling, which compose mounts from the host.
FROM build AS gatling
RUN groupadd --system --gid 10001 stackbench \
	&& useradd --system --uid 10001 --gid stackbench --create-home --home-dir /home/stackbench stackbench \
	&& cp -r /root/.m2 /home/stackbench/.m2 && chown -R stackbench:stackbench /workspace /home/stackbench
USER 10001
ENTRYPOINT ["./mvnw", "-B", "-ntp", "-Psimulate"]
