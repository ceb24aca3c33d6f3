// This file defines the run's file system, _gilscope_fs: files in memory, shared by
// the run's processes, that start empty. Reading or writing one is a blocking call
// that releases the GIL for a time that grows with its size, as a read from or write
// to the page cache does; builtins.open and its file objects (lib/_gilscope_io.py)
// and os's file functions are Python over it.

package machine

import (
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/gilscope/gilscope/vm/py"
)

// Costs of file operations on the page cache (docs/stdlib.md, "Costs"): a read or
// a write costs the system call measured by tools/calibrate (Machine.blk) plus a copy
// at memory speed (estimates).
const (
	fsOpenCost      = 2 * us // open(2): path lookup and a descriptor
	fsReadPerKiB    = 250    // ns per KiB copied out (~4 GB/s)
	fsWritePerKiB   = 500    // ns per KiB copied in (~2 GB/s)
	fsWorkingDir    = "/home/gilscope"
	fsMaxFileLength = 1 << 28
)

// The file objects of lib/_gilscope_io.py are CPython's C code (_io): tracebacks
// show none of their frames.
func init() { py.CFrameFiles["<gilscope _gilscope_io>"] = true }

// fsPath makes a program's path absolute, from the process's working directory
// (os.getcwd). A name starting with NUL is a file removed while a descriptor
// kept it open (hide), which no directory lists.
func fsPath(cwd, p string) string {
	if strings.HasPrefix(p, "\x00") {
		return p
	}
	if !path.IsAbs(p) {
		p = path.Join(cwd, p)
	}
	return path.Clean(p)
}

// fsTouch records that th modified p (a file or a directory) and p's directory
// now, by the simulated clock.
func (m *Machine) fsTouch(th *thread, p string) {
	ns := int64(epoch*1e9) + m.clockNow(th)/1000
	m.mtimes[p] = ns
	m.mtimes[path.Dir(p)] = ns
}

// fsMoveMeta moves what the file system knows of src besides its data (its
// modification time and mode) to dst.
func (m *Machine) fsMoveMeta(src, dst string) {
	m.mtimes[dst] = m.fsMtime(src)
	delete(m.mtimes, src)
	if mode, ok := m.modes[src]; ok {
		m.modes[dst] = mode
		delete(m.modes, src)
	}
}

// fsDropMeta forgets what the file system knows of p besides its data.
func (m *Machine) fsDropMeta(p string) {
	delete(m.mtimes, p)
	delete(m.modes, p)
}

// fsMtime is p's modification time in ns: when the program last changed it, or
// the start of the run.
func (m *Machine) fsMtime(p string) int64 {
	if ns, ok := m.mtimes[p]; ok {
		return ns
	}
	return int64(epoch * 1e9)
}

// fsCall is a read or write of a file: the thread blocks for d, then gets result.
type fsCall struct {
	d      int64 // ps
	result py.Value
}

func (c *fsCall) Describe() string { return "file I/O" }

func (c *fsCall) do(m *Machine, th *thread) {
	// A read or write of the page cache does not sleep: the kernel copies on the
	// thread's core, without the GIL.
	m.releaseGIL(th)
	m.setState(th, StateRunning, "io", th.clock)
	th.busy = c.d
	th.next = m.resume(th, c.result, nil)
}

// stdWrite is the write(2) of n bytes of sys.stdout or sys.stderr (py/stdio.go),
// priced as the measured write(2) of a printed line to a pipe plus a copy: the
// kernel copies on the thread's core, without the GIL.
func (m *Machine) stdWrite(n int, result py.Value) py.Syscall {
	return &fsCall{d: m.blk.lineWrite + int64(n)*fsWritePerKiB*1000/1024, result: result}
}

// Linux's errnos the file system's functions answer with, and the most
// directories a run may make.
const (
	fsENOENT    = 2
	fsEACCES    = 13
	fsEEXIST    = 17
	fsENOTDIR   = 20
	fsEISDIR    = 21
	fsEINVAL    = 22
	fsENOSPC    = 28
	fsENOTEMPTY = 39
	fsMaxDirs   = 4096
)

// fsIsDir reports whether p (absolute) is a directory: /, the working directory
// and its parent, /tmp, one the program made, or the directory of a file.
func (m *Machine) fsIsDir(p string) bool {
	switch p {
	case "/", fsWorkingDir, path.Dir(fsWorkingDir), "/tmp":
		return true
	}
	return m.dirs[p] || m.fsHasChild(p)
}

