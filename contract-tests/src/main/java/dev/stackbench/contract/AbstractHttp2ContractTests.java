package dev.stackbench.contract;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.test.context.ActiveProfiles;

/**
 * The whole contract over HTTP/2 with TLS (the {@code h2} profile), and what HTTP/2 does
 * with the bad input that HTTP/1.1 answers with problem documents
 * ({@link Http2Contract}). A subclass supplies only its {@link ServingModel}.
 */
@ActiveProfiles("h2")
public abstract class AbstractHttp2ContractTests extends AbstractContractTests implements Http2Contract {

	@Override
	public RawHttp2.Answer exchangeOverHttp2(String method, String path, List<Map.Entry<String, String>> fields,
			byte[] body) throws IOException {
		return RawHttp2.exchange(port(), clientTls().netty(Transport.H2), method, path, fields, body);
	}

}
