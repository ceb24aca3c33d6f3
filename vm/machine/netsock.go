// This file defines the socket module: stream sockets through a simulated kernel,
// socketpair's connected ends and a loopback network of TCP sockets (bind, listen,
// accept, connect) inside the run. Only the local host exists: any other address is
// refused with gilscope's message, never waited for. Every call that enters the
// kernel releases the GIL, as CPython's socketmodule does (docs/models.md, "Blocking
// calls").

package machine

import (
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/gilscope/gilscope/vm/py"
)

const (
	afUnix     = 1
	afInet     = 2
	sockStream = 1
	// firstEphemeralPort is the first port bind(('', 0)) and an unbound connect
	// take (the start of Linux's ip_local_port_range); the next ones follow in order,
	// so ports are a function of the run.
	firstEphemeralPort = 32768
	lastEphemeralPort  = 60999
	// maxBacklog is SOMAXCONN.
	maxBacklog = 4096
)

// noNetwork is what connecting to, or binding, an address other than the local host
// says.
const noNetwork = "gilscope: a simulation has no network: only the local host ('localhost', '127.0.0.1') can be reached, not %s"

// socketObj is a stream socket: one end of a socketpair, or a TCP socket of the
// loopback network. Data sent on a connected socket arrives in its peer's receive
// queue sockLatency later.
type socketObj struct {
	py.Header
	m       *Machine
	ss      *sockets
	id      uint64 // the object id in events
	fd      int
	family  int64
	proto   int64
	peer    *socketObj
	buf     []byte       // arrived, not yet read
	queued  int          // bytes sent to it and not yet read, arrived or not
	eof     bool         // the peer shut down writing and everything it sent has arrived
	closed  bool         // really closed: its descriptor is free
	shutWR  bool         // shutdown(SHUT_WR) or close: the peer sees the end of the stream
	readers []sockReader // threads blocked in recv

	// The TCP side.
	host      string // the bound address ("0.0.0.0" or "127.0.0.1"); "" when unbound
	port      int
	peerPort  int
	listening bool
	pending   []*socketObj // established connections accept has not taken
	acceptors []*thread    // threads blocked in accept
	timeout   int64        // ps; negative: blocking without a timeout, 0: non-blocking
	opts      map[int64]int64
	ioRefs    int  // makefile's open files, which keep the descriptor open
	userClose bool // close() was called while files were open
	watchers  []*selectWait
}

// sockReader is a thread blocked in recv(n) (into a bytearray when into is set).
type sockReader struct {
	th   *thread
	n    int
	into *py.ByteArray
}

var socketClass = py.NewClass("socket", nil)

func (*socketObj) Type() *py.Class { return socketClass }

// Dealloc closes a socket whose last reference went without close(), as CPython's
// socket_dealloc does: its port is free and the peer sees the end of the stream.
func (s *socketObj) Dealloc(t *py.Thread) {
	if !s.closed && !s.m.ended && t.Data != nil {
		s.close(threadOf(t))
	}
}

// sockets numbers a process's sockets, as the file descriptors of a fresh process,
// and finds them by descriptor (select).
type sockets struct {
	m       *Machine
	nextFD  int
	fds     map[int]*socketObj
	timeout int64 // setdefaulttimeout, ps; negative: none
}

// network is the loopback network of a run, shared by its processes: the sockets
// bound to each port.
type network struct {
	ports    map[int]*socketObj
	nextPort int
}

func (m *Machine) loopback() *network {
	if m.net == nil {
		m.net = &network{ports: map[int]*socketObj{}, nextPort: firstEphemeralPort}
	}
	return m.net
}

// ephemeral returns a free port of the ephemeral range, or 0 when none is left.
func (n *network) ephemeral() int {
	for range lastEphemeralPort - firstEphemeralPort + 1 {
		p := n.nextPort
		n.nextPort++
		if n.nextPort > lastEphemeralPort {
			n.nextPort = firstEphemeralPort
		}
		if n.ports[p] == nil {
			return p
		}
	}
	return 0
}

// socketsOf returns the sockets of th's process.
func (m *Machine) socketsOf(p *process) *sockets {
	if p.socks == nil {
		p.socks = &sockets{m: m, nextFD: 3, fds: map[int]*socketObj{}, timeout: -1}
	}
	return p.socks
}

