package io.newswatch.ingest.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Refuses URLs whose host resolves to a private, loopback, link-local, unspecified or multicast address: a feed must
 * not make the worker fetch the services next to it. Every address of the host is checked, and every redirect hop.
 * Hosts allowed explicitly are named either alone (any port) or as {@code host:port} (that port only).
 */
public final class AddressGuard {
    private final java.util.Set<String> allowedPrivateHosts;

    public AddressGuard(java.util.Set<String> allowedPrivateHosts) {
        this.allowedPrivateHosts = allowedPrivateHosts;
    }

    /** Null when the URL may be fetched, else the reason it may not. */
    public String refusal(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "only http and https URLs are fetched, not " + uri;
        }
        if (uri.getHost() == null) {
            return "URL has no host: " + uri;
        }
        String host = uri.getHost().toLowerCase(java.util.Locale.ROOT);
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
        if (allowedPrivateHosts.contains(host) || allowedPrivateHosts.contains(host + ":" + port)) {
            return null;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocal(address)) {
                    return uri.getHost() + " resolves to private address " + address.getHostAddress()
                            + "; private addresses are not fetched";
                }
            }
            return null;
        } catch (UnknownHostException e) {
            return "unknown host " + uri.getHost();
        }
    }

    /** IPv6 unique local addresses (fc00::/7), which Java does not call site-local. */
    private static boolean uniqueLocal(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 16 && (b[0] & 0xFE) == 0xFC;
    }
}
