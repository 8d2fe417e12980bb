# Stand-in for postgres:18.4-alpine: zonky's PostgreSQL binaries (Maven Central), run as the postgres user.
FROM stackbench-stand-in/debian:bookworm
RUN groupadd --system --gid 70 postgres && useradd --system --uid 70 --gid postgres --home-dir /var/lib/postgresql postgres \
	&& mkdir -p /var/lib/postgresql/data /var/run/postgresql && chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql \
	&& ln -s /usr/lib/postgresql/15/bin/pg_isready /usr/local/bin/pg_isready
COPY postgres /usr/local/pgsql
COPY postgres-entrypoint /usr/local/bin/docker-entrypoint.sh
ENV PATH=/usr/local/pgsql/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin PGDATA=/var/lib/postgresql/data
VOLUME /var/lib/postgresql/data
EXPOSE 5432
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["postgres"]
