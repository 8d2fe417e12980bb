# Stand-in for eclipse-temurin's JDK and JRE images: the JDK where Temurin's images have it.
FROM stackbench-stand-in/debian:bookworm
COPY jdk /opt/java/openjdk
# The build machine's trusted certificates, for the build stage's downloads (a proxy may stand before Maven Central).
COPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
ENV JAVA_HOME=/opt/java/openjdk PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
