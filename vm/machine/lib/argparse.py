# argparse, as gilscope provides it: enough for the scripts that parse their command
# line, which in the playground is always empty (sys.argv is ['main.py']), so that
# they run with their defaults. Optional and positional arguments, the common actions
# (store, store_const, store_true, store_false, append, count, version, help), type,
# default, choices, required, nargs ('?', '*', '+', N), dest, metavar, mutually
# exclusive groups and argument groups; parse_args, parse_known_args, print_help.
# Subparsers and prefix matching of long options are missing.
import sys

SUPPRESS = '==SUPPRESS=='
OPTIONAL = '?'
ZERO_OR_MORE = '*'
ONE_OR_MORE = '+'
REMAINDER = '...'


class ArgumentError(Exception):
    def __init__(self, argument, message):
        self.argument_name = argument
        self.message = message
        Exception.__init__(self, message)

    def __str__(self):
        if self.argument_name is None:
            return self.message
        return 'argument %s: %s' % (self.argument_name, self.message)


class ArgumentTypeError(Exception):
    pass


class Namespace:
    def __init__(self, **kwargs):
        for k in kwargs:
            setattr(self, k, kwargs[k])

    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)

    def __contains__(self, key):
        return key in self.__dict__

    def __repr__(self):
        return 'Namespace(%s)' % ', '.join('%s=%r' % (k, v) for k, v in self.__dict__.items())


class HelpFormatter:
    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        self._prog = prog


class RawDescriptionHelpFormatter(HelpFormatter):
    pass


class RawTextHelpFormatter(HelpFormatter):
    pass


class ArgumentDefaultsHelpFormatter(HelpFormatter):
    pass


class FileType:
    def __init__(self, mode='r', bufsize=-1, encoding=None, errors=None):
        self._mode = mode

    def __call__(self, string):
        raise ArgumentTypeError("gilscope does not support files yet: can't open '%s'" % string)


class Action:
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None,
                 choices=None, required=False, help=None, metavar=None):
        self.option_strings = option_strings
        self.dest = dest
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar

    def __call__(self, parser, namespace, values, option_string=None):
        raise NotImplementedError('.__call__() not defined')


class _Store(Action):
    kind = 'store'


class _StoreConst(Action):
    kind = 'store_const'


class _Append(Action):
    kind = 'append'


class _AppendConst(Action):
    kind = 'append_const'


class _Count(Action):
    kind = 'count'


class _Help(Action):
    kind = 'help'


class _Version(Action):
    kind = 'version'


_ACTIONS = {
    'store': _Store, 'store_const': _StoreConst, 'store_true': _StoreConst,
    'store_false': _StoreConst, 'append': _Append, 'append_const': _AppendConst,
    'count': _Count, 'help': _Help, 'version': _Version,
}


class _Group:
    def __init__(self, parser, title=None, description=None, required=False):
        self._parser = parser
        self.title = title
        self.description = description
        self.required = required

    def add_argument(self, *args, **kwargs):
        return self._parser.add_argument(*args, **kwargs)

    def add_mutually_exclusive_group(self, required=False):
        return self._parser.add_mutually_exclusive_group(required=required)


