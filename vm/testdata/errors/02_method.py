# Uncaught RuntimeError raised inside a method called from another method (whole-line call sites, no carets in 3.11/3.12).
# Expected: exit code 1, stdout = the lines printed before the failure, stderr (3.11 and 3.12 identical;
# CPython prints the absolute script path, abbreviated here as .../):
#   Traceback (most recent call last):
#     File ".../vm/testdata/errors/02_method.py", line 35, in <module>
#       acct.withdraw(25)
#     File ".../vm/testdata/errors/02_method.py", line 27, in withdraw
#       self.check(amount)
#     File ".../vm/testdata/errors/02_method.py", line 24, in check
#       raise RuntimeError("%s cannot withdraw %d (balance %d)" % (self.owner, amount, self.balance))
#   RuntimeError: ann cannot withdraw 25 (balance 20)
# python 3.13 differs (caret lines under call sites):
#   @@ -3,0 +4 @@
#   +    ~~~~~~~~~~~~~^^^^
#   @@ -5,0 +7 @@
#   +    ~~~~~~~~~~^^^^^^^^
class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance

    def check(self, amount):
        if amount > self.balance:
            raise RuntimeError("%s cannot withdraw %d (balance %d)" % (self.owner, amount, self.balance))

    def withdraw(self, amount):
        self.check(amount)
        self.balance -= amount
        print(self.owner, "withdrew", amount, "->", self.balance)


acct = Account("ann", 100)
acct.withdraw(30)
acct.withdraw(50)
acct.withdraw(25)
print("never reached")
