package machine

import (
	"sync"
	"testing"
)

// TestLibraryCompiles compiles every library module: runs compile only what they
// import, so a module no test imports would otherwise break unnoticed.
func TestLibraryCompiles(t *testing.T) {
	if err := Prepare(); err != nil {
		t.Fatal(err)
	}
}

// TestLibraryCompilesOnImport checks that a run compiles only the modules it imports,
// and that runs importing the same module in parallel share one program.
func TestLibraryCompilesOnImport(t *testing.T) {
	lib := &library{modules: map[string]*libModule{}, files: map[string]*libModule{},
		packages: map[string]bool{}}
	for _, name := range theLibrary().names {
		lm := theLibrary().modules[name]
		lib.add(name, &libModule{filename: lm.filename, file: lm.file})
	}
	var wg sync.WaitGroup
	progs := make([]any, 8)
	for i := range progs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p, err := lib.Program("queue")
			if err != nil {
				t.Error(err)
			}
			progs[i] = p
		}()
	}
	wg.Wait()
	for i := range progs {
		if progs[i] != progs[0] {
			t.Fatalf("run %d compiled queue again", i)
		}
	}
	for name, lm := range lib.modules {
		if done := lm.prog != nil; done != (name == "queue") {
			t.Errorf("%s compiled: %v", name, done)
		}
	}
	if lib.File("<gilscope queue>") != progs[0] {
		t.Error("File does not find queue's program")
	}
	if !lib.IsPackage("concurrent") || lib.IsPackage("queue") {
		t.Error("IsPackage")
	}
}
