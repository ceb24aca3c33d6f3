// This file defines the builtin exceptions of files and standard input, which the
// host's open and input raise (Interp.Open, Interp.Input).

package py

var (
	FileNotFoundErrorClass = newExcClass("FileNotFoundError", OSErrorClass)
	FileExistsErrorClass   = newExcClass("FileExistsError", OSErrorClass)
	IsADirectoryErrorClass = newExcClass("IsADirectoryError", OSErrorClass)
	PermissionErrorClass   = newExcClass("PermissionError", OSErrorClass)
	EOFErrorClass          = newExcClass("EOFError", ExceptionClass)
)

// init runs after exceptions.go's (files initialise in name order), so it sets what
// that init sets for the classes it lists.
func init() {
	for _, c := range []*Class{FileNotFoundErrorClass, FileExistsErrorClass,
		IsADirectoryErrorClass, PermissionErrorClass, EOFErrorClass} {
		c.New = excNew
		exceptionClasses = append(exceptionClasses, c)
	}
}