func (m *Machine) socketModule(t *py.Thread) *py.Module {
	ss := m.socketsOf(threadOf(t).proc)
	ints := map[string]int64{
		"AF_UNIX": afUnix, "AF_INET": afInet, "AF_INET6": 10, "SOCK_STREAM": sockStream,
		"SOCK_DGRAM": 2, "SOL_SOCKET": 1, "SO_REUSEADDR": 2, "SO_KEEPALIVE": 9,
		"SO_REUSEPORT": 15, "SO_RCVBUF": 8, "SO_SNDBUF": 7, "SO_ERROR": 4, "SO_TYPE": 3,
		"IPPROTO_TCP": 6, "IPPROTO_IP": 0, "TCP_NODELAY": 1, "SHUT_RD": 0, "SHUT_WR": 1,
		"SHUT_RDWR": 2, "SOMAXCONN": maxBacklog,
	}
	attrs := map[string]py.Value{
		"socketpair":        t.Builtin("socketpair", ss.socketpair),
		"create_connection": t.Builtin("create_connection", ss.createConnection),
		"create_server":     t.Builtin("create_server", ss.createServer),
		"gethostname":       t.Builtin("gethostname", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) { return t.NewStr("localhost"), nil }),
		"gethostbyname":     t.Builtin("gethostbyname", gethostbyname),
		"getdefaulttimeout": t.Builtin("getdefaulttimeout", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			return timeoutValue(t, ss.timeout), nil
		}),
		"setdefaulttimeout": t.Builtin("setdefaulttimeout", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if err := t.CheckArgs("setdefaulttimeout", args, kw, 1, 1); err != nil {
				return nil, err
			}
			d, err := timeoutArg(t, args[0])
			if err != nil {
				return nil, err
			}
			ss.timeout = d
			return py.None, nil
		}),
		"socket":   socketClass,
		"error":    py.OSErrorClass,
		"timeout":  py.TimeoutErrorClass,
		"herror":   py.OSErrorClass,
		"gaierror": py.OSErrorClass,
	}
	// In a fixed order: object identities must not depend on map iteration.
	for _, name := range slices.Sorted(maps.Keys(ints)) {
		attrs[name] = t.NewInt(ints[name])
	}
	attrs["has_ipv6"] = py.False
	return newModule(t, "socket", attrs)
}

// socketpair implements socket.socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0).
func (ss *sockets) socketpair(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
	if _, err := params(t, "socketpair", args, kw, "family", "type", "proto"); err != nil {
		return nil, err
	}
	a, b := ss.newSocket(t, afUnix), ss.newSocket(t, afUnix)
	a.peer, b.peer = b, a
	ss.m.chargeNow(threadOf(t), 2*syscallCost*1000)
	return t.NewTuple([]py.Value{a, b}), nil
}

func (ss *sockets) newSocket(t *py.Thread, family int64) *socketObj {
	s := ss.newEndpoint(t, family)
	ss.addFD(s)
	return s
}

// newEndpoint makes a socket with no descriptor yet (a connection accept has not
// taken).
func (ss *sockets) newEndpoint(t *py.Thread, family int64) *socketObj {
	m := ss.m
	m.objIDs++
	s := &socketObj{m: m, ss: ss, id: m.objIDs, fd: -1, family: family, timeout: ss.timeout}
	t.Register(s)
	return s
}

// addFD gives s the lowest free descriptor, as the kernel does.
func (ss *sockets) addFD(s *socketObj) {
	fd := 3
	for ss.fds[fd] != nil {
		fd++
	}
	s.fd = fd
	ss.fds[fd] = s
}

// socketNew is socket.socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None).
func socketNew(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
	p, err := params(t, "socket", args[1:], kw, "family", "type", "proto", "fileno")
	if err != nil {
		return nil, err
	}
	family, err := intParam(t, noneNil(p[0]), afInet)
	if err != nil {
		return nil, err
	}
	typ, err := intParam(t, noneNil(p[1]), sockStream)
	if err != nil {
		return nil, err
	}
	proto, err := intParam(t, noneNil(p[2]), 0)
	if err != nil {
		return nil, err
	}
	if p[3] != nil && p[3] != py.None {
		return nil, t.NewExc(py.OSErrorClass, "gilscope does not support socket.socket(fileno=...) yet")
	}
	switch {
	case family != afInet && family != afUnix:
		return nil, t.NewExc(py.OSErrorClass, "gilscope does not support socket family %d yet: use AF_INET", family)
	case typ != sockStream:
		return nil, t.NewExc(py.OSErrorClass, "gilscope does not support socket type %d yet: only SOCK_STREAM", typ)
	}
	th := threadOf(t)
	ss := th.proc.socks
	if ss == nil {
		return nil, t.NewExc(py.SystemErrorClass, "gilscope internal error: socket without its module")
	}
	s := ss.newSocket(t, family)
	s.proto = proto
	ss.m.chargeNow(th, syscallCost*1000)
	return s, nil
}

func noneNil(v py.Value) py.Value {
	if v == py.None {
		return nil
	}
	return v
}

// address reads a (host, port) pair and returns the local address it names:
// "0.0.0.0" for any, "127.0.0.1" for the local host.
func address(t *py.Thread, fname string, v py.Value, bind bool) (string, int, error) {
	tup, ok := v.(*py.Tuple)
	if !ok || len(tup.Items) != 2 {
		return "", 0, t.NewExc(py.TypeErrorClass, "%s(): AF_INET address must be tuple, not %s", fname, v.Type().Name)
	}
	h, ok := tup.Items[0].(*py.Str)
	if !ok {
		return "", 0, t.NewExc(py.TypeErrorClass, "str, bytes or bytearray expected, not %s", tup.Items[0].Type().Name)
	}
	port, ok := py.AsInt(tup.Items[1])
	if !ok {
		return "", 0, t.NewExc(py.TypeErrorClass, "'%s' object cannot be interpreted as an integer", tup.Items[1].Type().Name)
	}
	if port < 0 || port > 65535 {
		return "", 0, t.NewExc(py.OverflowErrorClass, "%s(): port must be 0-65535.", fname)
	}
	host := localHost(h.S)
	switch {
	case host == "":
		return "", 0, t.NewExc(py.OSErrorClass, noNetwork, "'"+h.S+"'")
	case host == "0.0.0.0" && !bind:
		host = "127.0.0.1" // connecting to INADDR_ANY reaches the local host
	}
	return host, int(port), nil
}

