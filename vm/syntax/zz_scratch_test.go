package syntax

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

func TestScratch(t *testing.T) {
	f := os.Getenv("SNIPPETS")
	if f == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(f)
	var srcs []string
	json.Unmarshal(data, &srcs)
	for _, s := range srcs {
		_, err := Parse("prog.py", []byte(s))
		res := "OK"
		if err != nil {
			e := err.(*Error)
			res = fmt.Sprintf("%s %d:%d: %s", e.Kind, e.Pos.Line, e.Pos.Col, e.Msg)
		}
		fmt.Printf("%-40s => %s\n", fmt.Sprintf("%q", s), res)
	}
}

func TestScratchFiles(t *testing.T) {
	f := os.Getenv("DUMPFILES")
	if f == "" {
		t.Skip()
	}
	data, _ := os.ReadFile(f)
	var files []string
	json.Unmarshal(data, &files)
	out, _ := os.Create(os.Getenv("DUMPOUT"))
	defer out.Close()
	for _, name := range files {
		src, _ := os.ReadFile(name)
		mod, err := Parse(name, src)
		if err != nil {
			e := err.(*Error)
			fmt.Fprintf(out, "%s\tERR\t%s %d:%d: %s\n", name, e.Kind, e.Pos.Line, e.Pos.Col, e.Msg)
			continue
		}
		fmt.Fprintf(out, "%s\tOK\t%s\n", name, Dump(mod))
	}
}