// fsHasChild reports whether a file or a directory the program made lies under p.
func (m *Machine) fsHasChild(p string) bool { return len(m.kids[p]) > 0 }

// fsCount adds delta to the count of entries under each directory above p, by the
// name of the directory's child on the way (m.kids), which fsHasChild and listdir
// read: neither may scan every file, or walking a tree of n files would cost n²
// (a hidden file has no directory).
func (m *Machine) fsCount(p string, delta int) {
	if strings.HasPrefix(p, "\x00") {
		return
	}
	child := p
	for d := path.Dir(p); ; d = path.Dir(d) {
		kids := m.kids[d]
		if kids == nil {
			kids = map[string]int{}
			m.kids[d] = kids
		}
		name := path.Base(child)
		if kids[name] += delta; kids[name] == 0 {
			delete(kids, name)
			if len(kids) == 0 {
				delete(m.kids, d)
			}
		}
		if d == "/" || d == "." {
			return
		}
		child = d
	}
}

// fsSetFile makes p a file holding data. The files' data counts against the run's
// memory budget, which its processes share.
func (m *Machine) fsSetFile(p string, data []byte) {
	old, ok := m.files[p]
	if !ok {
		m.fsCount(p, 1)
	}
	m.procs[0].in.ChargeMemory(cap(data) - cap(old))
	m.files[p] = data
}

// fsDelFile removes the file p, if there is one.
func (m *Machine) fsDelFile(p string) {
	if data, ok := m.files[p]; ok {
		delete(m.files, p)
		m.fsCount(p, -1)
		m.procs[0].in.ChargeMemory(-cap(data))
	}
}

// fsSetDir records that the program made the directory p.
func (m *Machine) fsSetDir(p string) {
	if !m.dirs[p] {
		m.dirs[p] = true
		m.fsCount(p, 1)
	}
}

// fsDelDir forgets the directory p the program made.
func (m *Machine) fsDelDir(p string) {
	if m.dirs[p] {
		delete(m.dirs, p)
		m.fsCount(p, -1)
	}
}

// fsParentErrno is the errno making an entry at p fails with for want of its
// directory: 0, ENOENT or ENOTDIR.
func (m *Machine) fsParentErrno(p string) int64 {
	dir := path.Dir(p)
	for d := dir; d != "/"; d = path.Dir(d) {
		if _, ok := m.files[d]; ok {
			return fsENOTDIR
		}
	}
	if !m.fsIsDir(dir) {
		return fsENOENT
	}
	return 0
}