// localHost returns the address a host name means on the local host, or "".
func localHost(h string) string {
	switch strings.ToLower(h) {
	case "", "0.0.0.0":
		return "0.0.0.0"
	case "localhost", "127.0.0.1":
		return "127.0.0.1"
	}
	return ""
}

func gethostbyname(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
	if err := t.CheckArgs("gethostbyname", args, kw, 1, 1); err != nil {
		return nil, err
	}
	h, ok := args[0].(*py.Str)
	if !ok {
		return nil, t.NewExc(py.TypeErrorClass, "gethostbyname() argument 1 must be str, not %s", args[0].Type().Name)
	}
	host := localHost(h.S)
	if host == "" {
		return nil, t.NewExc(py.OSErrorClass, noNetwork, "'"+h.S+"'")
	}
	return t.NewStr(host), nil
}

// timeoutArg reads a timeout in seconds (None: none) and returns it in ps (-1: none).
func timeoutArg(t *py.Thread, v py.Value) (int64, error) {
	if v == nil || v == py.None {
		return -1, nil
	}
	f, ok := py.AsFloat(v)
	if !ok {
		return 0, t.NewExc(py.TypeErrorClass, "Timeout value must be int, float or None")
	}
	if f < 0 || math.IsNaN(f) {
		return 0, t.NewExc(py.ValueErrorClass, "Timeout value out of range")
	}
	return int64(min(f, 1e6) * 1e12), nil
}

func timeoutValue(t *py.Thread, d int64) py.Value {
	if d < 0 {
		return py.None
	}
	return t.NewFloat(float64(d) / 1e12)
}

func sockAddr(t *py.Thread, host string, port int) py.Value {
	return t.NewTuple([]py.Value{t.NewStr(host), t.NewInt(int64(port))})
}

// sockMethod defines a method of socket objects that checks its arguments' count.
func sockMethod(name string, min, max int, f func(t *py.Thread, s *socketObj, args []py.Value) (py.Value, error)) {
	socketClass.Def(name, func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
		if err := t.CheckArgs(name, args[1:], kw, min, max); err != nil {
			return nil, err
		}
		return f(t, args[0].(*socketObj), args[1:])
	})
}

func (s *socketObj) badFD(t *py.Thread) error {
	return t.NewOSError(9, "Bad file descriptor", "")
}

