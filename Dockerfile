# One Dockerfile for the demo stack, built from the source tree: `docker compose up --build` builds the jars once in
# the build stage, then one small runtime image per app, and an image for running Gatling simulations.

# Pinned tags: a rebuild next year measures the same JDK as today. JDK 25, the JDK the project is built and measured
# with here.
ARG JDK_IMAGE=eclipse-temurin:25.0.1_8-jdk-noble
ARG JRE_IMAGE=eclipse-temurin:25.0.1_8-jre-noble

FROM ${JDK_IMAGE} AS build
WORKDIR /workspace
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY workload/pom.xml workload/
COPY postgres-server/pom.xml postgres-server/
COPY contract-tests/pom.xml contract-tests/
COPY app-support/pom.xml app-support/
COPY servlet-app/pom.xml servlet-app/
COPY reactive-app/pom.xml reactive-app/
COPY gatling/pom.xml gatling/
# The comparison and the bare Spring Boot apps it measures stackbench's cost against run on a machine, not in an
# image: only their poms, which the reactor reads.
COPY bare-servlet-app/pom.xml bare-servlet-app/
COPY bare-reactive-app/pom.xml bare-reactive-app/
COPY comparison/pom.xml comparison/
COPY workload/src workload/src
COPY postgres-server/src postgres-server/src
COPY contract-tests/src contract-tests/src
COPY app-support/src app-support/src
COPY servlet-app/src servlet-app/src
COPY reactive-app/src reactive-app/src
COPY gatling/src gatling/src
# Maven's repository is a cache mount, kept by BuildKit from one build to the next: a change to any source file
# rebuilds this layer, and the dependencies are already there (a dependency layer of its own cannot be had with
# go-offline, which does not resolve this reactor's modules from each other). Tests run in CI (./mvnw verify); the
# image build only packages. gatling.skip still resolves Gatling's plugin, so the gatling image has it at hand.
# No "# syntax=" line: it would make every build fetch a frontend image from Docker Hub, and BuildKit's built-in
# frontend already knows the cache mount.
# Each app's jar is then unpacked into Spring Boot's layers (jarmode=tools), which change at different rates.
RUN --mount=type=cache,target=/root/.m2 \
	./mvnw -B -ntp -DskipTests -Dgatling.skip=true -Psimulate -pl servlet-app,reactive-app,gatling -am verify \
	&& for app in servlet-app reactive-app; do \
		java -Djarmode=tools -jar "$app"/target/"$app"-*.jar extract --layers --launcher --destination "$app"/target/layers; \
	done \
	&& cp -r /root/.m2 /maven

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

# Spring Boot's layers, least changing first, so that a change to the code rebuilds and ships only the last one.
FROM runtime AS servlet-app
COPY --from=build /workspace/servlet-app/target/layers/dependencies/ /app/
COPY --from=build /workspace/servlet-app/target/layers/spring-boot-loader/ /app/
COPY --from=build /workspace/servlet-app/target/layers/snapshot-dependencies/ /app/
COPY --from=build /workspace/servlet-app/target/layers/application/ /app/
EXPOSE 8080 9080
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]

FROM runtime AS reactive-app
COPY --from=build /workspace/reactive-app/target/layers/dependencies/ /app/
COPY --from=build /workspace/reactive-app/target/layers/spring-boot-loader/ /app/
COPY --from=build /workspace/reactive-app/target/layers/snapshot-dependencies/ /app/
COPY --from=build /workspace/reactive-app/target/layers/application/ /app/
EXPOSE 8081 9081
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "org.springframework.boot.loader.launch.JarLauncher"]

# Runs one simulation with the wrapper against an app on the compose network, offline, from the dependencies the
# build stage downloaded (Maven and its repository, copied out of the cache mount), building only the gatling module
# and the workload it uses. Built from the JDK image rather than the build stage, with only what that needs copied
# in, each owned by its user as it is copied: a chown in a layer of its own would store every file again. The
# report is written to /workspace/gatling/target/gatling, which compose mounts from the host;
# deploy/docker/gatling-entrypoint hands it to the owner of that folder.
FROM ${JDK_IMAGE} AS gatling
RUN groupadd --system --gid 10001 stackbench \
	&& useradd --system --uid 10001 --gid stackbench --create-home --home-dir /home/stackbench stackbench
WORKDIR /workspace
COPY --from=build --chown=10001:10001 /maven /home/stackbench/.m2
COPY --from=build --chown=10001:10001 /workspace/mvnw /workspace/pom.xml ./
COPY --from=build --chown=10001:10001 /workspace/.mvn .mvn
COPY --from=build --chown=10001:10001 /workspace/workload workload
COPY --from=build --chown=10001:10001 /workspace/gatling gatling
# The reactor's other modules: their poms alone, which Maven reads even when it builds only gatling.
COPY --from=build --chown=10001:10001 /workspace/postgres-server/pom.xml postgres-server/
COPY --from=build --chown=10001:10001 /workspace/contract-tests/pom.xml contract-tests/
COPY --from=build --chown=10001:10001 /workspace/app-support/pom.xml app-support/
COPY --from=build --chown=10001:10001 /workspace/servlet-app/pom.xml servlet-app/
COPY --from=build --chown=10001:10001 /workspace/reactive-app/pom.xml reactive-app/
COPY --from=build --chown=10001:10001 /workspace/bare-servlet-app/pom.xml bare-servlet-app/
COPY --from=build --chown=10001:10001 /workspace/bare-reactive-app/pom.xml bare-reactive-app/
COPY --from=build --chown=10001:10001 /workspace/comparison/pom.xml comparison/
COPY deploy/docker/gatling-entrypoint /usr/local/bin/gatling-entrypoint
ENTRYPOINT ["gatling-entrypoint", "./mvnw", "-B", "-ntp", "--offline", "-Psimulate", "-pl", "gatling", "-am"]