// fsModule is _gilscope_fs.
func (m *Machine) fsModule(t *py.Thread) *py.Module {
	if m.files == nil {
		m.files = map[string][]byte{}
	}
	if m.dirs == nil {
		m.dirs = map[string]bool{}
	}
	if m.mtimes == nil {
		m.mtimes = map[string]int64{}
		m.modes = map[string]int64{}
		m.kids = map[string]map[string]int{}
	}
	fn := func(name string, f py.BuiltinFunc) py.Value { return t.Builtin(name, f) }
	pathArg := func(t *py.Thread, args []py.Value, n int, name string) (string, error) {
		if len(args) != n {
			return "", t.NewExc(py.TypeErrorClass, "%s takes %d arguments", name, n)
		}
		s, ok := args[0].(*py.Str)
		if !ok {
			return "", t.NewExc(py.TypeErrorClass, "expected str, bytes or os.PathLike object, not %s", args[0].Type().Name)
		}
		return fsPath(threadOf(t).proc.cwd, s.S), nil
	}
	// lookup charges a directory operation: a path lookup, as open(2)'s.
	lookup := func(t *py.Thread) { m.chargeNow(threadOf(t), fsOpenCost*1000) }
	attrs := map[string]py.Value{
		// exists(path): whether the program made the file.
		"exists": fn("exists", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			p, err := pathArg(t, args, 1, "exists")
			if err != nil {
				return nil, err
			}
			_, ok := m.files[p]
			return py.BoolOf(ok), nil
		}),
		// isdir(path): the working directory, its parents, /tmp, the directories the
		// program made and those of files.
		"isdir": fn("isdir", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			p, err := pathArg(t, args, 1, "isdir")
			if err != nil {
				return nil, err
			}
			return py.BoolOf(m.fsIsDir(p)), nil
		}),
		// parent(path) → the errno creating a file at path fails with: 0, ENOENT
		// when its directory does not exist, ENOTDIR when a file stands for it.
		"parent": fn("parent", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			p, err := pathArg(t, args, 1, "parent")
			if err != nil {
				return nil, err
			}
			return t.NewInt(m.fsParentErrno(p)), nil
		}),
		// mkdir(path) → the errno os.mkdir fails with, or 0 when it made the directory.
		"mkdir": fn("mkdir", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			p, err := pathArg(t, args, 1, "mkdir")
			if err != nil {
				return nil, err
			}
			if _, ok := m.files[p]; ok || m.fsIsDir(p) {
				return t.NewInt(fsEEXIST), nil
			}
			if e := m.fsParentErrno(p); e != 0 {
				return t.NewInt(e), nil
			}
			if len(m.dirs) >= fsMaxDirs {
				return t.NewInt(fsENOSPC), nil
			}
			m.chargeNow(threadOf(t), fsOpenCost*1000)
			m.fsSetDir(p)
			m.fsTouch(threadOf(t), p)
			return t.NewInt(0), nil
		}),
		// rmdir(path) → the errno os.rmdir fails with, or 0 when it removed the
		// directory.
		"rmdir": fn("rmdir", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			p, err := pathArg(t, args, 1, "rmdir")
			if err != nil {
				return nil, err
			}
			if _, ok := m.files[p]; ok {
				return t.NewInt(fsENOTDIR), nil
			}
			if !m.fsIsDir(p) {
				return t.NewInt(fsENOENT), nil
			}
			if !m.dirs[p] {
				// The directory of a file, or one gilscope gives every run.
				if m.fsHasChild(p) {
					return t.NewInt(fsENOTEMPTY), nil
				}
				return t.NewInt(fsEACCES), nil
			}
			if m.fsHasChild(p) {
				return t.NewInt(fsENOTEMPTY), nil
			}
			m.fsDelDir(p)
			m.fsDropMeta(p)
			m.fsTouch(threadOf(t), path.Dir(p))
			return t.NewInt(0), nil
		}),
		// size(path): the file's length in bytes.
		"size": fn("size", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			p, err := pathArg(t, args, 1, "size")
			if err != nil {
				return nil, err
			}
			return t.NewInt(int64(len(m.files[p]))), nil
		}),
		// open(path, truncate): opening costs a system call, charged holding the GIL
		// (open is called from a builtin, which cannot block); the file is created, or
		// emptied when truncate is true.
		"open": fn("open", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if len(args) != 2 {
				return nil, t.NewExc(py.TypeErrorClass, "open(path, truncate)")
			}
			p, err := pathArg(t, args[:1], 1, "open")
			if err != nil {
				return nil, err
			}
			if _, ok := m.files[p]; !ok || args[1] == py.True {
				m.fsSetFile(p, nil)
				m.fsTouch(threadOf(t), p)
			}
			m.chargeNow(threadOf(t), fsOpenCost*1000)
			return py.None, nil
		}),
		// read(path, offset, n) → the bytes at offset (all of them when n < 0), after a
		// blocking read.
		"read": fn("read", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if len(args) != 3 {
				return nil, t.NewExc(py.TypeErrorClass, "read(path, offset, n)")
			}
			p, err := pathArg(t, args[:1], 1, "read")
			if err != nil {
				return nil, err
			}
			off, _ := py.AsInt(args[1])
			n, _ := py.AsInt(args[2])
			data := m.files[p]
			off = min(max(off, 0), int64(len(data)))
			end := int64(len(data))
			if n >= 0 {
				end = min(end, off+n)
			}
			b := m.newBytes(t, string(data[off:end]))
			d := m.blk.fsRead + (end-off)*fsReadPerKiB*1000/1024
			return nil, py.Block(t, &fsCall{d: d, result: b})
		}),
		// write(path, offset, data) writes data at offset (the end when offset < 0),
		// in a blocking write, and returns its length.
		"write": fn("write", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if len(args) != 3 {
				return nil, t.NewExc(py.TypeErrorClass, "write(path, offset, data)")
			}
			p, err := pathArg(t, args[:1], 1, "write")
			if err != nil {
				return nil, err
			}
			off, _ := py.AsInt(args[1])
			s, err := bytesArg(t, args[2])
			if err != nil {
				return nil, err
			}
			data := m.files[p]
			if off < 0 || off > int64(len(data)) {
				off = int64(len(data))
			}
			if off+int64(len(s)) > fsMaxFileLength {
				return nil, t.NewOSError(27, "File too large", "")
			}
			if grow := int(off) + len(s) - len(data); grow > 0 {
				if err := t.Reserve(int64(grow)); err != nil {
					return nil, err
				}
				data = slices.Grow(data, grow)[:int(off)+len(s)]
			}
			copy(data[off:], s)
			m.fsSetFile(p, data)
			m.fsTouch(threadOf(t), p)
			d := m.blk.fsWrite + int64(len(s))*fsWritePerKiB*1000/1024
			return nil, py.Block(t, &fsCall{d: d, result: t.NewInt(int64(len(s)))})
		}),
		// remove(path) → whether there was such a file.
		"remove": fn("remove", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			p, err := pathArg(t, args, 1, "remove")
			if err != nil {
				return nil, err
			}
			_, ok := m.files[p]
			if ok {
				m.fsDelFile(p)
				m.fsDropMeta(p)
				m.fsTouch(threadOf(t), path.Dir(p))
			}
			return py.BoolOf(ok), nil
		}),
		// listdir(path) → the names of the files and directories in path, sorted.
		"listdir": fn("listdir", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			p, err := pathArg(t, args, 1, "listdir")
			if err != nil {
				return nil, err
			}
			lookup(t)
			kids := m.kids[p]
			if err := t.Work(len(kids)); err != nil {
				return nil, err
			}
			names := slices.Sorted(maps.Keys(kids))
			items := make([]py.Value, len(names))
			for i, n := range names {
				items[i] = t.NewStr(n)
			}
			return t.NewList(items), nil
		}),
		// newline(data) → the index of the first b'\n' in data, or -1 (the
		// interpreter's bytes have no find yet).
		"newline": fn("newline", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if len(args) != 1 {
				return nil, t.NewExc(py.TypeErrorClass, "newline(data)")
			}
			s, err := bytesArg(t, args[0])
			if err != nil {
				return nil, err
			}
			return t.NewInt(int64(strings.IndexByte(s, '\n'))), nil
		}),
		// getcwd() → the process's working directory.
		"getcwd": fn("getcwd", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			return t.NewStr(threadOf(t).proc.cwd), nil
		}),
		// chdir(path) → the errno os.chdir fails with, or 0 when it changed the
		// process's working directory.
		"chdir": fn("chdir", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			p, err := pathArg(t, args, 1, "chdir")
			if err != nil {
				return nil, err
			}
			lookup(t)
			if e := m.fsStatErrno(p); e != 0 {
				return t.NewInt(e), nil
			}
			if !m.fsIsDir(p) {
				return t.NewInt(fsENOTDIR), nil
			}
			threadOf(t).proc.cwd = p
			return t.NewInt(0), nil
		}),
		// chmod(path, mode) → the errno chmod(2) fails with, or 0 when it set the
		// permission bits.
		"chmod": fn("chmod", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if len(args) != 2 {
				return nil, t.NewExc(py.TypeErrorClass, "chmod(path, mode)")
			}
			p, err := pathArg(t, args[:1], 1, "chmod")
			if err != nil {
				return nil, err
			}
			lookup(t)
			if e := m.fsStatErrno(p); e != 0 {
				return t.NewInt(e), nil
			}
			mode, _ := py.AsInt(args[1])
			m.modes[p] = mode & 0o7777
			return t.NewInt(0), nil
		}),
		// stat(path) → the errno stat(2) fails with, or (is a directory, size,
		// modification time in ns, permission bits).
		"stat": fn("stat", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			p, err := pathArg(t, args, 1, "stat")
			if err != nil {
				return nil, err
			}
			lookup(t)
			if e := m.fsStatErrno(p); e != 0 {
				return t.NewInt(e), nil
			}
			isDir := m.fsIsDir(p)
			size, mode := int64(4096), int64(0o755)
			if !isDir {
				size, mode = int64(len(m.files[p])), 0o644
			}
			if bits, ok := m.modes[p]; ok {
				mode = bits
			}
			return t.NewTuple([]py.Value{py.BoolOf(isDir), t.NewInt(size), t.NewInt(m.fsMtime(p)), t.NewInt(mode)}), nil
		}),
		// hide(path, key) takes the file at path out of its directory and keeps it
		// as key (starting with NUL), for the descriptors that still have it open:
		// unlink(2) of an open file.
		"hide": fn("hide", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if len(args) != 2 {
				return nil, t.NewExc(py.TypeErrorClass, "hide(path, key)")
			}
			p, err := pathArg(t, args[:1], 1, "hide")
			if err != nil {
				return nil, err
			}
			key, err := pathArg(t, args[1:], 1, "hide")
			if err != nil {
				return nil, err
			}
			if data, ok := m.files[p]; ok && strings.HasPrefix(key, "\x00") {
				m.fsDelFile(p)
				m.fsSetFile(key, data)
				m.fsMoveMeta(p, key)
				m.fsTouch(threadOf(t), path.Dir(p))
			}
			return py.None, nil
		}),
		// utime(path, ns) → the errno utime(2) fails with, or 0 when it set the
		// modification time to ns (now when ns is None).
		"utime": fn("utime", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if len(args) != 2 {
				return nil, t.NewExc(py.TypeErrorClass, "utime(path, ns)")
			}
			p, err := pathArg(t, args[:1], 1, "utime")
			if err != nil {
				return nil, err
			}
			lookup(t)
			if e := m.fsStatErrno(p); e != 0 {
				return t.NewInt(e), nil
			}
			if args[1] == py.None {
				m.mtimes[p] = int64(epoch*1e9) + m.clockNow(threadOf(t))/1000
			} else {
				ns, _ := py.AsInt(args[1])
				m.mtimes[p] = ns
			}
			return t.NewInt(0), nil
		}),
		// rename(src, dst) → the errno rename(2) fails with, or 0 when it moved the
		// file or the directory (and what lies under it).
		"rename": fn("rename", func(t *py.Thread, args []py.Value, kw []string) (py.Value, error) {
			if len(args) != 2 {
				return nil, t.NewExc(py.TypeErrorClass, "rename(src, dst)")
			}
			src, err := pathArg(t, args[:1], 1, "rename")
			if err != nil {
				return nil, err
			}
			dst, err := pathArg(t, args[1:], 1, "rename")
			if err != nil {
				return nil, err
			}
			lookup(t)
			if err := t.Work(len(m.files) + len(m.dirs)); err != nil {
				return nil, err
			}
			return t.NewInt(m.fsRename(threadOf(t), src, dst)), nil
		}),
	}
	return t.NewModule("_gilscope_fs", attrs)
}

