"""socket.makefile's files: a buffered reader and writer over a socket's recv and
sendall, as CPython's SocketIO wrapped in io.BufferedReader/BufferedWriter and, in
text mode, io.TextIOWrapper are (the socket stays open until they are closed)."""

import io

_CHUNK = 8192


class SocketFile(io.IOBase):
    def __init__(self, sock, mode, buffering, encoding, errors, newline):
        self._sock = sock
        self.mode = mode
        self._reading = "r" in mode
        self._writing = "w" in mode
        self._binary = "b" in mode
        self._unbuffered = buffering == 0
        self.encoding = None if self._binary else (encoding or "utf-8")
        self.errors = None if self._binary else (errors or "strict")
        self._rbuf = b""
        self._eof = False
        self._wbuf = []

    def _check(self, reading):
        if self.closed:
            raise ValueError("I/O operation on closed file.")
        if reading and not self._reading:
            raise OSError("File not open for reading")
        if not reading and not self._writing:
            raise OSError("File not open for writing")

    def _fill(self):
        data = self._sock.recv(_CHUNK)
        if not data:
            self._eof = True
        self._rbuf += data
        return data

    def _out(self, data):
        if self._binary:
            return data
        text = data.decode(self.encoding, self.errors)
        return text.replace("\r\n", "\n").replace("\r", "\n")

    def readline(self, size=-1):
        self._check(True)
        if size is None:
            size = -1
        while True:
            i = self._rbuf.find(b"\n")
            if i >= 0 and (size < 0 or i < size):
                line, self._rbuf = self._rbuf[: i + 1], self._rbuf[i + 1 :]
                return self._out(line)
            if 0 <= size <= len(self._rbuf):
                line, self._rbuf = self._rbuf[:size], self._rbuf[size:]
                return self._out(line)
            if self._eof or not self._fill():
                line, self._rbuf = self._rbuf, b""
                return self._out(line)

    def read(self, size=-1):
        self._check(True)
        if size is None or size < 0:
            while not self._eof and self._fill():
                pass
            data, self._rbuf = self._rbuf, b""
            return self._out(data)
        if self._unbuffered and not self._rbuf and not self._eof:
            return self._out(self._sock.recv(size))
        while len(self._rbuf) < size and not self._eof and self._fill():
            pass
        data, self._rbuf = self._rbuf[:size], self._rbuf[size:]
        return self._out(data)

    def read1(self, size=-1):
        self._check(True)
        if not self._rbuf and not self._eof:
            self._fill()
        if size is None or size < 0:
            size = len(self._rbuf)
        data, self._rbuf = self._rbuf[:size], self._rbuf[size:]
        return self._out(data)

    def write(self, data):
        self._check(False)
        if self._binary:
            if isinstance(data, str):
                raise TypeError("a bytes-like object is required, not 'str'")
            raw = bytes(data)
        else:
            if not isinstance(data, str):
                raise TypeError("write() argument must be str, not %s" % type(data).__name__)
            raw = data.encode(self.encoding, self.errors)
        if self._unbuffered:
            self._sock.sendall(raw)
        else:
            self._wbuf.append(raw)
        return len(data)

    def flush(self):
        if self.closed:
            raise ValueError("flush of closed file")
        if self._wbuf:
            data = b"".join(self._wbuf)
            self._wbuf = []
            self._sock.sendall(data)

    def close(self):
        if self.closed:
            return
        try:
            if self._writing:
                self.flush()
        finally:
            super().close()
            self._sock._decref_socketios()

    def __del__(self):
        # As io's finalizer closes a SocketIO: the socket's descriptor is released
        # (unflushed data is dropped here, where a BufferedWriter would flush it).
        if not self.closed:
            super().close()
            self._sock._decref_socketios()

    def fileno(self):
        return self._sock.fileno()

    def readable(self):
        return self._reading

    def writable(self):
        return self._writing

    def seekable(self):
        return False


def makefile(sock, mode="r", buffering=None, *, encoding=None, errors=None, newline=None):
    if not set(mode) <= {"r", "w", "b"}:
        raise ValueError("invalid mode %r (only r, w, b allowed)" % (mode,))
    if buffering == 0 and "b" not in mode:
        raise ValueError("unbuffered streams must be binary")
    return SocketFile(sock, mode, buffering, encoding, errors, newline)
