// This file defines the builtin Warning classes and the remaining builtin exceptions
// of CPython 3.12 that gilscope's own code does not raise.

package py

var (
	WarningClass                   = newExcClass("Warning", ExceptionClass)
	UserWarningClass               = newExcClass("UserWarning", WarningClass)
	DeprecationWarningClass        = newExcClass("DeprecationWarning", WarningClass)
	PendingDeprecationWarningClass = newExcClass("PendingDeprecationWarning", WarningClass)
	SyntaxWarningClass             = newExcClass("SyntaxWarning", WarningClass)
	RuntimeWarningClass            = newExcClass("RuntimeWarning", WarningClass)
	FutureWarningClass             = newExcClass("FutureWarning", WarningClass)
	ImportWarningClass             = newExcClass("ImportWarning", WarningClass)
	UnicodeWarningClass            = newExcClass("UnicodeWarning", WarningClass)
	BytesWarningClass              = newExcClass("BytesWarning", WarningClass)
	ResourceWarningClass           = newExcClass("ResourceWarning", WarningClass)
	EncodingWarningClass           = newExcClass("EncodingWarning", WarningClass)
	FloatingPointErrorClass        = newExcClass("FloatingPointError", ArithmeticErrorClass)
	StopAsyncIterationClass        = newExcClass("StopAsyncIteration", ExceptionClass)
	UnicodeTranslateErrorClass     = newExcClass("UnicodeTranslateError", UnicodeErrorClass)
)

func init() {
	for _, c := range []*Class{WarningClass, UserWarningClass, DeprecationWarningClass,
		PendingDeprecationWarningClass, SyntaxWarningClass, RuntimeWarningClass, FutureWarningClass,
		ImportWarningClass, UnicodeWarningClass, BytesWarningClass, ResourceWarningClass,
		EncodingWarningClass, FloatingPointErrorClass, StopAsyncIterationClass, UnicodeTranslateErrorClass} {
		c.New = excNew
		exceptionClasses = append(exceptionClasses, c)
	}
}
