// Package pgtest gives tests a real, throwaway PostgreSQL database.
//
// NewDatabase returns the URL of a fresh, empty database. The server is the
// one named by the environment variable URLEnv if it is set; otherwise
// pgtest starts a private cluster the first time it is asked, with the
// PostgreSQL binaries of the machine (Debian's, in /usr/lib/postgresql/N/bin):
// initdb in a temporary directory, then pg_ctl start listening only on a Unix
// socket in that directory, so no TCP port is taken and clusters of parallel
// test binaries never meet. Main stops it and removes the directory when the
// package's tests end; a test package that uses pgtest must therefore call
// Main from its TestMain.
//
// initdb and postgres refuse to run as root. When the tests run as root (as
// CI does), the cluster runs as the user nobody, which owns its directory.
//
// Without PostgreSQL (no binaries and no URLEnv) NewDatabase skips the test,
// or fails it if the environment sets E2E_REQUIRED=1, as .ci/run does.
package pgtest

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// URLEnv names the environment variable that, set to a PostgreSQL URL, makes
// the tests use that server instead of starting one. Its user must be
// allowed to create databases.
const URLEnv = "GILSCOPE_TEST_POSTGRES"

// RequiredEnv names the environment variable that, set to "1", turns a
// missing PostgreSQL from a skip into a failure.
const RequiredEnv = "E2E_REQUIRED"

// binGlob finds the binaries of Debian's postgresql-N packages.
const binGlob = "/usr/lib/postgresql/*/bin"

// unprivilegedUser runs the cluster when the tests run as root.
const unprivilegedUser = "nobody"

// startTimeout bounds pg_ctl's wait for the server to accept connections.
const startTimeout = 60 * time.Second

// port is the cluster's port: with no TCP listener it only names the socket
// file, in a directory of the cluster's own.
const port = 5432

var (
	inMain bool // Main is running the tests

	once     sync.Once
	adminURL string   // the maintenance database of the server in use
	local    *cluster // the cluster pgtest started, if any
	errStart error    // why there is no server
	skip     bool     // errStart means PostgreSQL is missing, not broken
)

// Main runs the tests, then stops the cluster pgtest started, if any, and
// returns the exit code for os.Exit:
//
//	func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
func Main(m *testing.M) int {
	inMain = true
	code := m.Run()
	if local != nil {
		if err := local.stop(); err != nil {
			fmt.Fprintf(os.Stderr, "pgtest: %v\n", err)
			if code == 0 {
				code = 1
			}
		}
	}
	return code
}

// NewDatabase creates an empty database for the test, dropped when the test
// ends, and returns its URL. Close every connection to it in a cleanup
// registered after NewDatabase returns. Under -short it skips the test: the
// quick loop starts no PostgreSQL.
func NewDatabase(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("PostgreSQL test skipped in -short mode")
	}
	if !inMain {
		t.Fatal("pgtest: the package's TestMain must call pgtest.Main, which stops the cluster")
	}
	once.Do(findServer)
	if errStart != nil {
		if skip && os.Getenv(RequiredEnv) != "1" {
			t.Skipf("skipping PostgreSQL test: %v; set %s=1 to make this a failure", errStart, RequiredEnv)
		}
		t.Fatalf("PostgreSQL test: %v", errStart)
	}
	name := "test_" + strings.ToLower(rand.Text()[:16]) // unquoted names fold to lower case
	admin(t, "CREATE DATABASE "+name)
	t.Cleanup(func() { admin(t, "DROP DATABASE "+name+" WITH (FORCE)") })
	u, err := url.Parse(adminURL)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// admin runs one statement on the maintenance database.
func admin(t testing.TB, sql string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, adminURL)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, sql); err != nil {
		t.Fatalf("pgtest: %s: %v", sql, err)
	}
}

