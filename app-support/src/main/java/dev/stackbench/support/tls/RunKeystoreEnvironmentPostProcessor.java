package dev.stackbench.support.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * With the {@code tls} profile on (also through {@code h2}) and no keystore given
 * ({@code stackbench.tls.keystore}), makes a self-signed one for this run
 * ({@link SelfSignedKeystore}), points the {@code stackbench} SSL bundle at it and
 * deletes it when the JVM exits: a certificate and its private key are never committed,
 * and {@code java -jar app.jar --spring.profiles.active=tls} works with nothing else. A
 * client that wants to trust exactly this certificate reads the keystore's path from the
 * app's environment (the tests do).
 */
public class RunKeystoreEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String KEYSTORE = "stackbench.tls.keystore";

	static final String PASSWORD = "stackbench.tls.keystore-password";

	static final String CERTIFICATE = "stackbench.tls.certificate";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.acceptsProfiles(Profiles.of("tls")) || environment.containsProperty(KEYSTORE)) {
			return;
		}
		try {
			SelfSignedKeystore keystore = SelfSignedKeystore.create();
			Runtime.getRuntime().addShutdownHook(new Thread(keystore::delete, "stackbench-tls-keystore-cleanup"));
			environment.getPropertySources()
				.addLast(new MapPropertySource("stackbench run keystore", Map.of(KEYSTORE, "file:" + keystore.path(),
						PASSWORD, keystore.password(), CERTIFICATE, SelfSignedKeystore.DESCRIPTION)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The tls profile is on and no stackbench.tls.keystore is given, "
					+ "and no self-signed one could be made: " + ex.getMessage(), ex);
		}
	}

	/** After the config files are read, so that a profile they activate counts. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