func init() {
	socketClass.Module = "socket"
	socketClass.New = socketNew
	socketClass.Def("send", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
		return sockSendMethod(t, args, kw, "send")
	})
	socketClass.Def("sendall", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
		return sockSendMethod(t, args, kw, "sendall")
	})
	socketClass.Def("recv", sockRecvMethod)
	socketClass.Def("recv_into", sockRecvIntoMethod)
	socketClass.Def("makefile", sockMakefile)
	sockMethod("close", 0, 0, func(t *py.Thread, s *socketObj, _ []py.Value) (py.Value, error) {
		s.userClose = true
		if s.ioRefs == 0 {
			s.close(threadOf(t))
		}
		return py.None, nil
	})
	sockMethod("detach", 0, 0, func(t *py.Thread, s *socketObj, _ []py.Value) (py.Value, error) {
		return nil, t.NewExc(py.OSErrorClass, "gilscope does not support socket.detach yet")
	})
	sockMethod("_decref_socketios", 0, 0, func(t *py.Thread, s *socketObj, _ []py.Value) (py.Value, error) {
		if s.ioRefs > 0 {
			s.ioRefs--
		}
		if s.ioRefs == 0 && s.userClose {
			s.close(threadOf(t))
		}
		return py.None, nil
	})
	sockMethod("fileno", 0, 0, func(t *py.Thread, s *socketObj, _ []py.Value) (py.Value, error) {
		if s.closed {
			return t.NewInt(-1), nil
		}
		return t.NewInt(int64(s.fd)), nil
	})
	socketClass.Def("__enter__", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
		t.Incref(args[0])
		return args[0], nil
	})
	socketClass.Def("__exit__", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
		s := args[0].(*socketObj)
		s.userClose = true
		if s.ioRefs == 0 {
			s.close(threadOf(t))
		}
		return py.None, nil
	})
	sockMethod("bind", 1, 1, sockBind)
	sockMethod("listen", 0, 1, sockListen)
	socketClass.Def("accept", sockAcceptMethod)
	sockMethod("connect", 1, 1, func(t *py.Thread, s *socketObj, args []py.Value) (py.Value, error) {
		return s.connect(t, args[0], false)
	})
	sockMethod("connect_ex", 1, 1, func(t *py.Thread, s *socketObj, args []py.Value) (py.Value, error) {
		return s.connect(t, args[0], true)
	})
	sockMethod("shutdown", 1, 1, func(t *py.Thread, s *socketObj, args []py.Value) (py.Value, error) {
		how, ok := py.AsInt(args[0])
		switch {
		case !ok:
			return nil, t.NewExc(py.TypeErrorClass, "'%s' object cannot be interpreted as an integer", args[0].Type().Name)
		case s.closed:
			return nil, s.badFD(t)
		case how < 0 || how > 2:
			return nil, t.NewOSError(22, "Invalid argument", "")
		case s.peer == nil:
			return nil, t.NewOSError(107, "Transport endpoint is not connected", "")
		}
		th := threadOf(t)
		s.m.chargeNow(th, syscallCost*1000)
		if how >= 1 {
			s.shutdownWrite(th)
		}
		if how != 1 {
			s.eof = true
			s.notify()
		}
		return py.None, nil
	})
	sockMethod("settimeout", 1, 1, func(t *py.Thread, s *socketObj, args []py.Value) (py.Value, error) {
		d, err := timeoutArg(t, args[0])
		if err != nil {
			return nil, err
		}
		s.timeout = d
		return py.None, nil
	})
	sockMethod("gettimeout", 0, 0, func(t *py.Thread, s *socketObj, _ []py.Value) (py.Value, error) {
		return timeoutValue(t, s.timeout), nil
	})
	sockMethod("setblocking", 1, 1, func(t *py.Thread, s *socketObj, args []py.Value) (py.Value, error) {
		b, err := t.Truthy(args[0])
		if err != nil {
			return nil, err
		}
		s.timeout = -1
		if !b {
			s.timeout = 0
		}
		return py.None, nil
	})
	sockMethod("getblocking", 0, 0, func(t *py.Thread, s *socketObj, _ []py.Value) (py.Value, error) {
		return py.BoolOf(s.timeout != 0), nil
	})
	sockMethod("setsockopt", 3, 3, func(t *py.Thread, s *socketObj, args []py.Value) (py.Value, error) {
		level, ok1 := py.AsInt(args[0])
		opt, ok2 := py.AsInt(args[1])
		v, ok3 := py.AsInt(args[2])
		if !ok1 || !ok2 || !ok3 {
			return nil, t.NewExc(py.TypeErrorClass, "setsockopt() takes integers")
		}
		if s.closed {
			return nil, s.badFD(t)
		}
		if s.opts == nil {
			s.opts = map[int64]int64{}
		}
		s.opts[level<<32|opt] = v
		return py.None, nil
	})
	sockMethod("getsockopt", 2, 3, func(t *py.Thread, s *socketObj, args []py.Value) (py.Value, error) {
		level, ok1 := py.AsInt(args[0])
		opt, ok2 := py.AsInt(args[1])
		if !ok1 || !ok2 {
			return nil, t.NewExc(py.TypeErrorClass, "getsockopt() takes integers")
		}
		if s.closed {
			return nil, s.badFD(t)
		}
		if level == 1 && opt == 3 { // SO_TYPE
			return t.NewInt(sockStream), nil
		}
		return t.NewInt(s.opts[level<<32|opt]), nil
	})
	sockMethod("getsockname", 0, 0, func(t *py.Thread, s *socketObj, _ []py.Value) (py.Value, error) {
		if s.closed {
			return nil, s.badFD(t)
		}
		if s.family == afUnix {
			return t.NewStr(""), nil
		}
		host := s.host
		if host == "" {
			host = "0.0.0.0"
		}
		return sockAddr(t, host, s.port), nil
	})
	sockMethod("getpeername", 0, 0, func(t *py.Thread, s *socketObj, _ []py.Value) (py.Value, error) {
		switch {
		case s.closed:
			return nil, s.badFD(t)
		case s.peer == nil:
			return nil, t.NewOSError(107, "Transport endpoint is not connected", "")
		case s.family == afUnix:
			return t.NewStr(""), nil
		}
		return sockAddr(t, "127.0.0.1", s.peerPort), nil
	})
}

// PyRepr is repr(socket), as CPython's socket.__repr__ writes it.
func (s *socketObj) PyRepr() string {
	family := strconv.Itoa(int(s.family))
	if s.closed {
		return "<socket.socket [closed] fd=-1, family=" + family + ", type=1, proto=" + strconv.Itoa(int(s.proto)) + ">"
	}
	text := "<socket.socket fd=" + strconv.Itoa(s.fd) + ", family=" + family + ", type=1, proto=" + strconv.Itoa(int(s.proto))
	if s.family == afInet {
		host := s.host
		if host == "" {
			host = "0.0.0.0"
		}
		text += ", laddr=('" + host + "', " + strconv.Itoa(s.port) + ")"
		if s.peer != nil {
			text += ", raddr=('127.0.0.1', " + strconv.Itoa(s.peerPort) + ")"
		}
	}
	return text + ">"
}

