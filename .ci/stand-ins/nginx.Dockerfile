# Stand-in for nginx:alpine: Debian's nginx-light, its default site removed as the image has none.
FROM stackbench-stand-in/debian:bookworm
RUN rm -f /etc/nginx/sites-enabled/default && mkdir -p /etc/nginx/conf.d
EXPOSE 80
CMD ["nginx", "-g", "daemon off;"]
