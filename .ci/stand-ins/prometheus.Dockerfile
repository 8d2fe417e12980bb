# Stand-in for prom/prometheus: Debian's Prometheus where the image has it, run as nobody from /prometheus.
FROM stackbench-stand-in/debian:bookworm
# Debian builds its Prometheus with /var/lib/prometheus/metrics2 as the default storage, the image with /prometheus.
RUN mkdir -p /prometheus /etc/prometheus /var/lib/prometheus/metrics2 && chown -R nobody:nogroup /prometheus /var/lib/prometheus
USER nobody
WORKDIR /prometheus
EXPOSE 9090
ENTRYPOINT ["/bin/prometheus"]
CMD ["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus"]