func sockBind(t *py.Thread, s *socketObj, args []py.Value) (py.Value, error) {
	if s.closed {
		return nil, s.badFD(t)
	}
	if s.family != afInet {
		return nil, t.NewExc(py.OSErrorClass, "gilscope does not support AF_UNIX sockets bound to a path yet: use AF_INET on 'localhost'")
	}
	host, port, err := address(t, "bind", args[0], true)
	if err != nil {
		return nil, err
	}
	th := threadOf(t)
	m := s.m
	m.chargeNow(th, syscallCost*1000)
	if s.port != 0 {
		return nil, t.NewOSError(22, "Invalid argument", "")
	}
	net := m.loopback()
	if port == 0 {
		port = net.ephemeral()
	}
	if port == 0 || net.ports[port] != nil {
		return nil, t.NewOSError(98, "Address already in use", "")
	}
	s.host, s.port = host, port
	net.ports[port] = s
	return py.None, nil
}

func sockListen(t *py.Thread, s *socketObj, args []py.Value) (py.Value, error) {
	if s.closed {
		return nil, s.badFD(t)
	}
	if s.family != afInet {
		return nil, t.NewOSError(22, "Invalid argument", "")
	}
	if len(args) == 1 {
		if _, ok := py.AsInt(args[0]); !ok {
			return nil, t.NewExc(py.TypeErrorClass, "'%s' object cannot be interpreted as an integer", args[0].Type().Name)
		}
	}
	m := s.m
	m.chargeNow(threadOf(t), syscallCost*1000)
	if s.port == 0 {
		net := m.loopback()
		s.host, s.port = "0.0.0.0", net.ephemeral()
		net.ports[s.port] = s
	}
	s.listening = true
	return py.None, nil
}

// connect is connect and connect_ex: a connection to a listening socket of the
// loopback network, established sockLatency later in its accept queue.
func (s *socketObj) connect(t *py.Thread, addr py.Value, ex bool) (py.Value, error) {
	return s.connectThen(t, addr, ex, nil)
}

// connectThen is connect whose call returns res (nil: None, or connect_ex's 0).
func (s *socketObj) connectThen(t *py.Thread, addr py.Value, ex bool, res py.Value) (py.Value, error) {
	fail := func(errno int64, msg string) (py.Value, error) {
		if ex {
			return t.NewInt(errno), nil
		}
		return nil, t.NewOSError(errno, msg, "")
	}
	if s.closed {
		return fail(9, "Bad file descriptor")
	}
	if s.family != afInet {
		return nil, t.NewExc(py.OSErrorClass, "gilscope does not support AF_UNIX sockets bound to a path yet: use AF_INET on 'localhost'")
	}
	_, port, err := address(t, "connect", addr, false)
	if err != nil {
		return nil, err
	}
	if s.peer != nil || s.listening {
		return fail(106, "Transport endpoint is already connected")
	}
	m := s.m
	th := threadOf(t)
	l := m.loopback().ports[port]
	if l == nil || !l.listening || l.closed {
		m.chargeNow(th, m.blk.sockCall)
		return fail(111, "Connection refused")
	}
	if s.port == 0 {
		s.host, s.port = "127.0.0.1", m.loopback().ephemeral()
		m.loopback().ports[s.port] = s
	}
	// The server's end, which accept returns; it has its descriptor then.
	c := m.socketsOf(l.ss.procOf()).newEndpoint(t, afInet)
	c.host, c.port, c.peerPort = "127.0.0.1", l.port, s.port
	c.timeout, c.proto = -1, l.proto
	s.peer, c.peer, s.peerPort = c, s, l.port
	// A non-blocking connect returns before the handshake, as Linux's does even
	// on the loopback: EINPROGRESS, then the socket turns writable.
	inProgress := s.timeout == 0
	switch {
	case res != nil:
	case ex && inProgress:
		res = t.NewInt(115)
	case ex:
		res = t.NewInt(0)
	default:
		res = py.None
	}
	return nil, py.Block(t, &sockConnect{s: s, l: l, c: c, result: res, inProgress: inProgress && !ex})
}

// createConnection is socket.create_connection(address, timeout=None,
// source_address=None, *, all_errors=False).
func (ss *sockets) createConnection(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
	p, err := params(t, "create_connection", args, kw, "address", "timeout", "source_address", "all_errors")
	if err != nil {
		return nil, err
	}
	if p[0] == nil {
		return nil, t.NewExc(py.TypeErrorClass, "create_connection() missing 1 required positional argument: 'address'")
	}
	timeout := ss.timeout
	if p[1] != nil {
		if timeout, err = timeoutArg(t, p[1]); err != nil {
			return nil, err
		}
	}
	s := ss.newSocket(t, afInet)
	s.timeout = timeout
	s.proto = 6 // getaddrinfo's IPPROTO_TCP
	ss.m.chargeNow(threadOf(t), syscallCost*1000)
	if p[2] != nil && p[2] != py.None {
		if _, err := sockBind(t, s, p[2:3]); err != nil {
			s.close(threadOf(t))
			t.Decref(s)
			return nil, err
		}
	}
	res, err := s.connectThen(t, p[0], false, s)
	if err != nil && t.Pending == nil {
		s.close(threadOf(t))
		t.Decref(s)
	}
	return res, err
}

