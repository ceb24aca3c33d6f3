# contextvars (each thread's own context, Context.run, tokens) and signal (handlers
# kept per process, CPython's checks and constants).
import contextvars
import signal
import threading

request_id = contextvars.ContextVar('request_id', default=5)
user = contextvars.ContextVar('user')


def short(obj):
    return str(obj).split(' at 0x')[0]


def show(label):
    print(label, request_id.get(), user.get('nobody'))


def handle(n):
    request_id.set(n)
    user.set('user%d' % n)
    show('handling')


if __name__ == '__main__':
    t = request_id.set(1)
    print(short(repr(t)))
    request_id.reset(t)
    print(short(repr(t)))
    try:
        request_id.reset(t)
    except RuntimeError as e:
        print(short(e))
    try:
        user.get()
    except LookupError as e:
        print(type(e).__name__, short(e))
    print(t.var is request_id, t.old_value is contextvars.Token.MISSING, contextvars.Token.MISSING)
    ctx = contextvars.copy_context()
    print(list(ctx.items()), len(ctx), request_id in ctx)
    request_id.set(2)

    def run_in(a):
        request_id.set(a)
        return request_id.get()

    print(ctx.run(run_in, 10), request_id.get(), ctx[request_id], ctx.get(user))
    threads = [threading.Thread(target=show, args=('new thread',)),
               threading.Thread(target=contextvars.copy_context().run, args=(show, 'copied'))]
    for th in threads:
        th.start()
        th.join()
    for n in range(3):
        th = threading.Thread(target=handle, args=(n,))
        th.start()
        th.join()
    show('main')
    print(contextvars.ContextVar[int], contextvars.Context, request_id.name)
    try:
        ctx.run(ctx.run, print, 'x')
    except RuntimeError as e:
        print(short(e))

    print(signal.SIGINT, repr(signal.SIGINT), signal.SIG_DFL, repr(signal.SIG_IGN))
    print(signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM), signal.NSIG)
    print([(s.name, s.value) for s in signal.Signals][:6])
    print(signal.strsignal(2), signal.strsignal(signal.SIGTERM))

    def in_thread():
        try:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        except ValueError as e:
            print(e)

    th = threading.Thread(target=in_thread)
    th.start()
    th.join()
    for args in [(99, signal.SIG_IGN), (signal.SIGKILL, signal.SIG_IGN), (2, 5)]:
        try:
            signal.signal(*args)
        except (ValueError, OSError, TypeError) as e:
            print(type(e).__name__, e.args)

    def on_term(signum, frame):
        print('terminating')

    print(signal.signal(signal.SIGTERM, on_term))
    print(signal.getsignal(signal.SIGTERM) is on_term)
    print(repr(signal.signal(signal.SIGTERM, signal.SIG_IGN)) == repr(on_term))
    print(repr(signal.getsignal(signal.SIGTERM)))
    print(type(signal.SIGINT).__name__, isinstance(signal.SIGINT, int), signal.Signals(15).name)
    print(sorted(signal.valid_signals())[:5], len(signal.valid_signals()))
    print(str(signal.SIGINT), int(signal.SIGINT), f'{signal.SIGINT}', signal.SIGRTMIN)
    try:
        signal.default_int_handler(2, None)
    except KeyboardInterrupt:
        print('KeyboardInterrupt')
