# warnings: the message format on stderr, the default filters (a DeprecationWarning
# is shown only when __main__ triggers it, once per place), filters and catch_warnings.
import warnings

try:
    Warning
except NameError:  # gilscope: the Warning classes are not builtins yet (docs/stdlib.md)
    from warnings import Warning, UserWarning, DeprecationWarning, RuntimeWarning, FutureWarning


def old_api():
    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)
    return 1


for i in range(3):
    old_api()
warnings.warn("something odd")
warnings.warn("something odd")
warnings.warn("runtime trouble", RuntimeWarning)
warnings.warn(UserWarning("an instance"))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    old_api()
    warnings.warn("recorded")
print(len(caught), [w.category.__name__ for w in caught], [str(w.message) for w in caught])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error", FutureWarning)
    except FutureWarning as e:
        print("raised", type(e).__name__, e)
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="noisy")
    warnings.warn("noisy library message")
    warnings.warn("not ignored")
warnings.simplefilter("ignore", UserWarning)
warnings.warn("ignored user warning")
print(issubclass(DeprecationWarning, Warning), issubclass(Warning, Exception))
try:
    warnings.simplefilter("sometimes")
except AssertionError as e:
    print(e)
print(warnings.formatwarning("msg", UserWarning, "file.py", 3, "  x = 1  "), end="")
