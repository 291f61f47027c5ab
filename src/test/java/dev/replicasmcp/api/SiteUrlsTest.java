package dev.replicasmcp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which address the OAuth documents name: forwarded headers count only from a loopback peer. */
class SiteUrlsTest {

    static HttpServletRequest request(String peer, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(
                SiteUrlsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRemoteAddr" -> peer;
                    case "getScheme" -> "http";
                    case "getHeader" -> headers.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void forwardedHeadersCountOnlyFromALoopbackPeer() {
        SiteUrls urls = SiteUrls.of(null);
        Map<String, String> tunnel = Map.of(
                "Host", "localhost:8787",
                "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "abc.tunnel.example",
                "X-Forwarded-For", "203.0.113.9");
        assertThat(urls.base(request("127.0.0.1", tunnel))).isEqualTo("https://abc.tunnel.example");
        assertThat(urls.base(request("::1", tunnel))).isEqualTo("https://abc.tunnel.example");
        assertThat(urls.base(request("192.168.1.20", tunnel))).isEqualTo("http://localhost:8787");
        assertThat(SiteUrls.clientAddress(request("127.0.0.1", tunnel))).isEqualTo("203.0.113.9");
        assertThat(SiteUrls.clientAddress(request("192.168.1.20", tunnel))).isEqualTo("192.168.1.20");
    }

    @Test
    void thePublicUrlAnswersForTunnelledRequestsAndItsOwnHostOnly() {
        SiteUrls urls = SiteUrls.of("https://Replicas.Example.com/");
        assertThat(urls.publicHost()).hasValue("replicas.example.com");
        assertThat(urls.base(request("127.0.0.1", Map.of("Host", "localhost:8787", "X-Forwarded-For", "1.2.3.4"))))
                .isEqualTo("https://replicas.example.com");
        assertThat(urls.base(request("10.0.0.5", Map.of("Host", "replicas.example.com"))))
                .isEqualTo("https://replicas.example.com");
        // A local client without forwarding keeps its own address.
        assertThat(urls.base(request("127.0.0.1", Map.of("Host", "localhost:8787"))))
                .isEqualTo("http://localhost:8787");
    }

    @Test
    void aPublicUrlWithAPathOrAnotherSchemeIsRefusedNamingTheFlag() {
        assertThatThrownBy(() -> SiteUrls.of("https://x.example/mcp")).hasMessageContaining("--public-url");
        assertThatThrownBy(() -> SiteUrls.of("ftp://x.example")).hasMessageContaining("--public-url");
    }
}