// fsStatErrno is the errno stat(2) of p fails with: 0 when p is a file or a
// directory, ENOTDIR when a file stands for one of its directories, else ENOENT.
func (m *Machine) fsStatErrno(p string) int64 {
	if _, ok := m.files[p]; ok || m.fsIsDir(p) {
		return 0
	}
	if m.fsParentErrno(p) == fsENOTDIR {
		return fsENOTDIR
	}
	return fsENOENT
}

// fsRename moves src to dst as rename(2) does, and returns its errno or 0.
func (m *Machine) fsRename(th *thread, src, dst string) int64 {
	if e := m.fsStatErrno(src); e != 0 {
		return e
	}
	if e := m.fsParentErrno(dst); e != 0 {
		return e
	}
	if src == dst {
		return 0
	}
	_, dstFile := m.files[dst]
	if data, ok := m.files[src]; ok {
		if m.fsIsDir(dst) {
			return fsEISDIR
		}
		m.fsDelFile(src)
		m.fsSetFile(dst, data)
		m.fsMoveMeta(src, dst)
		m.fsTouch(th, path.Dir(src))
		m.fsTouch(th, path.Dir(dst))
		return 0
	}
	// A directory.
	switch {
	case !m.dirs[src]:
		return fsEACCES // one gilscope gives every run
	case strings.HasPrefix(dst, src+"/"):
		return fsEINVAL
	case dstFile:
		return fsENOTDIR
	case m.fsIsDir(dst) && !m.dirs[dst]:
		return fsEACCES
	case m.fsIsDir(dst) && m.fsHasChild(dst):
		return fsENOTEMPTY
	}
	prefix := src + "/"
	var files, dirs []string
	for f := range m.files {
		if strings.HasPrefix(f, prefix) {
			files = append(files, f)
		}
	}
	for d := range m.dirs {
		if strings.HasPrefix(d, prefix) {
			dirs = append(dirs, d)
		}
	}
	move := func(p string) string {
		q := dst + p[len(src):]
		m.fsMoveMeta(p, q)
		return q
	}
	for _, f := range files {
		data := m.files[f]
		m.fsDelFile(f)
		m.fsSetFile(move(f), data)
	}
	for _, d := range dirs {
		m.fsDelDir(d)
		m.fsSetDir(move(d))
	}
	m.fsDelDir(src)
	m.fsSetDir(move(src))
	m.fsTouch(th, path.Dir(src))
	m.fsTouch(th, path.Dir(dst))
	return 0
}
