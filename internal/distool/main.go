package main

import (
	"fmt"
	"os"

	"github.com/gilscope/gilscope/vm"
	"github.com/gilscope/gilscope/vm/compile"
)

func main() {
	src, _ := os.ReadFile(os.Args[1])
	p, err := vm.Compile(os.Args[1], src)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(compile.Disassemble(p.Toplevel))
}