// createServer is socket.create_server(address, *, family=AF_INET, backlog=None,
// reuse_port=False, dualstack_ipv6=False).
func (ss *sockets) createServer(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
	p, err := params(t, "create_server", args, kw, "address", "family", "backlog", "reuse_port", "dualstack_ipv6")
	if err != nil {
		return nil, err
	}
	if p[0] == nil {
		return nil, t.NewExc(py.TypeErrorClass, "create_server() missing 1 required positional argument: 'address'")
	}
	family, err := intParam(t, noneNil(p[1]), afInet)
	if err != nil {
		return nil, err
	}
	if family != afInet {
		return nil, t.NewExc(py.OSErrorClass, "gilscope does not support socket family %d yet: use AF_INET", family)
	}
	s := ss.newSocket(t, afInet)
	ss.m.chargeNow(threadOf(t), syscallCost*1000)
	if _, err := sockBind(t, s, p[0:1]); err != nil {
		s.close(threadOf(t))
		t.Decref(s)
		return nil, err
	}
	sockListen(t, s, nil)
	return s, nil
}

// procOf is the process the sockets belong to.
func (ss *sockets) procOf() *process {
	for _, p := range ss.m.procs {
		if p.socks == ss {
			return p
		}
	}
	return ss.m.procs[0]
}

// sockConnect is connect(): the handshake costs a blocking socket call, and the
// connection reaches the listener's queue as sent data reaches a peer.
type sockConnect struct {
	s, l, c *socketObj
	result  py.Value
	// inProgress: a non-blocking connect, which raises BlockingIOError (EINPROGRESS).
	inProgress bool
}

func (c *sockConnect) Describe() string { return "socket connect" }

func (c *sockConnect) do(m *Machine, th *thread) {
	d := m.blk.sockCall
	if len(c.l.acceptors) > 0 {
		d += futexWakeCost * 1000
	}
	m.dropGILAfter(th, d)
	m.setState(th, StateRunning, "io", th.clock)
	l, conn := c.l, c.c
	m.after(th.clock+sockLatency*1000, func() { l.enqueue(conn) })
	if c.inProgress {
		th.py.Decref(c.result)
		th.next = m.resumeErr(th, func(t *py.Thread) error {
			return t.NewOSError(115, "Operation now in progress", "")
		})
		return
	}
	th.next = m.resume(th, c.result, nil)
}

// enqueue puts an established connection in the accept queue and wakes an acceptor.
func (l *socketObj) enqueue(c *socketObj) {
	m := l.m
	if l.closed || !l.listening {
		// Refused after all: the client sees the end of the stream.
		c.peer.eof = true
		c.peer.notify()
		return
	}
	l.pending = append(l.pending, c)
	l.notify()
	if len(l.acceptors) == 0 {
		return
	}
	i := 0
	if len(l.acceptors) > 1 {
		i = m.rng.IntN(len(l.acceptors))
	}
	th := l.acceptors[i]
	l.acceptors = append(l.acceptors[:i], l.acceptors[i+1:]...)
	m.wake(th, m.now, func() { l.accept(th) })
}

func sockAcceptMethod(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
	if err := t.CheckArgs("accept", args[1:], kw, 0, 0); err != nil {
		return nil, err
	}
	s := args[0].(*socketObj)
	switch {
	case s.closed:
		return nil, s.badFD(t)
	case !s.listening:
		return nil, t.NewOSError(22, "Invalid argument", "")
	}
	return nil, py.Block(t, &sockAccept{s: s})
}

// sockAccept is accept(): it takes an established connection, or blocks until one
// arrives, as recv blocks for data.
type sockAccept struct{ s *socketObj }

func (c *sockAccept) Describe() string { return "socket accept" }

func (c *sockAccept) do(m *Machine, th *thread) {
	m.dropGILAfter(th, m.blk.sockCall)
	c.s.accept(th)
}

// accept completes an accept for th, or blocks it (or fails, non-blocking or timed
// out).
func (l *socketObj) accept(th *thread) {
	m := l.m
	if len(l.pending) == 0 {
		l.wait(th, func() { l.acceptors = append(l.acceptors, th) },
			func() { l.acceptors = without(l.acceptors, th) })
		return
	}
	c := l.pending[0]
	l.pending = l.pending[1:]
	l.ss.addFD(c)
	t := th.py
	res := t.NewTuple([]py.Value{c, sockAddr(t, "127.0.0.1", c.peerPort)})
	m.setState(th, StateRunning, "io", th.clock)
	th.next = m.resume(th, res, nil)
}

// wait blocks th until a wake-up, with the socket's timeout: add puts th in the
// socket's wait list, remove takes it out. Non-blocking, it fails at once with
// EAGAIN; timed, with socket.timeout when the time passes.
func (s *socketObj) wait(th *thread, add, remove func()) {
	m := s.m
	if s.timeout == 0 {
		m.setState(th, StateRunning, "io", th.clock)
		th.next = m.resumeErr(th, func(t *py.Thread) error {
			return t.NewOSError(11, "Resource temporarily unavailable", "")
		})
		return
	}
	m.block(th, StateBlocked, "io", s.id)
	add()
	if s.timeout > 0 {
		m.timeWait(th, s.timeout, remove, m.resumeErr(th, timedOut))
	}
}

