# Uncaught user-defined exception (subclass of a user base class) with a message built in __init__.
# Expected: exit code 1, stdout = the lines printed before the failure, stderr (3.11 and 3.12 identical;
# CPython prints the absolute script path, abbreviated here as .../):
#   Traceback (most recent call last):
#     File ".../vm/testdata/errors/04_user_exception.py", line 35, in <module>
#       pay(10, 25)
#     File ".../vm/testdata/errors/04_user_exception.py", line 26, in pay
#       raise InsufficientFunds(balance, amount)
#   InsufficientFunds: balance 10 is less than 25
# python 3.13 differs (caret lines under call sites):
#   @@ -3,0 +4 @@
#   +    ~~~^^^^^^^^
class BankError(Exception):
    pass


class InsufficientFunds(BankError):
    def __init__(self, balance, amount):
        super().__init__("balance %d is less than %d" % (balance, amount))
        self.balance = balance
        self.amount = amount


def pay(balance, amount):
    if amount > balance:
        raise InsufficientFunds(balance, amount)
    print("paid", amount, "of", balance)


try:
    pay(10, 25)
except BankError as e:
    print("handled once:", e)
pay(50, 20)
pay(10, 25)
