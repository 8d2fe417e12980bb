package dev.stackbench.workload;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code GET /api/cpu?work=n}: n rounds of SHA-256, each hashing the previous digest.
 * Pure CPU with no waiting to hide, so no concurrency model can do better than the number
 * of cores; deterministic, so both stacks return the same digest for the same n.
 *
 * @param work the number of rounds
 * @param digest the final digest, in hex
 */
public record CpuWork(long work, String digest) {

	public static final String WORK_PARAMETER = "work";

	public static final long DEFAULT_WORK = 1_000;

	/** Bounded so that one request costs at most tens of milliseconds of one core. */
	public static final long MAX_WORK = 100_000;

	private static final byte[] SEED = "stackbench".getBytes(StandardCharsets.US_ASCII);

	/** Reads {@code work} (default 1000, 0 to 100000) and does the work. */
	public static CpuWork of(Query query) {
		return compute(query.wholeNumber(WORK_PARAMETER, DEFAULT_WORK, 0, MAX_WORK));
	}

	/** The work itself, for a client that checks the digest a server returned. */
	public static CpuWork compute(long work) {
		MessageDigest sha256 = sha256();
		byte[] state = SEED;
		for (long round = 0; round < work; round++) {
			state = sha256.digest(state);
		}
		return new CpuWork(work, HexFormat.of().formatHex(state));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform must support SHA-256", ex);
		}
	}

}
