#!/bin/sh
# The smallest CGI program (RFC 3875): a header block, a blank line, the body.
printf 'Content-Type: text/plain\n\nHello from CGI\n'
