#!/bin/sh
# The slow CGI page: waits `delay` milliseconds (query parameter, default 100, 0 to 30000) in a child process
# (sleep), then answers. On a one-thread server one such page stalls everyone behind it.
delay=$(printf '%s' "$QUERY_STRING" | sed -n 's/^\(.*&\)\{0,1\}delay=\([^&]*\).*$/\2/p')
delay=${delay:-100}
case $delay in
	'' | *[!0-9]* | ??????*)
		printf 'Status: 400 Bad Request\nContent-Type: text/plain\n\ndelay must be a whole number from 0 to 30000\n'
		exit 0 ;;
esac
if [ "$delay" -gt 30000 ]; then
	printf 'Status: 400 Bad Request\nContent-Type: text/plain\n\ndelay must be a whole number from 0 to 30000\n'
	exit 0
fi
sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
printf 'Content-Type: text/plain\n\nslow page after %s ms\n' "$delay"
