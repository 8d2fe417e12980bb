package dev.stackbench.support.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A PKCS#12 keystore holding a new self-signed certificate for {@code localhost} and
 * {@code 127.0.0.1}, made by the JDK's own {@code keytool} for one run and never kept:
 * the JDK has no public API that signs a certificate, and keytool ships with every JDK
 * and JRE, so no library is added for it.
 *
 * <p>
 * The key is ECDSA on P-256, the key type certbot and most CDNs issue today; an RSA 2048
 * key makes every full handshake several times dearer for the server (docs/tuning.md).
 *
 * @param path the keystore file
 * @param password its password, also the key's
 */
public record SelfSignedKeystore(Path path, String password) {

	/** The alias of the key and certificate in the store. */
	public static final String ALIAS = "stackbench";

	/** How the certificate is described on {@code /actuator/info}. */
	public static final String DESCRIPTION = "self-signed ECDSA P-256, made at start-up";

	private static final int VALID_DAYS = 30;

	private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

	/**
	 * Makes a keystore in a new temporary directory; the caller deletes it when done
	 * ({@link #delete()}).
	 */
	public static SelfSignedKeystore create() throws IOException {
		Path directory = Files.createTempDirectory("stackbench-tls-");
		SelfSignedKeystore keystore = new SelfSignedKeystore(directory.resolve("keystore.p12"),
				UUID.randomUUID().toString());
		Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		List<String> command = List.of(keytool.toString(), "-genkeypair", "-alias", ALIAS, "-keyalg", "EC",
				"-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-dname", "CN=localhost", "-ext",
				"SAN=dns:localhost,ip:127.0.0.1", "-validity", String.valueOf(VALID_DAYS), "-storetype", "PKCS12",
				"-keystore", keystore.path.toString(), "-storepass", keystore.password, "-keypass", keystore.password);
		Path log = directory.resolve("keytool.log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IOException("keytool did not make a certificate within " + KEYTOOL_TIMEOUT_SECONDS + " s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new IOException("interrupted while keytool made a certificate", ex);
		}
		if (process.exitValue() != 0 || !Files.isRegularFile(keystore.path)) {
			throw new IOException("keytool (" + keytool + ") could not make a certificate: " + Files.readString(log));
		}
		Files.delete(log);
		return keystore;
	}

	/** Removes the keystore and its directory. */
	public void delete() {
		try {
			Files.deleteIfExists(this.path);
			Files.deleteIfExists(this.path.getParent());
		}
		catch (IOException ex) {
			// A temporary file left behind; nothing else depends on it.
		}
	}

}
