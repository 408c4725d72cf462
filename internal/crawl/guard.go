package crawl

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"syscall"
)

// guard is the SSRF defence: a crawler fed URLs from feeds and redirects
// must not be steered at the operator's own network (metadata services on
// 169.254.169.254, admin pages on localhost, the office LAN). It resolves
// the host itself, refuses forbidden addresses, and dials the address it
// checked, so a DNS answer that changes between check and connect
// (rebinding) cannot slip through; the default dialer's Control checks the
// connected socket's address once more. Redirects go through the same
// dial, so a public name that redirects to loopback is refused too.
type guard struct {
	allowPrivate bool
	resolve      func(ctx context.Context, host string) ([]netip.Addr, error)
	dial         func(ctx context.Context, network, addr string) (net.Conn, error)
}

func newGuard(o Options) *guard {
	g := &guard{allowPrivate: o.AllowPrivateAddresses, resolve: o.Resolve, dial: o.Dial}
	if g.resolve == nil {
		g.resolve = func(ctx context.Context, host string) ([]netip.Addr, error) {
			return net.DefaultResolver.LookupNetIP(ctx, "ip", host)
		}
	}
	if g.dial == nil {
		d := &net.Dialer{Timeout: o.Timeout, Control: g.control}
		g.dial = d.DialContext
	}
	return g
}

// forbidden reports why ip may not be dialled, or "".
func forbidden(ip netip.Addr) string {
	ip = ip.Unmap()
	switch {
	case !ip.IsValid():
		return "invalid"
	case ip.IsLoopback():
		return "loopback"
	case ip.IsPrivate():
		return "private"
	case ip.IsLinkLocalUnicast(), ip.IsLinkLocalMulticast():
		return "link-local"
	case ip.IsUnspecified():
		return "unspecified"
	case ip.IsMulticast(), ip.IsInterfaceLocalMulticast():
		return "multicast"
	case ip.Is4() && ip.As4()[0] == 100 && ip.As4()[1]&0xc0 == 64:
		return "shared (carrier-grade NAT)" // 100.64.0.0/10
	case ip.Is4() && ip.As4()[0] == 0:
		return "unspecified" // 0.0.0.0/8 reaches the local host on Linux
	case ip == netip.IPv4Unspecified() || ip == netip.MustParseAddr("255.255.255.255"):
		return "broadcast"
	}
	return ""
}

func (g *guard) check(ip netip.Addr) error {
	if g.allowPrivate {
		return nil
	}
	if why := forbidden(ip); why != "" {
		return fmt.Errorf("%w: %s is %s (pass --allow-private-addresses to allow)", ErrForbiddenAddress, ip, why)
	}
	return nil
}

// control is net.Dialer.Control: it sees the address actually dialled.
func (g *guard) control(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: unparseable socket address %q", ErrForbiddenAddress, address)
	}
	return g.check(ap.Addr())
}

// DialContext is the transport's dialer.
func (g *guard) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	var ips []netip.Addr
	if ip, err := netip.ParseAddr(host); err == nil {
		ips = []netip.Addr{ip}
	} else if ips, err = g.resolve(ctx, host); err != nil {
		return nil, err
	}
	var errs []error
	for _, ip := range ips {
		if err := g.check(ip); err != nil {
			errs = append(errs, err)
			continue
		}
		conn, err := g.dial(ctx, network, net.JoinHostPort(ip.Unmap().String(), port))
		if err == nil {
			return conn, nil
		}
		errs = append(errs, err)
	}
	if len(errs) == 0 {
		return nil, fmt.Errorf("no address for %s", host)
	}
	return nil, errors.Join(errs...)
}