// findServer sets adminURL to URLEnv's server or a new local cluster's, or
// errStart to why there is neither.
func findServer() {
	if u := os.Getenv(URLEnv); u != "" {
		adminURL = u
		return
	}
	dirs, _ := filepath.Glob(binGlob)
	if len(dirs) == 0 {
		errStart, skip = fmt.Errorf("no PostgreSQL in %s (apt-get install postgresql) and %s is not set", binGlob, URLEnv), true
		return
	}
	slices.SortFunc(dirs, func(a, b string) int { return version(b) - version(a) }) // newest first
	local, errStart = startCluster(dirs[0])
	if errStart == nil {
		adminURL = local.url()
	}
}

// version returns N of /usr/lib/postgresql/N/bin.
func version(bin string) int {
	n, _ := strconv.Atoi(filepath.Base(filepath.Dir(bin)))
	return n
}

// cluster is a PostgreSQL cluster in a temporary directory.
type cluster struct {
	bin  string               // directory of initdb, pg_ctl
	dir  string               // the socket's; data/ holds the cluster, log its log
	cred *syscall.SysProcAttr // runs commands as the cluster's owner; nil for ourselves
}

// startCluster creates and starts a cluster with the binaries in bin.
func startCluster(bin string) (*cluster, error) {
	dir, err := os.MkdirTemp("", "gilscope-pg-")
	if err != nil {
		return nil, err
	}
	c := &cluster{bin: bin, dir: dir}
	if os.Geteuid() == 0 {
		if err := c.runAs(unprivilegedUser); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
	}
	data := filepath.Join(dir, "data")
	if err := c.run("initdb", "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8",
		"--locale=C", "--no-sync", "--no-instructions"); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	// The settings go in the cluster's own file (appending keeps its owner):
	// no TCP, the socket beside the data, and speed over durability, which a
	// throwaway cluster does not need.
	conf := fmt.Sprintf("\nlisten_addresses = ''\nunix_socket_directories = '%s'\nport = %d\n"+
		"fsync = off\nfull_page_writes = off\nmax_connections = 100\n", dir, port)
	if err := appendFile(filepath.Join(data, "postgresql.conf"), conf); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	err = c.run("pg_ctl", "start", "-D", data, "-l", filepath.Join(dir, "log"), "-w",
		"-t", strconv.Itoa(int(startTimeout/time.Second)))
	if err != nil {
		log, _ := os.ReadFile(filepath.Join(dir, "log"))
		os.RemoveAll(dir)
		return nil, fmt.Errorf("%w\nserver log:\n%s", err, log)
	}
	return c, nil
}

// runAs makes the cluster run as the named user, who gets its directory.
func (c *cluster) runAs(name string) error {
	u, err := user.Lookup(name)
	if err != nil {
		return fmt.Errorf("running as root, PostgreSQL needs an unprivileged user: %w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	if err := os.Chown(c.dir, uid, gid); err != nil {
		return err
	}
	c.cred = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}}
	return nil
}

// run runs one of the cluster's programs in its directory.
func (c *cluster) run(prog string, args ...string) error {
	cmd := exec.Command(filepath.Join(c.bin, prog), args...)
	cmd.Dir = c.dir // initdb needs a working directory its user can enter
	cmd.SysProcAttr = c.cred
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%s: %w\n%s", prog, err, out)
	}
	return nil
}

// url returns the URL of the cluster's maintenance database.
func (c *cluster) url() string {
	q := url.Values{"host": {c.dir}, "port": {strconv.Itoa(port)}, "user": {"postgres"}, "sslmode": {"disable"}}
	return "postgres:///postgres?" + q.Encode()
}

// stop stops the cluster and removes its directory.
func (c *cluster) stop() error {
	err := c.run("pg_ctl", "stop", "-D", filepath.Join(c.dir, "data"), "-m", "fast", "-w")
	return errors.Join(err, os.RemoveAll(c.dir))
}

// appendFile appends s to the file at path.
func appendFile(path, s string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return err
	}
	_, err = f.WriteString(s)
	return errors.Join(err, f.Close())
}
