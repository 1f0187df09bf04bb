package org.lawtrace.storage;

import org.junit.jupiter.api.BeforeAll;

/**
 * The S3 contract ({@link S3StoreContract}) against Adobe S3Mock, started once per test JVM from its exec jar: the
 * fast lane. S3Mock keeps Object Lock retention but does not enforce it, so the tests of the server's own refusal run
 * only against the real server ({@code RealS3ContractIntegrationTests}).
 */
class S3BlobStoreUnitTests extends S3StoreContract {

	static S3MockProcess server;

	@BeforeAll
	static void startServer() throws Exception {
		server = S3MockProcess.shared();
	}

	@Override
	S3Server server() {
		return server;
	}
}
