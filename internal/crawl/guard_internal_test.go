package crawl

import (
	"errors"
	"testing"
)

// The dial-time check sees the socket address itself, whatever name or
// redirect led to it; it is what holds against DNS rebinding.
func TestGuardControl(t *testing.T) {
	g := newGuard(Options{})
	for _, addr := range []string{"127.0.0.1:80", "[::1]:443", "10.1.2.3:80", "172.16.0.1:80", "192.168.1.1:80",
		"169.254.169.254:80", "[fe80::1]:80", "0.0.0.0:80", "0.1.2.3:80", "224.0.0.1:80", "[ff02::1]:80",
		"100.64.0.1:80", "[::ffff:127.0.0.1]:80", "[fc00::1]:80", "255.255.255.255:80"} {
		if err := g.control("tcp", addr, nil); !errors.Is(err, ErrForbiddenAddress) {
			t.Errorf("control(%s) = %v, want ErrForbiddenAddress", addr, err)
		}
	}
	for _, addr := range []string{"93.184.215.14:80", "[2606:2800:21f:cb07:6820:80da:af6b:8b2c]:443", "192.0.2.10:80"} {
		if err := g.control("tcp", addr, nil); err != nil {
			t.Errorf("control(%s) = %v, want nil", addr, err)
		}
	}
	allow := newGuard(Options{AllowPrivateAddresses: true})
	if err := allow.control("tcp", "127.0.0.1:80", nil); err != nil {
		t.Errorf("with AllowPrivateAddresses: %v", err)
	}
}
