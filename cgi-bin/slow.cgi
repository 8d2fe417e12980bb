#!/bin/sh
# The slow CGI page: waits `delay` milliseconds (query parameter, default 100, 0 to 30000) in a child process
# (sleep), then answers. On a one-thread server one such page stalls everyone behind it. Only `sleep` is a second
# process: the parameter is picked out with the shell's own expansions, so that two hundred pages at once cost
# two hundred sleeps, not a thousand short-lived sed and printf subshells competing with the server for the CPU.
query="&$QUERY_STRING"
delay=100
case $query in
	*'&delay='*) delay=${query##*&delay=}; delay=${delay%%&*} ;;
esac
case $delay in
	'' | *[!0-9]* | ??????*)
		printf 'Status: 400 Bad Request\nContent-Type: text/plain\n\ndelay must be a whole number from 0 to 30000\n'
		exit 0 ;;
esac
if [ "$delay" -gt 30000 ]; then
	printf 'Status: 400 Bad Request\nContent-Type: text/plain\n\ndelay must be a whole number from 0 to 30000\n'
	exit 0
fi
# Milliseconds as three digits after the point (1000 + 5 = 1005, less its leading 1, is 005).
millis=$((1000 + delay % 1000))
sleep "$((delay / 1000)).${millis#1}"
printf 'Content-Type: text/plain\n\nslow page after %s ms\n' "$delay"
