package dev.stackbench.comparison.run;

import java.nio.file.Path;
import java.util.List;

/**
 * What an app's JVM runs: its jar, and the options that come with that jar (an AOT
 * cache's, made for it), after the options every app gets.
 *
 * @param jar the jar run with {@code -jar}
 * @param jvmOptions the options that belong to this jar
 */
record AppLaunch(Path jar, List<String> jvmOptions) {

	/** The app's jar as the build made it, with nothing more. */
	static AppLaunch plain(Path jar) {
		return new AppLaunch(jar, List.of());
	}

}