class ArgumentParser:
    def __init__(self, prog=None, usage=None, description=None, epilog=None, parents=(),
                 formatter_class=HelpFormatter, prefix_chars='-', fromfile_prefix_chars=None,
                 argument_default=None, conflict_handler='error', add_help=True,
                 allow_abbrev=True, exit_on_error=True):
        if prog is None:
            prog = sys.argv[0].rsplit('/', 1)[-1] if sys.argv else 'main.py'
        self.prog = prog
        self.usage = usage
        self.description = description
        self.epilog = epilog
        self.argument_default = argument_default
        self.exit_on_error = exit_on_error
        self._actions = []
        self._defaults = {}
        if add_help:
            self.add_argument('-h', '--help', action='help', default=SUPPRESS,
                              help='show this help message and exit')
        for p in parents:
            for a in p._actions:
                if a.kind != 'help':
                    self._actions.append(a)
            self._defaults.update(p._defaults)

    def add_argument(self, *args, **kwargs):
        if args and args[0][:1] == '-':
            option_strings = list(args)
            dest = kwargs.pop('dest', None)
            if dest is None:
                longs = [s for s in args if s.startswith('--')]
                dest = (longs[0] if longs else args[0]).lstrip('-').replace('-', '_')
        else:
            if len(args) != 1:
                raise ValueError('invalid option string %r: must start with a character %r'
                                 % (args[1] if len(args) > 1 else '', '-'))
            option_strings = []
            dest = args[0]
            if 'dest' in kwargs:
                raise ValueError('dest supplied twice for positional argument')
        action = kwargs.pop('action', 'store')
        cls = _ACTIONS.get(action) if isinstance(action, str) else None
        if cls is None:
            raise NotImplementedError('gilscope does not support argparse action %r yet' % (action,))
        const = kwargs.pop('const', None)
        default = kwargs.pop('default', self.argument_default)
        if action == 'store_true':
            const = True
            default = False if default is None else default
        elif action == 'store_false':
            const = False
            default = True if default is None else default
        nargs = kwargs.pop('nargs', None)
        if action in ('store_const', 'store_true', 'store_false', 'append_const', 'count',
                      'help', 'version'):
            nargs = 0
        version = kwargs.pop('version', None)
        required = kwargs.pop('required', not option_strings and nargs not in ('?', '*'))
        a = cls(option_strings, dest, nargs=nargs, const=const, default=default,
                type=kwargs.pop('type', None), choices=kwargs.pop('choices', None),
                required=required, help=kwargs.pop('help', None),
                metavar=kwargs.pop('metavar', None))
        a.kind = action if action not in ('store_true', 'store_false') else 'store_const'
        a.version = version
        if kwargs:
            raise TypeError("add_argument() got an unexpected keyword argument %r" % next(iter(kwargs)))
        self._actions.append(a)
        return a

    def add_argument_group(self, title=None, description=None):
        return _Group(self, title, description)

    def add_mutually_exclusive_group(self, required=False):
        return _Group(self, required=required)

    def add_subparsers(self, **kwargs):
        raise NotImplementedError('gilscope does not support argparse subparsers yet')

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for a in self._actions:
            if a.dest in kwargs:
                a.default = kwargs[a.dest]

    def get_default(self, dest):
        for a in self._actions:
            if a.dest == dest and a.default is not None:
                return a.default
        return self._defaults.get(dest)

    def _name(self, a):
        if a.option_strings:
            return '/'.join(a.option_strings)
        return a.metavar or a.dest

    def _convert(self, a, s):
        value = s
        if a.type is not None:
            try:
                value = a.type(s)
            except ArgumentTypeError as e:
                raise ArgumentError(self._name(a), str(e))
            except (TypeError, ValueError):
                name = getattr(a.type, '__name__', repr(a.type))
                raise ArgumentError(self._name(a), 'invalid %s value: %r' % (name, s))
        if a.choices is not None and value not in a.choices:
            raise ArgumentError(self._name(a), 'invalid choice: %r (choose from %s)'
                                % (value, ', '.join(repr(c) for c in a.choices)))
        return value

    def _take(self, a, words, i):
        """The values of a starting at words[i]: (value, next index)."""
        n = a.nargs
        avail = []
        while i + len(avail) < len(words) and not (words[i + len(avail)][:1] == '-' and len(words[i + len(avail)]) > 1):
            avail.append(words[i + len(avail)])
        if n is None:
            if not avail:
                raise ArgumentError(self._name(a), 'expected one argument')
            return self._convert(a, avail[0]), i + 1
        if n == '?':
            if not avail:
                return (a.const if a.option_strings else a.default), i
            return self._convert(a, avail[0]), i + 1
        if n in ('*', '+', REMAINDER):
            if n == '+' and not avail:
                raise ArgumentError(self._name(a), 'expected at least one argument')
            return [self._convert(a, w) for w in avail], i + len(avail)
        if len(avail) < n:
            raise ArgumentError(self._name(a), 'expected %d arguments' % n)
        return [self._convert(a, w) for w in avail[:n]], i + n

    def parse_known_args(self, args=None, namespace=None):
        if args is None:
            args = sys.argv[1:]
        args = list(args)
        ns = namespace if namespace is not None else Namespace()
        for a in self._actions:
            if a.default is not SUPPRESS and not hasattr(ns, a.dest):
                default = a.default
                if isinstance(default, str) and a.type is not None and default is not None:
                    default = self._convert(a, default)
                setattr(ns, a.dest, default)
        for k, v in self._defaults.items():
            if not hasattr(ns, k):
                setattr(ns, k, v)
        options = {}
        for a in self._actions:
            for s in a.option_strings:
                options[s] = a
        positionals = [a for a in self._actions if not a.option_strings]
        seen = set()
        extras = []
        words = []
        i = 0
        try:
            while i < len(args):
                w = args[i]
                if w == '--':
                    words.extend(args[i + 1:])
                    break
                if w[:1] == '-' and len(w) > 1:
                    opt, eq, val = w.partition('=')
                    a = options.get(opt)
                    if a is None:
                        extras.append(w)
                        i += 1
                        continue
                    seen.add(a)
                    if a.kind == 'help':
                        self.print_help()
                        self.exit()
                    if a.kind == 'version':
                        print(a.version.replace('%(prog)s', self.prog))
                        self.exit()
                    if a.nargs == 0:
                        if a.kind == 'count':
                            setattr(ns, a.dest, (getattr(ns, a.dest, None) or 0) + 1)
                        elif a.kind == 'append_const':
                            setattr(ns, a.dest, (getattr(ns, a.dest, None) or []) + [a.const])
                        else:
                            setattr(ns, a.dest, a.const)
                        i += 1
                        continue
                    if eq:
                        value, i = self._take(a, [val], 0)[0], i + 1
                    else:
                        value, i = self._take(a, args, i + 1)
                    if a.kind == 'append':
                        setattr(ns, a.dest, (getattr(ns, a.dest, None) or []) + [value])
                    else:
                        setattr(ns, a.dest, value)
                    continue
                words.append(w)
                i += 1
            j = 0
            for a in positionals:
                if j >= len(words) and a.nargs in ('?', '*'):
                    if a.nargs == '*' and a.default is None:
                        setattr(ns, a.dest, [])
                    continue
                if j >= len(words):
                    break
                value, j = self._take(a, words, j)
                setattr(ns, a.dest, value)
                seen.add(a)
            extras.extend(words[j:])
            missing = [self._name(a) for a in self._actions
                       if a.required and a not in seen]
            if missing:
                raise ArgumentError(None, 'the following arguments are required: %s'
                                    % ', '.join(missing))
        except ArgumentError as e:
            if not self.exit_on_error:
                raise
            self.error(str(e))
        return ns, extras

    def parse_args(self, args=None, namespace=None):
        ns, extras = self.parse_known_args(args, namespace)
        if extras:
            self.error('unrecognized arguments: %s' % ' '.join(extras))
        return ns

    def format_usage(self):
        if self.usage is not None:
            return 'usage: %s\n' % self.usage.replace('%(prog)s', self.prog)
        parts = [self.prog]
        for a in self._actions:
            if a.option_strings:
                s = a.option_strings[0]
                if a.nargs != 0:
                    s += ' ' + (a.metavar or a.dest.upper())
                parts.append(s if a.required else '[%s]' % s)
        for a in self._actions:
            if not a.option_strings:
                name = a.metavar or a.dest
                parts.append('[%s]' % name if a.nargs in ('?', '*') else name)
        return 'usage: %s\n' % ' '.join(parts)

    def format_help(self):
        out = [self.format_usage()]
        if self.description:
            out.append('\n%s\n' % self.description)
        pos = [a for a in self._actions if not a.option_strings]
        opt = [a for a in self._actions if a.option_strings]
        if pos:
            out.append('\npositional arguments:\n')
            for a in pos:
                out.append('  %-22s%s\n' % (a.metavar or a.dest, a.help or ''))
        if opt:
            out.append('\noptions:\n')
            for a in opt:
                names = ', '.join(s if a.nargs == 0 else s + ' ' + (a.metavar or a.dest.upper())
                                  for s in a.option_strings)
                out.append('  %-22s%s\n' % (names, a.help or ''))
        if self.epilog:
            out.append('\n%s\n' % self.epilog)
        return ''.join(out)

    def print_usage(self, file=None):
        (file or sys.stdout).write(self.format_usage())

    def print_help(self, file=None):
        (file or sys.stdout).write(self.format_help())

    def exit(self, status=0, message=None):
        if message:
            sys.stderr.write(message)
        sys.exit(status)

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(2, '%s: error: %s\n' % (self.prog, message))