func timedOut(t *py.Thread) error { return t.NewExc(py.TimeoutErrorClass, "timed out") }

// resumeErr is resume with an exception made when the thread runs again.
func (m *Machine) resumeErr(th *thread, exc func(*py.Thread) error) func() {
	return func() {
		th.py.Resume(nil, exc(th.py))
		th.proc.gil.take(th)
	}
}

func sockSendMethod(t *py.Thread, args []py.Value, kw []string, name string) (py.Value, error) {
	p, err := params(t, name, args[1:], kw, "data", "flags")
	if err != nil {
		return nil, err
	}
	if p[0] == nil {
		return nil, t.NewExc(py.TypeErrorClass, "%s() takes at least 1 argument (0 given)", name)
	}
	data, err := bytesArg(t, p[0])
	if err != nil {
		return nil, err
	}
	s := args[0].(*socketObj)
	switch {
	case s.closed:
		return nil, s.badFD(t)
	case s.peer == nil:
		return nil, t.NewOSError(32, "Broken pipe", "")
	case s.shutWR, s.peer.closed:
		return nil, t.NewOSError(32, "Broken pipe", "")
	}
	// The receive queue is unbounded in time: what it holds must fit in the run's
	// memory beside everything else, so a sender without a reader meets MemoryError
	// instead of exhausting the host.
	if err := t.Reserve(int64(s.peer.queued + len(data))); err != nil {
		return nil, err
	}
	s.peer.queued += len(data)
	var res py.Value = py.None
	if name == "send" {
		res = t.NewInt(int64(len(data)))
	}
	return nil, py.Block(t, &sockSend{s: s, data: data, result: res})
}

func sockRecvMethod(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
	p, err := params(t, "recv", args[1:], kw, "bufsize", "flags")
	if err != nil {
		return nil, err
	}
	if p[0] == nil {
		return nil, t.NewExc(py.TypeErrorClass, "recv() takes at least 1 argument (0 given)")
	}
	n, err := intParam(t, p[0], 0)
	if err != nil {
		return nil, err
	}
	s := args[0].(*socketObj)
	switch {
	case n < 0:
		return nil, t.NewExc(py.ValueErrorClass, "negative buffersize in recv")
	case s.closed:
		return nil, s.badFD(t)
	case s.peer == nil && !s.eof:
		return nil, t.NewOSError(107, "Transport endpoint is not connected", "")
	}
	return nil, py.Block(t, &sockRecv{s: s, n: int(min(n, 1<<30))})
}

// sockRecvIntoMethod is recv_into(buffer, nbytes=0, flags=0), into a bytearray.
func sockRecvIntoMethod(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
	p, err := params(t, "recv_into", args[1:], kw, "buffer", "nbytes", "flags")
	if err != nil {
		return nil, err
	}
	buf, ok := p[0].(*py.ByteArray)
	if !ok {
		if p[0] == nil {
			return nil, t.NewExc(py.TypeErrorClass, "recv_into() missing required argument 'buffer' (pos 1)")
		}
		return nil, t.NewExc(py.TypeErrorClass, "gilscope: recv_into() takes a bytearray, not '%s'", p[0].Type().Name)
	}
	n, err := intParam(t, p[1], 0)
	if err != nil {
		return nil, err
	}
	s := args[0].(*socketObj)
	switch {
	case n < 0:
		return nil, t.NewExc(py.ValueErrorClass, "negative buffersize in recv_into")
	case int(n) > len(buf.B):
		return nil, t.NewExc(py.ValueErrorClass, "buffer too small for requested bytes")
	case s.closed:
		return nil, s.badFD(t)
	case s.peer == nil && !s.eof:
		return nil, t.NewOSError(107, "Transport endpoint is not connected", "")
	}
	if n == 0 {
		n = int64(len(buf.B))
	}
	return nil, py.Block(t, &sockRecv{s: s, n: int(n), into: buf})
}

// sockMakefile is makefile(mode='r', buffering=None, *, encoding=None, errors=None,
// newline=None): a file over the socket, from the library (_gilscope_sockfile).
func sockMakefile(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
	s := args[0].(*socketObj)
	if s.closed {
		return nil, s.badFD(t)
	}
	mod, err := t.ImportModule("_gilscope_sockfile")
	if err != nil {
		return nil, err
	}
	defer t.Decref(mod)
	f, err := t.GetAttr(mod, "makefile")
	if err != nil {
		return nil, err
	}
	defer t.Decref(f)
	res, err := t.CallKw(f, args, kw)
	if err == nil {
		s.ioRefs++
	}
	return res, err
}

// sockSend is socket.send and sendall. CPython releases the GIL around the send()
// system call; the kernel copies the data, which the peer can read sockLatency later.
// (The receive queue is unbounded: a send never waits for the reader.)
type sockSend struct {
	s      *socketObj
	data   string
	result py.Value
}

