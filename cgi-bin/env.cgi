#!/bin/sh
# Prints the meta-variables the gateway gave this process, one per line, sorted: everything a CGI program knows
# about its request, and proof that nothing else of the server's environment leaked in.
printf 'Content-Type: text/plain\n\n'
env | LC_ALL=C sort
