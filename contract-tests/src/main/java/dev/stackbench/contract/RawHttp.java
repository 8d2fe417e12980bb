package dev.stackbench.contract;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client that sends exactly the bytes it is given. The contract's
 * hostile requests (targets such as {@code /api/%ZZ} or {@code /a/../b}) cannot pass
 * through {@link java.net.URI} or a well-behaved client, which would reject or normalize
 * them before they reach the server.
 */
public final class RawHttp {

	private static final int TIMEOUT_MILLIS = 30_000;

	private RawHttp() {
	}

	/** A response as received; header names in lower case. */
	public record Response(int status, Map<String, String> headers, String body) {

		public String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

	/** Opens a new connection to the server under test: plain TCP, or TLS. */
	@FunctionalInterface
	public interface Connector {

		Socket open() throws IOException;

		/** A plain TCP connection to a port on localhost. */
		static Connector plain(int port) {
			return () -> new Socket("localhost", port);
		}

	}

	/**
	 * Sends one request on a new connection ({@code Connection: close}) and reads the
	 * whole response.
	 */
	public static Response exchange(int port, String method, String target, Map<String, String> headers, byte[] body)
			throws IOException {
		return exchange(Connector.plain(port), method, target, headers, body);
	}

	/**
	 * Sends one request on a new connection ({@code Connection: close}) and reads the
	 * whole response.
	 */
	public static Response exchange(Connector connector, String method, String target, Map<String, String> headers,
			byte[] body) throws IOException {
		StringBuilder head = new StringBuilder(
				method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
		headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		if (body != null && !headers.containsKey("Transfer-Encoding")) {
			head.append("Content-Length: ").append(body.length).append("\r\n");
		}
		head.append("\r\n");
		return exchange(connector, head.toString().getBytes(StandardCharsets.ISO_8859_1), body);
	}

	/**
	 * Sends a request head exactly as given (and a body, if any) on a new connection and
	 * reads the response.
	 */
	public static Response exchange(Connector connector, byte[] head, byte[] body) throws IOException {
		try (Socket socket = connector.open()) {
			socket.setSoTimeout(TIMEOUT_MILLIS);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(head);
				if (body != null) {
					out.write(body);
				}
				out.flush();
			}
			catch (IOException ex) {
				// A server may answer (413, say) and stop reading before the body is
				// sent: its answer still counts.
			}
			return parse(readUntilClosed(socket.getInputStream()));
		}
	}

	/**
	 * What the server sends on an open connection, up to and including {@code end}, or up
	 * to the end of the stream if it closes first; at most 5 s between bytes.
	 */
	public static String readUntil(Socket socket, String end) throws IOException {
		socket.setSoTimeout(5_000);
		StringBuilder text = new StringBuilder();
		InputStream in = socket.getInputStream();
		while (!text.toString().endsWith(end)) {
			int c = in.read();
			if (c < 0) {
				break;
			}
			text.append((char) c);
		}
		return text.toString();
	}

	/**
	 * Everything the server sends until it closes. A server that refuses a request before
	 * reading all of it closes with bytes unread, which resets the connection after its
	 * answer: the answer read until then still counts.
	 */
	private static byte[] readUntilClosed(InputStream in) throws IOException {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				received.write(buffer, 0, n);
			}
		}
		catch (IOException ex) {
			if (received.size() == 0) {
				throw ex;
			}
		}
		return received.toByteArray();
	}

	private static Response parse(byte[] raw) throws IOException {
		String text = new String(raw, StandardCharsets.ISO_8859_1);
		int endOfHead = text.indexOf("\r\n\r\n");
		if (endOfHead < 0) {
			throw new IOException("Incomplete response: " + text);
		}
		String[] lines = text.substring(0, endOfHead).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
					lines[i].substring(colon + 1).strip());
		}
		byte[] body = Arrays.copyOfRange(raw, endOfHead + 4, raw.length);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = dechunk(new ByteArrayInputStream(body));
		}
		return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] dechunk(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		while (true) {
			StringBuilder sizeLine = new StringBuilder();
			for (int c = in.read(); c != '\n'; c = in.read()) {
				if (c < 0) {
					throw new IOException("Truncated chunked body");
				}
				sizeLine.append((char) c);
			}
			int size = Integer.parseInt(sizeLine.toString().strip().split(";")[0], 16);
			if (size == 0) {
				return out.toByteArray();
			}
			out.write(in.readNBytes(size));
			in.skipNBytes(2);
		}
	}

}