func (c *sockSend) Describe() string { return "socket send" }

func (c *sockSend) do(m *Machine, th *thread) {
	peer, data := c.s.peer, c.data
	d := m.blk.sockCall
	if len(peer.readers) > 0 {
		// The kernel wakes the reader blocked in recv inside send(), and the sender
		// pays for it as a lock's releaser pays for waking a waiter.
		d += futexWakeCost * 1000
	}
	m.dropGILAfter(th, d)
	m.setState(th, StateRunning, "io", th.clock)
	th.busy = int64(len(c.data)) * sockCopyPs
	m.after(th.clock+th.busy+sockLatency*1000, func() { peer.arrive(data) })
	th.next = m.resume(th, c.result, nil)
}

// sockRecv is socket.recv(n) (and recv_into): it returns what has arrived (at most n
// bytes), an empty bytes object at the end of the stream, or blocks until data
// arrives. CPython releases the GIL around the recv() system call in every case.
type sockRecv struct {
	s    *socketObj
	n    int
	into *py.ByteArray
}

func (c *sockRecv) Describe() string { return "socket recv" }

func (c *sockRecv) do(m *Machine, th *thread) {
	m.dropGILAfter(th, m.blk.sockCall)
	c.s.recv(th, sockReader{th: th, n: c.n, into: c.into})
}

// recv completes a recv(n) for th, on a core without the GIL, or blocks it until
// data or the end of the stream arrives.
func (s *socketObj) recv(th *thread, r sockReader) {
	m := s.m
	if len(s.buf) == 0 && !s.eof && r.n > 0 {
		s.wait(th, func() { s.readers = append(s.readers, r) }, func() {
			s.readers = slices.DeleteFunc(s.readers, func(o sockReader) bool { return o.th == th })
		})
		return
	}
	k := min(r.n, len(s.buf))
	var res py.Value
	if r.into != nil {
		copy(r.into.B, s.buf[:k])
		res = th.py.NewInt(int64(k))
	} else {
		res = m.newBytes(th.py, string(s.buf[:k]))
	}
	s.buf = s.buf[k:]
	s.queued -= k
	m.setState(th, StateRunning, "io", th.clock)
	th.busy = int64(k) * sockCopyPs
	th.next = m.resume(th, res, nil)
}

// arrive puts data sent by the peer in the receive queue and wakes a reader.
func (s *socketObj) arrive(data string) {
	s.buf = append(s.buf, data...)
	s.notify()
	if len(s.readers) == 0 {
		return
	}
	i := 0
	if len(s.readers) > 1 {
		i = s.m.rng.IntN(len(s.readers)) // which waiter the kernel wakes is its choice
	}
	r := s.readers[i]
	s.readers = append(s.readers[:i], s.readers[i+1:]...)
	s.m.wake(r.th, s.m.now, func() { s.recv(r.th, r) })
}

// shutdownWrite ends the stream s sends: the peer sees its end sockLatency later,
// after the data sent before it.
func (s *socketObj) shutdownWrite(th *thread) {
	if s.shutWR || s.peer == nil {
		s.shutWR = true
		return
	}
	s.shutWR = true
	m := s.m
	peer := s.peer
	m.after(m.clockNow(th)+sockLatency*1000, func() {
		peer.eof = true
		peer.notify()
		readers := peer.readers
		peer.readers = nil
		for _, r := range readers {
			m.wake(r.th, m.now, func() { peer.recv(r.th, r) })
		}
	})
}

// close closes the socket: its descriptor and port are free, the peer sees the end
// of the stream, and connections a listener had not accepted are ended.
func (s *socketObj) close(th *thread) {
	if s.closed {
		return
	}
	m := s.m
	m.chargeNow(th, syscallCost*1000)
	s.shutdownWrite(th)
	s.closed = true
	if s.ss.fds[s.fd] == s {
		delete(s.ss.fds, s.fd)
	}
	if s.port != 0 && m.net != nil && m.net.ports[s.port] == s {
		delete(m.net.ports, s.port)
	}
	for _, c := range s.pending {
		c.closed = true
		c.shutdownWrite(th)
		th.py.Decref(c)
	}
	s.pending = nil
}

// selectWait is a thread blocked in select on some sockets: the first change of one
// of them wakes it, and it looks at them all again.
type selectWait struct {
	th    *thread
	socks []*socketObj
	done  bool
	then  func() // run when woken, on a core

}

// notify wakes the threads selecting on s (netselect.go): it changed.
func (s *socketObj) notify() {
	ws := s.watchers
	s.watchers = nil
	for _, w := range ws {
		w.fire(s.m)
	}
}

func (w *selectWait) fire(m *Machine) {
	if w.done {
		return
	}
	w.detach()
	m.wake(w.th, m.now, w.then)
}

// detach takes w off its sockets' lists.
func (w *selectWait) detach() {
	w.done = true
	for _, s := range w.socks {
		s.watchers = slices.DeleteFunc(s.watchers, func(o *selectWait) bool { return o == w })
	}
}
