# _collections_abc is collections.abc, as CPython's collections.abc is _collections_abc.
import sys
import collections.abc
sys.modules['_collections_abc'] = collections.abc
