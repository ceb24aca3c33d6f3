// security.go defines the security headers set on every response, chiefly
// the Content-Security-Policy.

package server

import (
	"net/http"
	"strings"
)

// maxHostLen bounds the Host header echoed into the CSP (a DNS name is at
// most 253 bytes; the port adds up to 6 more).
const maxHostLen = 260

// securityHeaders sets, on every response, a strict Content-Security-Policy
// (only the app's own scripts, styles, images, fonts and websocket; no
// framing), and the headers that stop MIME sniffing, limit the Referer and
// forbid framing in browsers without CSP. A handler may overwrite them, as a
// future /embed/ route will for framing.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy(r.Host, "'none'"))
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// contentSecurityPolicy returns the CSP for a response to a request for host,
// allowing the page to be framed by frameAncestors (a CSP source list such as
// "'none'"). Everything is same-origin. The websocket origins ws://host and
// wss://host are listed explicitly because older browsers do not count them
// as 'self'; a host that is not a plain host[:port] is left out, so a forged
// Host header cannot inject directives.
func contentSecurityPolicy(host, frameAncestors string) string {
	connect := "'self'"
	if isPlainHost(host) {
		connect += " ws://" + host + " wss://" + host
	}
	return strings.Join([]string{
		"default-src 'none'",
		"script-src 'self'",
		"style-src 'self'",
		"img-src 'self' data:",
		"font-src 'self'",
		"connect-src " + connect,
		"manifest-src 'self'",
		"base-uri 'none'",
		"form-action 'self'",
		"frame-ancestors " + frameAncestors,
	}, "; ")
}

// isPlainHost reports whether host is a non-empty host name or IP literal
// with an optional port: only letters, digits and . - : [ ].
func isPlainHost(host string) bool {
	if host == "" || len(host) > maxHostLen {
		return false
	}
	for _, c := range host {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case c == '.', c == '-', c == ':', c == '[', c == ']':
		default:
			return false
		}
	}
	return true
}
